package io.clearflow.regtech.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The SSRF guard decides on the resolved addresses, not on how the host is spelled. */
class AddressGuardTest {

    /** A resolver like a hostile DNS: public-looking names that resolve to internal addresses. */
    static final Map<String, String> DNS = Map.of(
            "feeds.example.com", "93.184.216.34",
            "rebind.example.com", "127.0.0.1",
            "intranet.example.com", "10.1.2.3",
            "corp.example.com", "192.168.1.10",
            "metadata.example.com", "169.254.169.254",
            "linklocal.example.com", "169.254.10.10",
            "v6local.example.com", "fd00::1",
            "mapped.example.com", "::ffff:127.0.0.1",
            "cgnat.example.com", "100.64.0.1",
            "nat64.example.com", "64:ff9b::a00:1");

    static AddressGuard guard(boolean allowPrivate, List<String> allowed) {
        return new AddressGuard(allowPrivate, allowed, host -> {
            String ip = DNS.get(host);
            if (ip == null) {
                return InetAddress.getAllByName(host); // literal addresses only in this test
            }
            return new InetAddress[] {InetAddress.getByName(ip)};
        });
    }

    @ParameterizedTest
    @CsvSource({
            "http://rebind.example.com/rss, loopback",
            "http://intranet.example.com/rss, private",
            "http://corp.example.com/rss, private",
            "http://metadata.example.com/latest/meta-data/, metadata",
            "http://169.254.169.254/latest/meta-data/, metadata",
            "http://linklocal.example.com/, link-local",
            "http://v6local.example.com/, private",
            "http://mapped.example.com/, loopback",
            "http://cgnat.example.com/, carrier-grade",
            "http://nat64.example.com/, private",
            "http://127.0.0.1:8080/, loopback",
            "http://[::1]/, loopback",
            "http://0.0.0.0/, unspecified",
            "http://localhost/, loopback",
            "http://metadata.google.internal/, metadata host"
    })
    void refusesInternalAddressesAfterResolution(String url, String reason) {
        assertThatThrownBy(() -> guard(false, List.of()).check(URI.create(url)))
                .isInstanceOf(FetchException.class).hasMessageContaining("refused").hasMessageContaining(reason);
    }

    @ParameterizedTest
    @CsvSource({"file:///etc/passwd", "ftp://feeds.example.com/x", "gopher://feeds.example.com/", "jar:file:/x!/y"})
    void refusesOtherSchemes(String url) {
        assertThatThrownBy(() -> guard(true, List.of()).check(URI.create(url))).hasMessageContaining("only http and https");
    }

    @Test
    void refusesCredentialsInTheUrl() {
        assertThatThrownBy(() -> guard(false, List.of()).check(URI.create("http://user:pw@feeds.example.com/")))
                .hasMessageContaining("credentials");
    }

    @Test
    void letsPublicHostsThrough() {
        assertThatCode(() -> guard(false, List.of()).check(URI.create("https://feeds.example.com/rss"))).doesNotThrowAnyException();
    }

    @Test
    void theAllowListAndTheSwitchOpenIt() throws Exception {
        guard(false, List.of("intranet.example.com")).check(URI.create("http://intranet.example.com/rss"));
        guard(true, List.of()).check(URI.create("http://127.0.0.1/rss"));
        assertThatThrownBy(() -> guard(false, List.of("intranet.example.com")).check(URI.create("http://corp.example.com/rss")))
                .hasMessageContaining("private");
    }

    @Test
    void anyForbiddenAddressAmongSeveralRefuses() {
        AddressGuard g = new AddressGuard(false, List.of(), host -> new InetAddress[] {
                InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.0.0.5")});
        assertThatThrownBy(() -> g.check(URI.create("http://two.example.com/"))).hasMessageContaining("private");
    }

    @Test
    void kinds() throws Exception {
        assertThat(AddressGuard.forbiddenKind(InetAddress.getByName("8.8.8.8"))).isNull();
        assertThat(AddressGuard.forbiddenKind(InetAddress.getByName("2606:4700::1111"))).isNull();
        assertThat(AddressGuard.forbiddenKind(InetAddress.getByName("fe80::1"))).isEqualTo("link-local");
        assertThat(AddressGuard.forbiddenKind(InetAddress.getByName("172.16.0.1"))).isEqualTo("private");
        assertThat(AddressGuard.forbiddenKind(InetAddress.getByName("224.0.0.1"))).isEqualTo("multicast");
    }
}

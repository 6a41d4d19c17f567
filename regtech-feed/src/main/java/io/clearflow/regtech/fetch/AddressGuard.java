package io.clearflow.regtech.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The SSRF guard. A source URL is fetched only over http(s), and only when every address its host
 * resolves to is public: loopback, private (RFC 1918, IPv6 unique-local), link-local, shared
 * (100.64/10), unspecified, multicast, reserved and cloud metadata addresses are refused. The fetcher
 * asks again for every redirect target. Hosts listed in {@code clearflow.regtech.allowed-hosts} and
 * the switch {@code clearflow.regtech.allow-private-addresses} open it deliberately.
 */
public final class AddressGuard {

    /** Name resolution, replaceable in tests. */
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private static final Set<String> METADATA_HOSTS = Set.of("metadata.google.internal", "metadata",
            "metadata.azure.com", "instance-data", "instance-data.ec2.internal");

    private final boolean allowPrivate;
    private final Set<String> allowedHosts;
    private final Resolver resolver;

    public AddressGuard(boolean allowPrivate, List<String> allowedHosts, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.allowedHosts = allowedHosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        this.resolver = resolver;
    }

    public AddressGuard(boolean allowPrivate, List<String> allowedHosts) {
        this(allowPrivate, allowedHosts, InetAddress::getAllByName);
    }

    /** Throws when the URL may not be fetched; returns normally when it may. */
    public void check(URI url) throws FetchException {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw FetchException.keyed("regtech.poll.error.scheme", "refused: only http and https URLs are fetched, not '" + scheme + "'", scheme);
        }
        String host = url.getHost();
        if (host == null || host.isBlank()) {
            throw FetchException.keyed("regtech.poll.error.noHost", "refused: the URL has no host");
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (url.getUserInfo() != null) {
            throw FetchException.keyed("regtech.poll.error.credentials", "refused: credentials in the URL");
        }
        if (allowPrivate || allowedHosts.contains(host)) {
            return;
        }
        if (METADATA_HOSTS.contains(host)) {
            throw FetchException.keyed("regtech.poll.error.metadata", "refused: " + host + " is a cloud metadata host", host);
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw FetchException.keyed("regtech.poll.error.unknownHost", "unknown host " + host, host);
        }
        if (addresses.length == 0) {
            throw FetchException.keyed("regtech.poll.error.unknownHost", "unknown host " + host, host);
        }
        for (InetAddress a : addresses) {
            String kind = forbiddenKind(a);
            if (kind != null) {
                throw FetchException.keyed("regtech.poll.error.privateAddress", "refused: " + host + " resolves to a " + kind + " address ("
                        + a.getHostAddress() + "); list the host in clearflow.regtech.allowed-hosts to allow it", host, kind,
                        a.getHostAddress());
            }
        }
    }

    /** Why an address may not be contacted, or {@code null} when it is public. */
    static String forbiddenKind(InetAddress a) {
        if (a instanceof Inet6Address v6) {
            byte[] b = v6.getAddress();
            // IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::/96) and 6to4 (2002::/16) carry an IPv4 address
            if (isZero(b, 0, 12) && !isZero(b, 12, 16) && !v6.isLoopbackAddress()) {
                return forbiddenKind(v4(b, 12));
            }
            if (b[0] == 0x00 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && b[3] == (byte) 0x9b && isZero(b, 4, 12)) {
                return forbiddenKind(v4(b, 12));
            }
            if (b[0] == 0x20 && b[1] == 0x02) {
                return forbiddenKind(v4(b, 2));
            }
            if ((b[0] & 0xfe) == 0xfc) {
                return "private";
            }
        }
        if (a.isLoopbackAddress()) {
            return "loopback";
        }
        if (a.isAnyLocalAddress()) {
            return "unspecified";
        }
        if (a.isLinkLocalAddress()) {
            byte[] b = a.getAddress();
            if (b.length == 4 && (b[2] & 0xff) == 169 && (b[3] & 0xff) == 254) {
                return "metadata";
            }
            return "link-local";
        }
        if (a.isSiteLocalAddress()) {
            return "private";
        }
        if (a.isMulticastAddress()) {
            return "multicast";
        }
        if (a instanceof Inet4Address) {
            byte[] b = a.getAddress();
            int b0 = b[0] & 0xff;
            int b1 = b[1] & 0xff;
            if (b0 == 0) {
                return "unspecified";
            }
            if (b0 == 100 && b1 >= 64 && b1 <= 127) {
                return "shared (carrier-grade NAT)";
            }
            if (b0 == 192 && b1 == 0 && (b[2] & 0xff) == 0) {
                return "reserved";
            }
            if (b0 == 198 && (b1 == 18 || b1 == 19)) {
                return "reserved";
            }
            if (b0 >= 240) {
                return "reserved";
            }
        }
        return null;
    }

    private static boolean isZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress v4(byte[] b, int offset) {
        try {
            return InetAddress.getByAddress(new byte[] {b[offset], b[offset + 1], b[offset + 2], b[offset + 3]});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}

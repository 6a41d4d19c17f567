package io.clearflow.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Prometheus configurations and alert rules as Prometheus' own checker reads them ({@code promtool}
 * from Debian's prometheus package, which the test command installs).
 */
class PrometheusConfigTest {

    static final Path PROMETHEUS = Path.of("prometheus");

    @Test
    void theOneNodeConfigIsValidAndLoadsTheAlertRules() throws Exception {
        String out = promtool("check", "config", PROMETHEUS.resolve("prometheus.yml").toString());
        assertThat(out).contains("SUCCESS: 1 rule files found").contains("SUCCESS: 6 rules found");
    }

    /**
     * The cluster config reads the scrape user from a compose secret (username_file), a field of Prometheus
     * 2.48 and later (compose runs 3.x). Debian 12's promtool is 2.42: it checks a copy in which only that
     * field is a plain user name, so everything else (targets, rule file, paths) is still Prometheus' verdict.
     */
    @Test
    void theClusterConfigIsValidAndLoadsTheSameAlertRules(@TempDir Path dir) throws Exception {
        String cluster = Files.readString(PROMETHEUS.resolve("prometheus-cluster.yml"));
        assertThat(cluster).contains("username_file:");
        Files.writeString(dir.resolve("prometheus-cluster.yml"), cluster.replaceAll("username_file: .*", "username: scrape"));
        Files.copy(PROMETHEUS.resolve("alerts.yml"), dir.resolve("alerts.yml"));
        String out = promtool("check", "config", dir.resolve("prometheus-cluster.yml").toString());
        assertThat(out).contains("SUCCESS: 1 rule files found").contains("SUCCESS: 6 rules found");
    }

    @Test
    void theAlertRulesAreValid() throws Exception {
        assertThat(promtool("check", "rules", PROMETHEUS.resolve("alerts.yml").toString())).contains("SUCCESS: 6 rules found");
    }

    /**
     * promtool's rule unit tests (src/test/resources/ops/alerts-test.yml) on synthetic series: each alert stays quiet
     * on healthy series and while its condition has held for less than its "for", then fires with its labels and the
     * texts an operator reads (dead-letter jobs, outbox lag, a bot failing every minute but not one failing now and
     * then, a source failing for a day but not one failing for an hour, p95 above 1 s without the scrape counted).
     */
    @Test
    void theAlertsFireExactlyWhenTheirConditionHolds(@TempDir Path dir) throws Exception {
        Files.copy(PROMETHEUS.resolve("alerts.yml"), dir.resolve("alerts.yml"));
        Files.copy(Path.of("src", "test", "resources", "ops", "alerts-test.yml"), dir.resolve("alerts-test.yml"));
        assertThat(promtool("test", "rules", dir.resolve("alerts-test.yml").toString())).contains("SUCCESS");
    }

    @Test
    void aBrokenRuleIsRefused(@TempDir Path dir) throws Exception {
        // the checker is really checking: a rule with a PromQL syntax error fails
        Path broken = dir.resolve("broken.yml");
        Files.writeString(broken, "groups:\n  - name: x\n    rules:\n      - alert: X\n        expr: sum(rate(x[5m]) > 1\n");
        Process process = new ProcessBuilder(binary("promtool"), "check", "rules", broken.toString()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isNotZero();
    }

    static String promtool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(binary("promtool")));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("promtool %s:%n%s", String.join(" ", args), out).isZero();
        return out;
    }

    /** Debian's prometheus package installs both binaries in /usr/bin; -Dclearflow.prometheus.bin=dir overrides. */
    static String binary(String name) {
        Path path = Path.of(System.getProperty("clearflow.prometheus.bin", "/usr/bin"), name);
        assertThat(Files.isExecutable(path))
                .withFailMessage("%s is missing: install Debian's prometheus package (./test.sh does, via "
                        + "scripts/system-packages.sh test) or set -Dclearflow.prometheus.bin", path)
                .isTrue();
        return path.toString();
    }
}

package io.clearflow.testmetrics.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VersionOrderTest {

    @Test
    void numbersAsNumbersPreReleasesFirst() {
        List<String> versions = new ArrayList<>(List.of("3.10.0", "3.2.0", "3.2.0-rc1", "3.9.2", "3.2.0-rc10", "3.2",
                "3.2.1", "2024.06", "3.2.0-beta"));
        versions.sort(VersionOrder.INSTANCE);
        // a release after its pre-releases; "3.2.0" and "3.2" are equal and keep their order
        assertThat(versions).containsExactly("3.2.0-beta", "3.2.0-rc1", "3.2.0-rc10", "3.2.0", "3.2", "3.2.1", "3.9.2",
                "3.10.0", "2024.06");
        assertThat(VersionOrder.INSTANCE.compare("3.2", "3.2.0")).isZero();
    }
}

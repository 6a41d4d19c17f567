package io.clearflow.mining.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written fast path must agree with java.time on every shape it accepts. */
class TimestampsTest {

    @ParameterizedTest
    @ValueSource(strings = {"2010-12-30T14:32:00.000+01:00", "2012-10-09T14:50:17+00:00", "2024-02-29T23:59:59.9Z",
            "1969-12-31T23:59:59.999Z", "2011-10-11T13:45:40.276000+02:00", "2020-06-01T00:00:00-09:30",
            "2020-06-01T00:00:00.123456789+14:00"})
    void agreesWithJavaTime(String value) {
        assertThat(Timestamps.parse(value)).isEqualTo(OffsetDateTime.parse(value).toInstant().toEpochMilli());
        assertThat(Timestamps.parse(value.replace('T', ' '))).isEqualTo(Timestamps.parse(value));
    }

    @org.junit.jupiter.api.Test
    void epochDaysAgreeWithJavaTimeOverFourCenturies() {
        for (java.time.LocalDate d = java.time.LocalDate.of(1800, 1, 1); d.getYear() < 2200; d = d.plusDays(1)) {
            assertThat(Timestamps.epochDay(d.getYear(), d.getMonthValue(), d.getDayOfMonth())).isEqualTo(d.toEpochDay());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2020-06-01T12:00:00", "2020-06-01 12:00:00.5"})
    void noOffsetMeansUtc(String value) {
        assertThat(Timestamps.parse(value)).isEqualTo(OffsetDateTime.parse(value.replace(' ', 'T') + "Z").toInstant().toEpochMilli());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-02-29T00:00:00Z", "2020-13-01T00:00:00Z", "2020-01-01T24:00:00Z", "yesterday", " ",
            "2020-01-01T00:00:00+25:00"})
    void refusesWhatIsNotATime(String value) {
        assertThatThrownBy(() -> Timestamps.parse(value)).isInstanceOf(IllegalArgumentException.class);
    }
}

package io.clearflow.regtech.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Date forms found in regulators' feeds and pages; zone-less ones are read in Asia/Shanghai here. */
class DateReaderTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Tue, 09 Jan 2024 14:00:00 GMT|2024-01-09T14:00:00Z",
            "Mon, 4 Mar 2024 15:30:00 +0000|2024-03-04T15:30:00Z",
            "Tue, 30 Jan 2024 10:30:00 -0500|2024-01-30T15:30:00Z",
            "Fri, 15 Sep 2023 16:05:00 EDT|2023-09-15T20:05:00Z",
            "15 Sep 2023 16:05 +0200|2023-09-15T14:05:00Z",
            "2024-03-13T12:00:00+01:00|2024-03-13T11:00:00Z",
            "2024-03-13T12:00:00Z|2024-03-13T12:00:00Z",
            "2018-09-18 14:38:10|2018-09-18T06:38:10Z",
            "2024-05-15|2024-05-14T16:00:00Z",
            "2024/02/27|2024-02-26T16:00:00Z",
            "2024年5月20日|2024-05-19T16:00:00Z",
            "[2024.04.12]|2024-04-11T16:00:00Z",
            "发布时间：2024-01-24 09:00|2024-01-24T01:00:00Z"
    })
    void reads(String raw, String expected) {
        assertThat(DateReader.read(raw, ZoneId.of("Asia/Shanghai"), null)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"yesterday", "2024-13-45", "''", "Tue, 99 Foo 2024"})
    void unreadableDatesAreNull(String raw) {
        assertThat(DateReader.read(raw, ZoneId.of("UTC"), null)).isNull();
    }
}

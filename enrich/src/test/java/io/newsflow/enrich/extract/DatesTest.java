package io.newsflow.enrich.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DatesTest {

    @ParameterizedTest
    @CsvSource({
        "2019-11-19T10:00:00+01:00, 2019-11-19T09:00:00Z",
        "2019-11-19T10:00:00Z, 2019-11-19T10:00:00Z",
        "2019-11-19t10:00:00z, 2019-11-19T10:00:00Z",
        "2019-11-19T10:00:00.5Z, 2019-11-19T10:00:00.500Z",
        "2019-11-19T10:00:00.123-05:30, 2019-11-19T15:30:00.123Z",
        "2019-11-19T10:00:00.123456789+0100, 2019-11-19T09:00:00.123456789Z",
        "2019-11-19 10:00:00, 2019-11-19T10:00:00Z",
        "2019-11-19T10:00:00, 2019-11-19T10:00:00Z",
        "2019-11-19, 2019-11-19T00:00:00Z",
        "2019-11-19T10:00+01:00, 2019-11-19T09:00:00Z",
        "2019-11-19T10:00:00+01:00[Europe/Paris], 2019-11-19T09:00:00Z",
        "'  2019-11-19T10:00:00Z  ', 2019-11-19T10:00:00Z",
        "'Tue, 19 Nov 2019 10:00:00 GMT', 2019-11-19T10:00:00Z",
        // the formatter's smart resolution, as before the digit-by-digit path: a day past the month's end is its last
        "2019-02-30T10:00:00Z, 2019-02-28T10:00:00Z",
    })
    void readsTheShapesPagesUse(String raw, String expected) {
        assertEquals(Instant.parse(expected), Dates.parse(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2019-13-01", "2019-11-31T10:00:00+01:00x", "2019-11-19T10:00:00+01", "2019-11-19T10:00:00+19:00",
        "2019-11-19T25:00:00Z", "2019-11-19T10:00:00.1234567890Z", "yesterday", "", " ", "2019-1-19"})
    void takesWhatIsNotADateForNoDate(String raw) {
        assertNull(Dates.parse(raw), raw);
    }
}

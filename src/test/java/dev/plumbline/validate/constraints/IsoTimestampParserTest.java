package dev.plumbline.validate.constraints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IsoTimestampParserTest {

    private static final List<String> SAMPLES = List.of(
            "2024-03-14T09:30:00Z", "2024-03-14T09:30:00.1Z", "2024-03-14T09:30:00.123456789Z",
            "2024-03-14T09:30:00.123+05:30", "2024-03-14T09:30:00-08:00", "2024-03-14T09:30:00-00:00",
            "2024-02-29T23:59:59.999Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59+18:00",
            "2023-02-29T10:00:00Z", "2024-04-31T10:00:00Z", "2024-13-01T10:00:00Z", "2024-00-10T10:00:00Z",
            "2024-03-14T24:00:00Z", "2024-03-14T23:60:00Z", "2024-03-14T23:59:60Z", "2024-03-14T09:30:00+19:00",
            "2024-03-14T09:30:00+18:01", "2024-03-14T09:30:00.Z", "2024-03-14T09:30:00.1234567891Z",
            "2024-03-14t09:30:00Z", "2024-03-14T09:30:00z", "2024-03-14T09:30Z", "2024-03-14T09:30:00",
            "2024-03-14 09:30:00Z", "2024-03-14T09:30:00+0100", "2024-03-14T09:30:00+01", "2024-03-14T09:30:00+01:00:30",
            "2024-03-14T09:30:00Z ", " 2024-03-14T09:30:00Z", "+12024-03-14T09:30:00Z", "2024-3-14T09:30:00Z",
            "2024-03-14T09:30:00ZZ", "2024-03-14T09:30:00.5-03:30", "20240314T093000Z", "not a timestamp at all");

    @Test
    void readsEveryTextAsOffsetDateTimeParseDoes() {
        SAMPLES.forEach(IsoTimestampParserTest::assertSameAsJavaTime);
    }

    @Test
    void agreesWithJavaTimeOnRandomlyDamagedTimestamps() {
        Random random = new Random(7);
        String alphabet = "0123456789-:T.Z+ z";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder(SAMPLES.get(random.nextInt(9)));
            for (int edits = 1 + random.nextInt(2); edits > 0; edits--) {
                int at = random.nextInt(text.length());
                char c = alphabet.charAt(random.nextInt(alphabet.length()));
                switch (random.nextInt(3)) {
                    case 0 -> text.setCharAt(at, c);
                    case 1 -> text.insert(at, c);
                    default -> text.deleteCharAt(at);
                }
            }
            assertSameAsJavaTime(text.toString());
        }
    }

    @Test
    void refusesWithJavaTimesOwnMessage() {
        assertThatThrownBy(() -> IsoTimestampParser.instant("2023-02-29T10:00:00Z"))
                .isInstanceOf(DateTimeParseException.class).hasMessageContaining("February 29");
    }

    @Test
    void countsDaysAcrossCenturiesAndLeapYears() {
        for (String date : List.of("0000-03-01", "1600-02-29", "1900-03-01", "1969-12-31", "2000-02-29",
                "2100-12-31", "9999-12-31")) {
            assertSameAsJavaTime(date + "T12:34:56.789-07:30");
        }
    }

    private static void assertSameAsJavaTime(String text) {
        OffsetDateTime expected;
        try {
            expected = OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            assertThat(IsoTimestampParser.isValid(text)).as(text).isFalse();
            assertThatThrownBy(() -> IsoTimestampParser.instant(text)).as(text)
                    .isInstanceOf(DateTimeParseException.class);
            return;
        }
        assertThat(IsoTimestampParser.isValid(text)).as(text).isTrue();
        assertThat(IsoTimestampParser.instant(text)).as(text).isEqualTo(expected.toInstant());
    }
}

package dev.plumbline.validate.constraints;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class FixedShapePatternTest {

    private static final List<String> FIXED = List.of("^c-[0-9]{5}$", "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z$",
            "^[A-Z]{3}$", "^a\\.b\\$c$", "^[-a-cX]x{0}[_ ]$", "^[a-f0-9]{2}\\-\\/$", "^Y$");
    private static final List<String> NOT_FIXED = List.of("c-[0-9]{5}$", "^c-[0-9]{5}", "^a.b$", "^[^a]$",
            "^\\w{3}$", "^[a-z]+$", "^a{2,3}$", "^(ab)$", "^a|b$", "^[a\\d]$", "^[a-z&&[^b]]$", "^é$", "^$",
            "^a\\$");

    @Test
    void findsWhatTheRegexEngineFindsOnRandomTexts() {
        Random random = new Random(3);
        String alphabet = "c-0159AZaxbXY._ $/\\T:Zé\n\r\u0085\u2028\u2029\t";
        for (String regex : FIXED) {
            Pattern pattern = Pattern.compile(regex);
            FixedShapePattern fixed = FixedShapePattern.of(pattern);
            assertThat(fixed).as(regex).isNotNull();
            for (int n = 0; n < 20_000; n++) {
                String text = text(random, pattern, alphabet);
                assertThat(fixed.find(text)).as(regex + " on " + text.replace("\n", "\\n").replace("\r", "\\r"))
                        .isEqualTo(pattern.matcher(text).find());
                // the same text as a range of its payload, the way a column keeps it
                assertThat(fixed.find("{\"x\":\"" + text + "\"}", 6, 6 + text.length())).as(regex + " in a payload")
                        .isEqualTo(pattern.matcher(text).find());
            }
        }
    }

    @Test
    void leavesEveryOtherPatternToTheRegexEngine() {
        for (String regex : NOT_FIXED) {
            assertThat(FixedShapePattern.of(Pattern.compile(regex))).as(regex).isNull();
        }
        assertThat(FixedShapePattern.of(Pattern.compile("^a$", Pattern.MULTILINE))).isNull();
    }

    // near misses: a matching text (from a sample) mutated, or random characters of about the right length
    private static String text(Random random, Pattern pattern, String alphabet) {
        String sample = switch (pattern.pattern()) {
            case "^c-[0-9]{5}$" -> "c-01234";
            case "^[A-Z]{3}$" -> "EUR";
            case "^a\\.b\\$c$" -> "a.b$c";
            case "^[-a-cX]x{0}[_ ]$" -> "b_";
            case "^[a-f0-9]{2}\\-\\/$" -> "a9-/";
            case "^Y$" -> "Y";
            default -> "2026-11-05T10:00:00Z";
        };
        StringBuilder text = new StringBuilder(sample);
        for (int edits = random.nextInt(3); edits > 0; edits--) {
            char c = alphabet.charAt(random.nextInt(alphabet.length()));
            int at = random.nextInt(text.length() + 1);
            switch (random.nextInt(3)) {
                case 0 -> text.insert(at, c);
                case 1 -> text.replace(Math.min(at, text.length() - 1), Math.min(at, text.length() - 1) + 1,
                        String.valueOf(c));
                default -> text.append(random.nextBoolean() ? "\r\n" : String.valueOf(c));
            }
        }
        return text.toString();
    }
}

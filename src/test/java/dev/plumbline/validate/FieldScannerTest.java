package dev.plumbline.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The scanner against Jackson: on any text, valid or not, reading columns from the text must give what the
 * Jackson tree gives, or fail where Jackson fails.
 */
class FieldScannerTest {

    private static final List<String> NAMES = List.of("x", "amount", "é", "");

    private static final List<String> SEEDS = List.of(
            "{\"transaction_id\":\"tx-000001\",\"customer_id\":\"c-00042\",\"amount\":12.50,\"currency\":\"EUR\","
                    + "\"event_time\":\"2026-11-24T10:00:00.123Z\",\"x\":null}",
            "{ \"x\" : -0.0 , \"amount\" : 1.5E+3 ,\n\t\"skip\" : [ 1, -2, 3.25e-2, \"a\\\"b\", true, false, null,"
                    + " {\"x\": 7}, [] , {} ] }",
            "{\"x\":\"tab\\tnew\\nquote\\\" slash\\/ back\\\\ u\\u00e9\\u20AC\",\"é\":\"\\ud83d\\ude00 ok\","
                    + "\"\":1}",
            "{\"amount\":123456789012345678,\"x\":1234567890123456789,\"y\":-9223372036854775808}",
            "{\"x\":0,\"x\":0.1000000000000000001,\"amount\":9007199254740993.5,\"z\":1e400}",
            "{\"x\":{\"nested\":[1,{\"a\":\"b\"}]},\"amount\":[0.5]}",
            "{\"a\\u0078\":\"escaped name\",\"x\":true}",
            "[{\"x\":1}]", "\"x\"", "{}", " \r\n{\"x\":\"\"} trailing", "{\"x\":-12}");

    @Test
    void readsTheSameColumnsAsJacksonOnTrickyPayloads() throws IOException {
        for (String seed : SEEDS) {
            assertSameAsJackson(seed);
            if (seed.startsWith("{")) {
                assertSameTree(seed);
            }
        }
    }

    @Test
    void givesUpOrFailsWhereJacksonFailsOnMutatedPayloads() {
        Random random = new Random(42);
        for (int n = 0; n < 20_000; n++) {
            assertSameAsJackson(mutated(random));
        }
    }

    @Test
    void aScannerExpectingTheFieldsOfTheRowBeforeReadsTheNextAsJacksonDoes() {
        Random random = new Random(43);
        for (int n = 0; n < 20_000; n++) {
            String before = SEEDS.get(random.nextInt(SEEDS.size()));
            String payload = random.nextBoolean() ? mutated(random) : SEEDS.get(random.nextInt(SEEDS.size()));
            Map<String, ColumnVector> expected = vectors(1);
            Map<String, ColumnVector> actual = vectors(2);
            PayloadColumns reader = new PayloadColumns(actual);
            if (failure(() -> reader.read(before, 0)) != null) {
                continue;
            }
            Throwable jacksonFailure = failure(() -> new PayloadColumns(expected).readWithJackson(payload, 0));
            Throwable failure = failure(() -> reader.read(payload, 1));
            if (jacksonFailure != null) {
                assertThat(failure).as("Jackson refuses " + payload).isInstanceOf(jacksonFailure.getClass());
                continue;
            }
            assertThat(failure).as("Jackson reads " + payload + " after " + before).isNull();
            for (String name : NAMES) {
                assertSameValue(name + " of " + payload + " after " + before, expected.get(name), 0, actual.get(name),
                        1);
            }
        }
    }

    private static String mutated(Random random) {
        String alphabet = "{}[]\":,\\/ \t\n\u0001eE.-+019tnulfabé\u20ac";
        StringBuilder text = new StringBuilder(SEEDS.get(random.nextInt(SEEDS.size())));
        for (int edits = 1 + random.nextInt(3); edits > 0 && text.length() > 0; edits--) {
            int at = random.nextInt(text.length());
            char c = alphabet.charAt(random.nextInt(alphabet.length()));
            switch (random.nextInt(3)) {
                case 0 -> text.setCharAt(at, c);
                case 1 -> text.deleteCharAt(at);
                default -> text.insert(at, c);
            }
        }
        return text.toString();
    }

    @Test
    void deepNestingInASkippedFieldIsLeftToJackson() {
        String deep = "[".repeat(1_200) + "]".repeat(1_200);
        assertSameAsJackson("{\"skip\":" + deep + ",\"x\":1}");
        String shallow = "[".repeat(150) + "]".repeat(150);
        assertSameAsJackson("{\"skip\":" + shallow + ",\"x\":1}");
    }

    @Test
    void repeatedTextsReadThroughTheCacheKeepTheirValues() {
        Random random = new Random(7);
        List<String> texts = new java.util.ArrayList<>();
        List<String> payloads = new java.util.ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            String text = switch (random.nextInt(4)) {
                case 0 -> List.of("Aa", "BB", "AaAa", "BBBB", "AaBB", "EUR", "").get(random.nextInt(7)); // equal hashes
                case 1 -> "unique-" + i;
                case 2 -> "x".repeat(random.nextInt(100));
                default -> List.of("USD", "EUR", "GBP").get(random.nextInt(3));
            };
            texts.add(text);
            payloads.add("{\"x\":\"" + text + "\"}");
        }

        ColumnVector values = ColumnarRows.parse(payloads, List.of("x")).vector("x");

        for (int i = 0; i < texts.size(); i++) {
            assertThat(values.text(i)).as("row " + i).isEqualTo(texts.get(i));
        }
    }

    @Test
    void aWantedFieldNameMatchesOnlyItself() {
        Map<String, ColumnVector> wanted = new LinkedHashMap<>();
        for (String name : List.of("Aa", "BB", "amount", "amounts")) {
            wanted.put(name, new ColumnVector(1));
        }
        FieldScanner scanner = new FieldScanner(new FieldTable(wanted));

        assertThat(scanner.read("{\"BB\":1,\"Aa\":\"two\",\"amount\":3.5,\"amoun\":4}", 0)).isTrue();

        assertThat(wanted.get("BB").whole(0)).isEqualTo(1); // "Aa" and "BB" share a hash code
        assertThat(wanted.get("Aa").text(0)).isEqualTo("two");
        assertThat(wanted.get("amount").number(0)).isEqualTo(3.5);
        assertThat(wanted.get("amounts").isNull(0)).isTrue();
    }

    private static void assertSameAsJackson(String payload) {
        Map<String, ColumnVector> expected = vectors();
        Map<String, ColumnVector> actual = vectors();
        Throwable jacksonFailure = failure(() -> new PayloadColumns(expected).readWithJackson(payload, 0));
        Throwable failure = failure(() -> new PayloadColumns(actual).read(payload, 0));
        if (jacksonFailure != null) {
            assertThat(failure).as("Jackson refuses " + payload + ", so must the columns")
                    .isInstanceOf(jacksonFailure.getClass());
            return;
        }
        assertThat(failure).as("Jackson reads " + payload).isNull();
        for (String name : NAMES) {
            assertSameValue(name + " of " + payload, expected.get(name), actual.get(name));
        }
    }

    private static void assertSameTree(String payload) throws IOException {
        ColumnarRows fromTree = ColumnarRows.of(List.of(RowReader.read(payload)), NAMES);
        ColumnarRows fromText = ColumnarRows.parse(List.of(payload), NAMES);
        for (String name : NAMES) {
            assertSameValue(name + " of " + payload, fromTree.vector(name), fromText.vector(name));
        }
    }

    private static void assertSameValue(String what, ColumnVector expected, ColumnVector actual) {
        assertSameValue(what, expected, 0, actual, 0);
    }

    private static void assertSameValue(String what, ColumnVector expected, int e, ColumnVector actual, int a) {
        assertThat(actual.kind(a)).as(what).isEqualTo(expected.kind(e));
        assertThat(actual.node(a)).as(what).isEqualTo(expected.node(e));
        assertThat(actual.node(a).getClass()).as(what).isEqualTo(expected.node(e).getClass());
        assertThat(actual.text(a)).as(what).isEqualTo(expected.text(e));
        if (expected.kind(e) == ColumnVector.NUMBER) {
            assertThat(actual.number(a)).as(what).isEqualTo(expected.number(e));
            assertThat(actual.decimal(a)).as(what).isEqualTo(expected.decimal(e));
            assertThat(actual.isWhole(a)).as(what).isEqualTo(expected.isWhole(e));
        }
    }

    private static Map<String, ColumnVector> vectors() {
        return vectors(1);
    }

    private static Map<String, ColumnVector> vectors(int rows) {
        Map<String, ColumnVector> vectors = new LinkedHashMap<>();
        NAMES.forEach(name -> vectors.put(name, new ColumnVector(rows)));
        return vectors;
    }

    private interface Read {
        void run() throws IOException;
    }

    private static Throwable failure(Read read) {
        try {
            read.run();
            return null;
        } catch (IOException | RuntimeException e) {
            return e;
        }
    }
}

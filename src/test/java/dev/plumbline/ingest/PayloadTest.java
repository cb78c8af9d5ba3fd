package dev.plumbline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PayloadTest {

    @Test
    void aJsonObjectIsReadAsIs() {
        Payload p = Payload.read(bytes("{\"id\": \"a\", \"amount\": 1.50}"));
        assertThat(p.readable()).isTrue();
        assertThat(p.json()).isEqualTo("{\"id\": \"a\", \"amount\": 1.50}");
        assertThat(p.raw()).isNull();
    }

    @Test
    void truncatedJsonKeepsItsBytesAndSaysWhere() {
        Payload p = Payload.read(bytes("{\"id\": \"a\", \"amount\": "));
        assertThat(p.readable()).isFalse();
        assertThat(p.parseError()).startsWith("malformed JSON: ").contains("line 1, column");
        assertThat(new String(p.raw(), StandardCharsets.UTF_8)).isEqualTo("{\"id\": \"a\", \"amount\": ");
    }

    @Test
    void jsonThatIsNotAnObjectIsNotARecord() {
        assertThat(Payload.read(bytes("\"just a string\"")).parseError())
                .isEqualTo("expected a JSON object, found a JSON string");
        assertThat(Payload.read(bytes("[1, 2]")).parseError()).isEqualTo("expected a JSON object, found a JSON array");
    }

    @Test
    void trailingGarbageAfterAnObjectIsMalformed() {
        assertThat(Payload.read(bytes("{\"id\": 1} trailing")).parseError()).startsWith("malformed JSON");
    }

    @Test
    void twoValuesInOneRecordAreMalformed() {
        assertThat(Payload.read(bytes("{\"id\": 1} {\"id\": 2}")).parseError())
                .isEqualTo("malformed JSON: a JSON object follows the first JSON value at line 1, column 11");
    }

    @Test
    void scalarsAndBlankTextAreNotRecords() {
        assertThat(Payload.read(bytes("42")).parseError()).isEqualTo("expected a JSON object, found a JSON number");
        assertThat(Payload.read(bytes("null")).parseError()).isEqualTo("expected a JSON object, found a JSON null");
        assertThat(Payload.read(bytes("  ")).parseError()).isEqualTo("expected a JSON object, found no JSON value");
    }

    @Test
    void anUnclosedNestedValueIsMalformed() {
        assertThat(Payload.read(bytes("{\"a\": [1, {\"b\": 2}")).parseError()).startsWith("malformed JSON: ");
        assertThat(Payload.read(bytes("{\"a\": \"bad \\x escape\"}")).parseError()).startsWith("malformed JSON: ");
    }

    @Test
    void bytesThatAreNotUtf8AreKeptAndExplained() {
        Payload p = Payload.read(new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'});
        assertThat(p.parseError()).startsWith("not UTF-8 text");
        assertThat(p.raw()).containsExactly('{', (byte) 0xC3, (byte) 0x28, '}');
    }

    @Test
    void anEmptyOrMissingValueIsExplained() {
        assertThat(Payload.read(null).parseError()).isEqualTo("empty payload: the record has no value");
        assertThat(Payload.read(new byte[0]).parseError()).isEqualTo("empty payload: the record has no value");
    }

    @Test
    void aNulCharacterThatPostgresCannotStoreIsKeptAsBytes() {
        Payload p = Payload.read(bytes("{\"id\": \"a\\u0000b\"}"));
        assertThat(p.readable()).isFalse();
        assertThat(p.parseError()).contains("NUL character");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

package dev.plumbline.validate.constraints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RowConditionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> COLUMNS = Set.of("a", "b", "c", "name", "flag", "two words");

    private static final List<JsonNode> ROWS = List.of(
            row("{\"a\": 1, \"b\": 2, \"c\": null, \"name\": \"x\", \"flag\": true}"),
            row("{\"a\": 2, \"b\": 3, \"c\": 5, \"name\": \"y\", \"flag\": false}"),
            row("{\"a\": 3, \"b\": 4.0, \"name\": \"it's\", \"two words\": 1}"),
            row("{\"a\": \"3\", \"b\": 2}"));

    @Test
    void comparesNumbersByValueAndNeverEqualsAStringToANumber() {
        assertThat(selected("b==2")).containsExactly(0, 3);
        assertThat(selected("b == 4")).containsExactly(2);
        assertThat(selected("a == 3")).containsExactly(2);
        assertThat(selected("a == \"3\"")).containsExactly(3);
        assertThat(selected("a != 3")).containsExactly(0, 1, 3);
    }

    @Test
    void ampersandAndPipeBindMoreLooselyThanComparisons() {
        assertThat(selected("a>1 & b<=3")).containsExactly(1);
        assertThat(selected("a < 2 | b >= 4")).containsExactly(0, 2);
        assertThat(selected("(a == 1 | a == 2) & ~(b == 3)")).containsExactly(0);
        assertThat(selected("a == 1 or a == 2 and b == 3")).containsExactly(0, 1);
        assertThat(selected("not a == 1")).containsExactly(1, 2, 3);
    }

    @Test
    void nullIsEqualToNothingAndUnequalToEverything() {
        assertThat(selected("c.isnull()")).containsExactly(0, 2, 3);
        assertThat(selected("c.notna()")).containsExactly(1);
        assertThat(selected("c < 10")).containsExactly(1);
        assertThat(selected("c != 5")).containsExactly(0, 2, 3);
        assertThat(selected("c == None")).isEmpty();
    }

    @Test
    void readsQuotedStringsBooleansNegativeNumbersAndBacktickedColumns() {
        assertThat(selected("name == 'it\\'s'")).containsExactly(2);
        assertThat(selected("flag == True")).containsExactly(0);
        assertThat(selected("a > -1.5e0 & a < 2")).containsExactly(0);
        assertThat(selected("`two words` == 1")).containsExactly(2);
        assertThat(selected("a < b")).containsExactly(0, 1, 2);
    }

    @Test
    void orderingValuesOfDifferentKindsSelectsNothing() {
        assertThat(selected("name > 1")).isEmpty();
    }

    @Test
    void refusesUnknownColumnsAndBrokenSyntaxWithTheReason() {
        assertThatThrownBy(() -> RowCondition.parse("d == 1", COLUMNS)).hasMessageContaining("unknown column d");
        assertThatThrownBy(() -> RowCondition.parse("a == ", COLUMNS)).hasMessageContaining("ends where");
        assertThatThrownBy(() -> RowCondition.parse("a = 1", COLUMNS)).hasMessageContaining("unexpected character");
        assertThatThrownBy(() -> RowCondition.parse("(a == 1", COLUMNS)).hasMessageContaining("expected )");
        assertThatThrownBy(() -> RowCondition.parse("a.upper()", COLUMNS)).hasMessageContaining(".isnull()");
        assertThatThrownBy(() -> RowCondition.parse("name == 'x", COLUMNS)).hasMessageContaining("unterminated");
        assertThatThrownBy(() -> RowCondition.parse("a == 1 b", COLUMNS)).hasMessageContaining("unexpected 'b'");
    }

    @Test
    void namesTheColumnsItReads() {
        assertThat(RowCondition.parse("a > 1 & `two words`.isnull()", COLUMNS).columns())
                .containsExactlyInAnyOrder("a", "two words");
    }

    private static List<Integer> selected(String condition) {
        RowCondition parsed = RowCondition.parse(condition, COLUMNS);
        return IntStream.range(0, ROWS.size()).filter(i -> parsed.test(ROWS.get(i))).boxed().toList();
    }

    private static JsonNode row(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

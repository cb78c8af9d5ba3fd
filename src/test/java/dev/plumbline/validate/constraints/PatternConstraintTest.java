package dev.plumbline.validate.constraints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumbline.validate.ConstraintResult;
import dev.plumbline.validate.RowFailure;
import dev.plumbline.validate.Rows;
import java.util.List;
import org.junit.jupiter.api.Test;

class PatternConstraintTest {

    private static PatternConstraint regex(PatternConstraint.Match match, String... patterns) {
        return new PatternConstraint("expect_column_values_to_match_regex", "code", List.of(patterns), false, match,
                1.0);
    }

    @Test
    void aRegexIsSearchedAnywhereInTheValue() {
        ConstraintResult result = regex(PatternConstraint.Match.ANY, "b")
                .evaluate(Rows.column("code", "abb", "aaa", null, 12));

        assertThat(result.evaluated()).isEqualTo(3);
        assertThat(result.rowFailures()).containsOnlyKeys(1, 3);
        assertThat(result.rowFailures().get(1)).isEqualTo(new RowFailure("expect_column_values_to_match_regex",
                "code", "\"aaa\"", "code = \"aaa\" does not match b"));
        assertThat(result.observed()).isEqualTo("2 of 3 do not match any of b (66.7%)");
    }

    @Test
    void numbersAreMatchedAsTheirJsonTextAndObjectsNever() {
        ConstraintResult result = regex(PatternConstraint.Match.ANY, "^\\d{5}$")
                .evaluate(Rows.json("{'code': 12345}", "{'code': {'zip': 12345}}"));

        assertThat(result.rowFailures()).containsOnlyKeys(1);
        assertThat(result.rowFailures().get(1).reason()).isEqualTo("code = {\"zip\":12345} is not text");
    }

    @Test
    void allRequiresEveryPatternAndNoneForbidsEach() {
        var rows = Rows.column("code", "123", "456", "abc");

        assertThat(regex(PatternConstraint.Match.ALL, "[123]", "[456]").evaluate(rows).rowFailures())
                .containsOnlyKeys(0, 1, 2);
        ConstraintResult none = regex(PatternConstraint.Match.NONE, "[12]", "[45]").evaluate(rows);
        assertThat(none.rowFailures()).containsOnlyKeys(0, 1);
        assertThat(none.rowFailures().get(0).reason()).isEqualTo("code = \"123\" matches [12] | [45]");
    }

    @Test
    void pythonNamedGroupsAreUnderstood() {
        var rows = Rows.column("code", "aa-aa", "aa-bb");

        assertThat(regex(PatternConstraint.Match.ANY, "^(?P<p>\\w+)-(?P=p)$").evaluate(rows).rowFailures())
                .containsOnlyKeys(1);
    }

    @Test
    void aLikePatternMatchesTheWholeValue() {
        PatternConstraint like = new PatternConstraint("expect_column_values_to_match_like_pattern", "code",
                List.of("AB_%"), true, PatternConstraint.Match.ANY, 1.0);

        ConstraintResult result = like.evaluate(Rows.column("code", "AB1", "AB12345", "xAB12", "AB", "AB.\n"));

        assertThat(result.rowFailures()).containsOnlyKeys(2, 3);
    }

    @Test
    void anInvalidRegexIsRefused() {
        assertThatThrownBy(() -> regex(PatternConstraint.Match.ANY, "(unclosed"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a valid regular expression: (unclosed");
    }
}

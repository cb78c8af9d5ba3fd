package dev.plumbline.validate.constraints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumbline.validate.ConstraintResult;
import dev.plumbline.validate.RowFailure;
import dev.plumbline.validate.Rows;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonParseableConstraintTest {

    @Test
    void stringsMustHoldOneJsonDocument() {
        ConstraintResult result = new JsonParseableConstraint("payload", 1.0).evaluate(Rows.column("payload",
                "{\"a\":1}", "[1, 2]", "\"text\"", "a", "{\"a\":1} trailing", "{", null));

        assertThat(result.evaluated()).isEqualTo(6);
        assertThat(result.rowFailures()).containsOnlyKeys(3, 4, 5);
        assertThat(result.rowFailures().get(3).reason()).isEqualTo("payload = \"a\" is not valid JSON");
        assertThat(result.observed()).isEqualTo("3 of 6 not JSON (50%)");
    }

    @Test
    void objectsAndArraysAreJsonAlreadyButBareNumbersAreNotJsonText() {
        ConstraintResult result = new JsonParseableConstraint("payload", 1.0)
                .evaluate(Rows.json("{'payload': {'a': 1}}", "{'payload': [1]}", "{'payload': 2}"));

        assertThat(result.rowFailures()).containsOnlyKeys(2);
        assertThat(result.rowFailures().get(2).reason()).isEqualTo("payload = 2 is not JSON text");
    }
}

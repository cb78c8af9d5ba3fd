package dev.plumbline.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/** Opens the production expectation registry to tests outside this package (the conformance harness). */
public final class ExpectationRegistry {

    private ExpectationRegistry() {
    }

    /** Builds a rule as a contract's {@code engine: plumbline} rule is built, on a batch with these columns. */
    public static Constraint build(String expectationType, JsonNode kwargs, Set<String> columns) {
        return Expectations.build(expectationType, new Kwargs(expectationType, kwargs, null, columns));
    }

    public static SortedSet<String> names() {
        return new TreeSet<>(Arrays.asList(Expectations.names().split(", ")));
    }
}

package dev.plumbline.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Contracts for diff tests: the demo contract, the fixtures built on it, and single edits of either. */
final class DiffFixtures {

    private static final OdcsParser PARSER = new OdcsParser();

    private DiffFixtures() {
    }

    /** The demo contract as it was at version 1.0.0, frozen here so that the demo may grow new rules. */
    static String demo() {
        return fixture("transactions-1.0.0.odcs.yaml");
    }

    /** The demo contract at 1.4.0 with a drift baseline, a rowCount rule, a between rule and a property with a unit. */
    static String base() {
        return fixture("transactions-1.4.0.odcs.yaml");
    }

    static String fixture(String name) {
        return resource("/fixtures/contract/diff/" + name);
    }

    /** The text with its only occurrence of {@code from} replaced, failing if it occurs not exactly once. */
    static String edit(String yaml, String from, String to) {
        int first = yaml.indexOf(from);
        if (first < 0 || yaml.indexOf(from, first + 1) >= 0) {
            throw new IllegalArgumentException("expected exactly one occurrence of: " + from);
        }
        return yaml.substring(0, first) + to + yaml.substring(first + from.length());
    }

    static ContractDiff diff(String active, String proposed) {
        return ContractDiff.between(PARSER.parse(active), PARSER.parse(proposed));
    }

    private static String resource(String name) {
        try (InputStream in = DiffFixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

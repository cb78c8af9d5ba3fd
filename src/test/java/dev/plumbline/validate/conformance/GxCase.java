package dev.plumbline.validate.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;

/** One Great Expectations fixture test that applies to the pandas back end, with the batch it runs on. */
record GxCase(String expectationType, String file, String title, List<JsonNode> rows, Set<String> columns,
        JsonNode in, JsonNode out, double tolerance) {

    String name() {
        return file + " › " + title;
    }
}

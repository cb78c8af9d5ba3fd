package dev.plumbline.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/** Matchers as stored: a JSON array of their text, {@code ["team=\"payments-data\""]}. */
final class MatcherJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MatcherJson() {
    }

    static String write(List<LabelMatcher> matchers) {
        try {
            return JSON.writeValueAsString(matchers.stream().map(LabelMatcher::toString).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<LabelMatcher> read(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<String>>() { }).stream().map(LabelMatcher::parse)
                    .toList();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable matchers " + json, e);
        }
    }
}

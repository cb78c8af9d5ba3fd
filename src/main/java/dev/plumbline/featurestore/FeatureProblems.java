package dev.plumbline.featurestore;

import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON problem answers (RFC 9457 fields) of the feature APIs. */
final class FeatureProblems {

    private FeatureProblems() {
    }

    static Response notFound(String view, String version) {
        String detail = version == null ? "no feature view \"" + view + "\""
                : "no version " + version + " of feature view \"" + view + "\"";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", "Not Found");
        body.put("status", 404);
        body.put("detail", detail);
        return Response.status(404).type("application/problem+json").entity(body).build();
    }

    static Response badRequest(String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", "Bad Request");
        body.put("status", 400);
        body.put("detail", detail);
        return Response.status(400).type("application/problem+json").entity(body).build();
    }
}

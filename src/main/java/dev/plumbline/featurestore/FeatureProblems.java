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

    static Response notFound(String detail) {
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

    /** A version that is not active is not materialized, so its values would be stale or missing. */
    static Response notServed(dev.plumbline.transform.FeatureViewVersion version, String activeVersion) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", "Conflict");
        body.put("status", 409);
        body.put("detail", "version " + version.version() + " of feature view \"" + version.viewName() + "\" is "
                + version.status() + " and not served; the active version is " + activeVersion);
        return Response.status(409).type("application/problem+json").entity(body).build();
    }
}

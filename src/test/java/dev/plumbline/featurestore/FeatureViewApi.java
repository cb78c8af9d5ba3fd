package dev.plumbline.featurestore;

import dev.plumbline.access.Sessions;
import io.restassured.response.Response;

/** The feature view API as the tests call it: applying a definition as a user. */
final class FeatureViewApi {

    private FeatureViewApi() {
    }

    static Response apply(String user, String yaml) {
        return Sessions.as(user).contentType("text/plain; charset=UTF-8").accept("application/json").body(yaml)
                .put("/api/feature-views");
    }
}

package dev.plumbline.featurestore;

import dev.plumbline.access.Sessions;
import io.restassured.response.Response;

/** The feature view API as the tests call it: applying a definition as a user, and the view they apply. */
final class FeatureViewApi {

    /** A second feature, for an additive change. */
    static final String COUNT = "  - {name: amount_count, aggregation: count, field: amount, window: 1h}\n";

    private FeatureViewApi() {
    }

    static Response apply(String user, String yaml) {
        return Sessions.as(user).contentType("text/plain; charset=UTF-8").accept("application/json").body(yaml)
                .put("/api/feature-views");
    }

    /** A view of the test team over an orders dataset: the amount summed per currency over an hour, and more. */
    static String spendView(String view, String dataset, String version, String moreFeatures) {
        return """
                name: %s
                entity: currency
                source: %s
                owner: test-team
                version: %s
                description: Spend per currency.
                features:
                  - {name: amount_sum, aggregation: sum, field: amount, window: 1h}
                """.formatted(view, dataset, version) + moreFeatures;
    }
}

package dev.plumbline.validate;

import dev.plumbline.validate.Expectations.Expectation;
import java.util.Map;

/** The distributional Great Expectations expectations, each against a frozen reference given in its kwargs. */
final class DistributionExpectations {

    private DistributionExpectations() {
    }

    static void register(Map<String, Expectation> registry) {
    }
}

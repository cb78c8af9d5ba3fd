package dev.plumbline.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Great Expectations' named distribution parameters in scipy's positional order. As in Great Expectations,
 * uniform's {@code min} and {@code max} become scipy's loc and scale, so the support is [min, min + max].
 */
final class DistributionParameters {

    private static final Map<String, List<String>> NAMES = Map.of(
            "norm", List.of("mean", "std_dev"),
            "beta", List.of("alpha", "beta", "loc", "scale"),
            "gamma", List.of("alpha", "loc", "scale"),
            "uniform", List.of("min", "max"),
            "chi2", List.of("df", "loc", "scale"),
            "expon", List.of("loc", "scale"));

    private DistributionParameters() {
    }

    static List<Double> positional(Kwargs kwargs, String distribution, JsonNode params) {
        List<String> names = NAMES.get(distribution);
        if (names == null || !params.isObject()) {
            throw kwargs.wrong("params must be a list or an object of the parameters of " + distribution);
        }
        List<Double> positional = new ArrayList<>();
        for (String name : names) {
            JsonNode value = params.get(name);
            if (value == null && (name.equals("loc") || name.equals("scale"))) {
                positional.add(name.equals("loc") ? 0.0 : 1.0);
            } else if (value == null || !value.isNumber()) {
                throw kwargs.wrong(distribution + " needs params." + name + ", a number");
            } else {
                positional.add(value.doubleValue());
            }
        }
        return positional;
    }
}

package dev.plumbline.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.plumbline.contract.OdcsContract;
import dev.plumbline.contract.OdcsContract.QualityRule;
import dev.plumbline.contract.OdcsContract.SchemaObject;
import dev.plumbline.contract.OdcsContract.SchemaProperty;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * ODCS contracts for validation tests, describing one dataset whose property i sits at line 10 + 20·i and its
 * quality rule j at line 12 + 20·i + j.
 */
public final class Contracts {

    private Contracts() {
    }

    public static OdcsContract dataset(String name, Property... properties) {
        return contract(new SchemaObject(name, name, build(properties), "schema[0]", 5));
    }

    public static OdcsContract contract(SchemaObject... schema) {
        return new OdcsContract("v3.1.0", "urn:plumbline:test", "test contract", "1.0.0", "active",
                List.of(schema), JsonNodeFactory.instance.objectNode());
    }

    public static List<SchemaProperty> build(Property... properties) {
        List<SchemaProperty> built = new ArrayList<>();
        for (int i = 0; i < properties.length; i++) {
            built.add(properties[i].build(i));
        }
        return built;
    }

    public static Property property(String name) {
        return new Property(name);
    }

    public static String expectation(String type, String kwargs) {
        return "{'type': 'custom', 'engine': 'plumbline', 'implementation': {'type': '" + type + "', 'kwargs': "
                + kwargs + "}}";
    }

    /** One property of the dataset, with the schema fields and quality rules a test gives it. */
    public static final class Property {
        private final String name;
        private String logicalType;
        private boolean required;
        private boolean unique;
        private boolean primaryKey;
        private JsonNode options = JsonNodeFactory.instance.objectNode();
        private final List<JsonNode> quality = new ArrayList<>();

        private Property(String name) {
            this.name = name;
        }

        public Property type(String logicalType) {
            this.logicalType = logicalType;
            return this;
        }

        public Property required() {
            required = true;
            return this;
        }

        public Property unique() {
            unique = true;
            return this;
        }

        public Property primaryKey() {
            primaryKey = true;
            return this;
        }

        public Property options(String json) {
            options = Rows.parse(json);
            return this;
        }

        public Property quality(String... rules) {
            Arrays.stream(rules).map(Rows::parse).forEach(quality::add);
            return this;
        }

        private SchemaProperty build(int index) {
            String path = "schema[0].properties[" + index + "]";
            int line = 10 + 20 * index;
            List<QualityRule> rules = new ArrayList<>();
            for (int j = 0; j < quality.size(); j++) {
                JsonNode rule = quality.get(j);
                rules.add(new QualityRule(text(rule, "type"), text(rule, "metric"), text(rule, "engine"), rule,
                        path + ".quality[" + j + "]", line + 2 + j));
            }
            return new SchemaProperty(name, logicalType, required, unique, primaryKey, options, rules, path, line);
        }

        private static String text(JsonNode rule, String key) {
            return rule.hasNonNull(key) ? rule.get(key).asText() : null;
        }
    }
}

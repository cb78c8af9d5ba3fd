package dev.plumbline.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.plumbline.contract.OdcsContract.QualityRule;
import dev.plumbline.contract.OdcsContract.SchemaProperty;
import dev.plumbline.validate.constraints.ConditionalConstraint;
import dev.plumbline.validate.constraints.InSetConstraint;
import java.util.Optional;
import java.util.Set;

/**
 * Compiles the quality rules of one property: library metrics and {@code engine: plumbline} expectations run,
 * text rules and other engines are left alone, anything else is a problem.
 */
final class QualityRules {

    private static final String ENGINE = "plumbline";

    private QualityRules() {
    }

    static void compile(SchemaProperty property, QualityRule rule, Set<String> columns, Compilation compilation) {
        try {
            constraint(property, rule, columns).ifPresent(compilation::add);
        } catch (UnrunnableRule e) {
            compilation.problem(rule.line(), rule.path(), e.getMessage());
        }
    }

    private static Optional<Constraint> constraint(SchemaProperty property, QualityRule rule, Set<String> columns) {
        String type = field(rule.type(), entry(rule), "type");
        return switch (type == null ? "library" : type) {
            case "library" -> Optional.of(LibraryMetrics.build(metric(rule), property.name(), entry(rule)));
            case "text" -> Optional.empty();
            case "custom" -> custom(property, rule, columns);
            case "sql" -> throw new UnrunnableRule("Plumbline does not run SQL rules on micro-batches; write the rule "
                    + "as a library metric or as type: custom with engine: " + ENGINE);
            default -> throw new UnrunnableRule("unknown quality type \"" + type
                    + "\"; expected library, text, sql or custom");
        };
    }

    private static Optional<Constraint> custom(SchemaProperty property, QualityRule rule, Set<String> columns) {
        String engine = field(rule.engine(), entry(rule), "engine");
        if (engine == null) {
            throw new UnrunnableRule("a custom rule needs an engine; Plumbline runs engine: " + ENGINE);
        }
        if (!engine.equals(ENGINE)) {
            return Optional.empty();
        }
        JsonNode implementation = entry(rule).path("implementation");
        if (!implementation.isObject()) {
            throw new UnrunnableRule("implementation must be an object with type (a Great Expectations expectation "
                    + "name) and kwargs");
        }
        String name = field(null, implementation, "type");
        name = name != null ? name : field(null, implementation, "expectation_type");
        if (name == null) {
            throw new UnrunnableRule("implementation needs type, the name of an expectation; Plumbline runs: "
                    + Expectations.names());
        }
        JsonNode kwargs = implementation.path("kwargs");
        if (!kwargs.isMissingNode() && !kwargs.isObject()) {
            throw new UnrunnableRule(name + ": kwargs must be an object, got " + kwargs);
        }
        return Optional.of(suspicious(Expectations.build(name, new Kwargs(name, kwargs, property.name(), columns))));
    }

    /** Great Expectations runs an empty in-set rule (every value fails); in a contract it is a mistake, not a rule. */
    private static Constraint suspicious(Constraint constraint) {
        Constraint rule = constraint instanceof ConditionalConstraint conditional ? conditional.constraint()
                : constraint;
        if (rule instanceof InSetConstraint inSet && inSet.valueSet().isEmpty()) {
            throw new UnrunnableRule(InSetConstraint.RULE + ": value_set is empty, so every non-null value would "
                    + "fail; list the allowed values");
        }
        return constraint;
    }

    private static String metric(QualityRule rule) {
        String metric = field(rule.metric(), entry(rule), "metric");
        return metric != null ? metric : field(null, entry(rule), "rule");
    }

    private static JsonNode entry(QualityRule rule) {
        return rule.rule() == null ? MissingNode.getInstance() : rule.rule();
    }

    private static String field(String parsed, JsonNode node, String key) {
        if (parsed != null) {
            return parsed;
        }
        JsonNode value = node.get(key);
        return value != null && value.isTextual() ? value.textValue() : null;
    }
}

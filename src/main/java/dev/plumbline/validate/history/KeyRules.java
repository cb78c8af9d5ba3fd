package dev.plumbline.validate.history;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.contract.ContractProblem;
import dev.plumbline.contract.OdcsContract;
import dev.plumbline.contract.OdcsContract.Relationship;
import dev.plumbline.contract.OdcsContract.SchemaObject;
import dev.plumbline.contract.OdcsContract.SchemaProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules of a contract that look at the dataset's history of accepted keys: the columns marked {@code unique}
 * or {@code primaryKey} (unique across every batch, not only within one) and the foreign keys of its
 * {@code relationships}, on a property ({@code to: customers.customer_id}) or on the schema object ({@code from}
 * and {@code to}). Only single-column keys, named as {@code <dataset>.<column>} with the dataset's registered name.
 * {@code objectName} is the schema object's name, which a relationship's {@code from} names.
 */
public record KeyRules(String objectName, List<String> uniqueColumns, List<Reference> references) {

    public static final KeyRules NONE = new KeyRules("", List.of(), List.of());

    public KeyRules {
        uniqueColumns = List.copyOf(uniqueColumns);
        references = List.copyOf(references);
    }

    public boolean isEmpty() {
        return uniqueColumns.isEmpty() && references.isEmpty();
    }

    /** The key rules of the contract's first schema object; what cannot be read goes to {@code problems}. */
    public static KeyRules read(OdcsContract contract, List<ContractProblem> problems) {
        if (contract.schema() == null || contract.schema().isEmpty()) {
            return NONE;
        }
        SchemaObject object = contract.schema().get(0);
        List<SchemaProperty> properties = object.properties() == null ? List.of() : object.properties();
        Set<String> columns = properties.stream().map(SchemaProperty::name).collect(Collectors.toSet());
        List<String> unique = properties.stream().filter(p -> p.unique() || p.primaryKey())
                .map(SchemaProperty::name).toList();
        List<Reference> references = new ArrayList<>();
        for (SchemaProperty property : properties) {
            for (Relationship relationship : property.relationships()) {
                if (relationship.from() != null) {
                    problems.add(problem(relationship, ".from", "a relationship on a property starts from that "
                            + "property; remove from"));
                } else {
                    reference(property.name(), relationship, problems, references);
                }
            }
        }
        for (Relationship relationship : object.relationships() == null ? List.<Relationship>of()
                : object.relationships()) {
            String from = source(object.name(), columns, relationship, problems);
            if (from != null) {
                reference(from, relationship, problems, references);
            }
        }
        return new KeyRules(object.name() == null ? "" : object.name(), unique, references);
    }

    public static KeyRules read(OdcsContract contract) {
        return read(contract, new ArrayList<>());
    }

    private static void reference(String column, Relationship relationship, List<ContractProblem> problems,
            List<Reference> references) {
        if (!"foreignKey".equals(relationship.type())) {
            problems.add(problem(relationship, ".type", "the only relationship type is foreignKey, got \""
                    + relationship.type() + "\""));
            return;
        }
        String[] target = split(relationship.to());
        if (target == null) {
            problems.add(problem(relationship, ".to", relationship.to() != null && relationship.to().isArray()
                    ? "Plumbline checks single-column keys only; composite keys are not supported"
                    : "to must name the referenced key as <dataset>.<column>, e.g. customers.customer_id"));
            return;
        }
        references.add(new Reference(column, target[0], target[1], relationship.path(), relationship.line()));
    }

    /** The column a schema-level relationship starts from, written {@code <object>.<column>}. */
    private static String source(String object, Set<String> columns, Relationship relationship,
            List<ContractProblem> problems) {
        String[] from = split(relationship.from());
        if (from == null || !from[0].equals(object) || !columns.contains(from[1])) {
            problems.add(problem(relationship, ".from", "from must name a property of this object as " + object
                    + ".<column>" + (from == null ? "" : ", got " + relationship.from())));
            return null;
        }
        return from[1];
    }

    private static String[] split(JsonNode reference) {
        if (reference == null || !reference.isTextual() || reference.textValue().contains("/")) {
            return null;
        }
        String text = reference.textValue();
        int dot = text.lastIndexOf('.');
        return dot <= 0 || dot == text.length() - 1 ? null
                : new String[] {text.substring(0, dot), text.substring(dot + 1)};
    }

    private static ContractProblem problem(Relationship relationship, String field, String message) {
        return new ContractProblem(relationship.line(), relationship.path() + field, message);
    }
}

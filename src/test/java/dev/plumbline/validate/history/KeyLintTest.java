package dev.plumbline.validate.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.plumbline.contract.ContractProblem;
import dev.plumbline.contract.OdcsContract;
import dev.plumbline.contract.OdcsParser;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Foreign keys and unique keys read from ODCS YAML, and what is wrong with them, by line and path. */
class KeyLintTest {

    private static final KeyTargets REGISTERED = dataset -> Optional.ofNullable(Map.of(
            "customers", new KeyTargets.Target(true, Set.of("customer_id", "name"), Set.of("customer_id")),
            "drafts", new KeyTargets.Target(false, Set.of(), Set.of())).get(dataset));

    @Test
    void uniqueAndPrimaryKeyPropertiesAndRelationshipsBecomeKeyRules() {
        KeyRules rules = KeyRules.read(contract("""
                  - name: order_id
                    primaryKey: true
                  - name: email
                    unique: true
                  - name: customer_id
                    relationships:
                      - to: customers.customer_id
                """));

        assertThat(rules.objectName()).isEqualTo("orders");
        assertThat(rules.uniqueColumns()).containsExactly("order_id", "email");
        assertThat(rules.references()).singleElement().satisfies(reference -> {
            assertThat(reference.column()).isEqualTo("customer_id");
            assertThat(reference.target()).isEqualTo("customers.customer_id");
            assertThat(reference.line()).isEqualTo(15);
        });
    }

    @Test
    void aForeignKeyToARegisteredKeyColumnIsFine() {
        assertThat(KeyLint.problems(contract("""
                  - name: customer_id
                    relationships:
                      - to: customers.customer_id
                """), REGISTERED)).isEmpty();
    }

    @Test
    void foreignKeysToUnknownDatasetsColumnsOrNonKeysAreProblemsWithLineAndPath() {
        List<ContractProblem> problems = KeyLint.problems(contract("""
                  - name: a
                    relationships:
                      - to: suppliers.supplier_id
                  - name: b
                    relationships:
                      - to: customers.nickname
                  - name: c
                    relationships:
                      - to: customers.name
                  - name: d
                    relationships:
                      - to: drafts.id
                  - name: e
                    relationships:
                      - to: [customers.customer_id, customers.name]
                  - name: f
                    relationships:
                      - from: orders.f
                        to: customers.customer_id
                """), REGISTERED);

        assertThat(problems).extracting(ContractProblem::line, ContractProblem::path).containsExactly(
                tuple(11, "schema[0].properties[0].relationships[0].to"),
                tuple(14, "schema[0].properties[1].relationships[0].to"),
                tuple(17, "schema[0].properties[2].relationships[0].to"),
                tuple(20, "schema[0].properties[3].relationships[0].to"),
                tuple(23, "schema[0].properties[4].relationships[0].to"),
                tuple(26, "schema[0].properties[5].relationships[0].from"));
        assertThat(problems).extracting(ContractProblem::message).containsExactly(
                "no dataset named \"suppliers\" is registered; register it, with a contract marking "
                        + "suppliers.supplier_id unique or primaryKey, before referring to it",
                "dataset \"customers\" has no property \"nickname\"",
                "customers.name is not a key: the contract of customers must mark it unique or primaryKey, so that "
                        + "its accepted keys are kept",
                "dataset \"drafts\" has no active contract, so none of its keys are kept",
                "Plumbline checks single-column keys only; composite keys are not supported",
                "a relationship on a property starts from that property; remove from");
    }

    @Test
    void aSchemaLevelRelationshipStartsFromTheColumnItNames() {
        OdcsContract contract = new OdcsParser().parse("""
                apiVersion: v3.1.0
                kind: DataContract
                id: urn:test:orders
                version: 1.0.0
                status: active
                schema:
                  - name: orders
                    relationships:
                      - from: orders.customer_id
                        to: customers.customer_id
                      - from: elsewhere.x
                        to: customers.customer_id
                    properties:
                      - name: customer_id
                """);
        List<ContractProblem> problems = KeyLint.problems(contract, REGISTERED);

        assertThat(KeyRules.read(contract).references()).extracting(Reference::column).containsExactly("customer_id");
        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("schema[0].relationships[1].from");
            assertThat(problem.line()).isEqualTo(11);
        });
    }

    private static OdcsContract contract(String properties) {
        return new OdcsParser().parse("""
                apiVersion: v3.1.0
                kind: DataContract
                id: urn:test:orders
                version: 1.0.0
                status: active
                schema:
                  - name: orders
                    properties:
                """ + properties.indent(4));
    }
}

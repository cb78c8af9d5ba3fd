package dev.plumbline.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.plumbline.contract.OdcsContract.QualityRule;
import dev.plumbline.contract.OdcsContract.SchemaObject;
import dev.plumbline.contract.OdcsContract.SchemaProperty;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class OdcsParserTest {

    private static final String LOGICAL_TYPES =
            "string, date, timestamp, time, number, integer, object, array, boolean";
    private static final String VALID_HEAD = """
            apiVersion: v3.1.0
            kind: DataContract
            id: urn:plumbline:t
            version: 1.0.0
            status: draft
            """;

    private final OdcsParser parser = new OdcsParser();

    @Test
    void demoContractParsesIntoItsIdentityAndOneSchemaObject() {
        OdcsContract contract = parser.parse(resource("/demo/transactions.odcs.yaml"));

        assertThat(contract).extracting(OdcsContract::apiVersion, OdcsContract::id, OdcsContract::name,
                OdcsContract::version, OdcsContract::status)
                .containsExactly("v3.1.0", "urn:plumbline:transactions", "transactions", "1.0.0", "active");
        assertThat(contract.schema()).extracting(SchemaObject::name, SchemaObject::physicalName, SchemaObject::path,
                SchemaObject::line).containsExactly(tuple("transactions", "transactions", "schema[0]", 35));
        assertThat(contract.schema().get(0).quality()).isEmpty();
        assertThat(contract.document().at("/team/name").asText()).isEqualTo("payments-data");
        assertThat(contract.document().at("/customProperties/0/property").asText()).isEqualTo("eventTimeField");
        assertThat(contract.document().at("/customProperties/0/value").asText()).isEqualTo("event_time");
    }

    @Test
    void demoContractPropertiesCarryTypesFlagsRuleCountsAndLines() {
        List<SchemaProperty> properties = parser.parse(resource("/demo/transactions.odcs.yaml")).schema().get(0)
                .properties();

        assertThat(properties).extracting(SchemaProperty::name, SchemaProperty::logicalType,
                SchemaProperty::required, SchemaProperty::unique, SchemaProperty::primaryKey,
                p -> p.quality().size(), SchemaProperty::line)
                .containsExactly(
                        tuple("transaction_id", "string", true, true, true, 0, 40),
                        tuple("customer_id", "string", true, false, false, 0, 47),
                        tuple("amount", "number", true, false, false, 1, 51),
                        tuple("currency", "string", true, false, false, 1, 72),
                        tuple("event_time", "timestamp", true, false, false, 0, 83),
                        tuple("merchant_category", "string", false, false, false, 1, 87),
                        tuple("channel", "string", false, false, false, 2, 99),
                        tuple("country", "string", false, false, false, 0, 122));
        assertThat(properties.get(2).path()).isEqualTo("schema[0].properties[2]");
        assertThat(properties.get(2).logicalTypeOptions().path("minimum").asInt()).isZero();
        assertThat(properties.get(2).logicalTypeOptions().path("maximum").asInt()).isEqualTo(100000);
        assertThat(properties.get(0).logicalTypeOptions().isEmpty()).isTrue();
    }

    @Test
    void demoContractRulesCarryTypeMetricEngineAndTheWholeEntry() {
        List<SchemaProperty> properties = parser.parse(resource("/demo/transactions.odcs.yaml")).schema().get(0)
                .properties();
        QualityRule currency = properties.get(3).quality().get(0);
        QualityRule category = properties.get(5).quality().get(0);

        assertThat(currency).extracting(QualityRule::type, QualityRule::metric, QualityRule::engine,
                QualityRule::path, QualityRule::line)
                .containsExactly("library", "invalidValues", null, "schema[0].properties[3].quality[0]", 77);
        assertThat(currency.rule().at("/arguments/validValues").toString()).isEqualTo("[\"USD\",\"EUR\",\"GBP\"]");
        assertThat(currency.rule().path("mustBe").asInt(-1)).isZero();
        assertThat(category).extracting(QualityRule::type, QualityRule::metric, QualityRule::engine,
                QualityRule::line).containsExactly("custom", null, "plumbline", 92);
        assertThat(category.rule().at("/implementation/type").asText())
                .isEqualTo("expect_column_values_to_be_in_set");
        assertThat(category.rule().at("/implementation/kwargs/value_set")).hasSize(6);
    }

    @Test
    void contractWithSeveralMistakesReportsEveryOneWithItsLineAndPath() {
        List<ContractProblem> problems = problemsOf(resource("/fixtures/contract/several-mistakes.odcs.yaml"));

        String state = "schema[0].properties[3].quality";
        assertThat(problems).containsExactly(
                new ContractProblem(2, "version", "required field \"version\" is missing"),
                new ContractProblem(2, "apiVersion", "apiVersion must be v3.0.x or v3.1.x, found \"v2.2.2\""),
                new ContractProblem(3, "kind", "kind must be \"DataContract\", found \"DataProduct\""),
                new ContractProblem(11, "schema[0].properties[0].logicalType",
                        "logicalType \"strng\" is not one of: " + LOGICAL_TYPES),
                new ContractProblem(12, "schema[0].properties[0].required", "expected a boolean, found a string"),
                new ContractProblem(13, "schema[0].properties[1].name", "required field \"name\" is missing"),
                new ContractProblem(15, "schema[0].properties[2].name",
                        "duplicate property name \"order_id\" (first at line 10)"),
                new ContractProblem(17, "schema[0].properties[2].quality", "expected a list, found a string"),
                new ContractProblem(21, state + "[0].type",
                        "type \"regex\" is not one of: text, library, sql, custom"),
                new ContractProblem(22, state + "[1].implementation",
                        "required field \"implementation\" is missing"),
                new ContractProblem(24, state + "[2]",
                        "a rule takes at most one operator, found mustBeGreaterThan, mustBeLessThan"),
                new ContractProblem(27, state + "[3].metric", "required field \"metric\" is missing"),
                new ContractProblem(29, state + "[4].metric", "metric \"nullCount\" is not one of: "
                        + "nullValues, missingValues, invalidValues, duplicateValues, rowCount"));
    }

    @Test
    void yamlSyntaxErrorIsReportedOnTheLineWhereTheYamlParserStopped() {
        List<ContractProblem> problems = problemsOf(resource("/fixtures/contract/broken-syntax.odcs.yaml"));

        assertThat(problems).containsExactly(new ContractProblem(11, "$",
                "YAML syntax error: mapping values are not allowed here"));
    }

    @Test
    void missingTopLevelFieldsAndSchemaAreEachReported() {
        List<ContractProblem> problems = problemsOf("# only a kind\nkind: DataContract\nname: t\n");

        assertThat(problems).extracting(ContractProblem::line, ContractProblem::path).containsExactly(
                tuple(2, "apiVersion"), tuple(2, "id"), tuple(2, "version"), tuple(2, "status"), tuple(2, "schema"));
    }

    @Test
    void schemaThatIsEmptyOrNotAListIsRefused() {
        assertThat(problemsOf(VALID_HEAD + "schema: []\n"))
                .containsExactly(new ContractProblem(6, "schema", "schema must list at least one object"));
        assertThat(problemsOf(VALID_HEAD + "schema: transactions\n"))
                .containsExactly(new ContractProblem(6, "schema", "expected a list, found a string"));
        assertThat(problemsOf(VALID_HEAD + "schema:\n  - physicalName: t\n"))
                .containsExactly(new ContractProblem(7, "schema[0].name", "required field \"name\" is missing"));
    }

    @Test
    void emptyOrNonObjectDocumentIsRefused() {
        assertThat(problemsOf("# nothing here\n")).containsExactly(
                new ContractProblem(1, "$", "the document is empty, expected an ODCS contract"));
        assertThat(problemsOf("- apiVersion: v3.1.0\n")).containsExactly(
                new ContractProblem(1, "$", "expected an object, found a list"));
    }

    @Test
    void versionWrittenAsANumberAsksForQuotes() {
        List<ContractProblem> problems = problemsOf(VALID_HEAD.replace("1.0.0", "1.0") + "schema:\n  - name: t\n");

        assertThat(problems).containsExactly(new ContractProblem(4, "version",
                "expected a string, found a number; put it in quotes to keep it as text"));
    }

    @Test
    void aliasesThatExpandTooFarAreRefusedBeforeTheTreeIsBuilt() {
        StringBuilder yaml = new StringBuilder("l0: &l0 [x, x]\n");
        for (int level = 1; level <= 24; level++) {
            yaml.append("l").append(level).append(": &l").append(level)
                    .append(" [*l").append(level - 1).append(", *l").append(level - 1).append("]\n");
        }

        assertThat(problemsOf(yaml.toString())).singleElement().extracting(ContractProblem::message)
                .isEqualTo("the document nests deeper than 100 levels or expands beyond 100000 values"
                        + " through aliases");
    }

    @Test
    void recursiveAliasIsRefused() {
        assertThat(problemsOf(VALID_HEAD + "loop: &loop [*loop]\n")).singleElement()
                .extracting(ContractProblem::line, ContractProblem::message)
                .containsExactly(6, "the document nests deeper than 100 levels or expands beyond 100000 values"
                        + " through aliases");
    }

    @Test
    void keyWrittenTwiceIsReportedOnItsSecondLine() {
        List<ContractProblem> problems = problemsOf(VALID_HEAD + "status: active\nschema:\n  - name: t\n");

        assertThat(problems).containsExactly(
                new ContractProblem(6, "status", "duplicate key \"status\" (first at line 5)"));
    }

    @Test
    void nestedPropertiesRuleOperandsAndCustomPropertiesAreChecked() {
        List<ContractProblem> problems = problemsOf(VALID_HEAD + """
                customProperties:
                  - property: eventTimeField
                schema:
                  - name: t
                    properties:
                      - name: address
                        logicalType: object
                        properties:
                          - name: zip
                            logicalType: text
                      - name: amount
                        logicalType: number
                        logicalTypeOptions: {minimum: "0"}
                        quality:
                          - metric: nullValues
                            mustBeBetween: [0]
                          - metric: nullValues
                            mustBeEqualTo: 0
                          - type: custom
                            engine: plumbline
                            implementation: [expect_column_values_to_not_be_null]
                """);

        String amount = "schema[0].properties[1]";
        assertThat(problems).containsExactly(
                new ContractProblem(7, "customProperties[0].value", "required field \"value\" is missing"),
                new ContractProblem(15, "schema[0].properties[0].properties[0].logicalType",
                        "logicalType \"text\" is not one of: " + LOGICAL_TYPES),
                new ContractProblem(18, amount + ".logicalTypeOptions.minimum", "expected a number, found a string"),
                new ContractProblem(21, amount + ".quality[0].mustBeBetween",
                        "expected a list of two numbers, found a list"),
                new ContractProblem(23, amount + ".quality[1].mustBeEqualTo", "operator \"mustBeEqualTo\" is not one"
                        + " of: mustBe, mustNotBe, mustBeGreaterThan, mustBeGreaterOrEqualTo, mustBeLessThan,"
                        + " mustBeLessOrEqualTo, mustBeBetween, mustNotBeBetween"),
                new ContractProblem(26, amount + ".quality[2].implementation",
                        "expected a string or an object, found a list"));
    }

    @Test
    void unknownFieldsAreKeptInTheDocument() {
        JsonNode document = parser.parse(resource("/fixtures/contract/with-extensions.odcs.yaml")).document();

        assertThat(document.at("/plumblineNotes/reviewedBy/1").asText()).isEqualTo("bob");
        assertThat(document.at("/plumblineNotes/ticket").asInt()).isEqualTo(4711);
        assertThat(document.at("/servers/0/host").asText()).isEqualTo("localhost:9092");
        assertThat(document.at("/slaProperties/0/unit").asText()).isEqualTo("d");
        assertThat(document.at("/schema/0/properties/0/classification").asText()).isEqualTo("internal");
        assertThat(document.at("/schema/0/properties/1/quality/0/severity").asText()).isEqualTo("warning");
    }

    @Test
    void aliasesAreResolvedAndTimestampsStayAsWritten() {
        JsonNode document = parser.parse(resource("/fixtures/contract/with-extensions.odcs.yaml")).document();

        assertThat(document.at("/schema/0/properties/1/quality/0/implementation/kwargs/value_set").toString())
                .isEqualTo("[\"grocery\",\"travel\",\"other\"]");
        assertThat(document.get("contractCreatedTs").isTextual()).isTrue();
        assertThat(document.get("contractCreatedTs").asText()).isEqualTo("2024-05-01T10:00:00Z");
    }

    @Test
    void schemaLevelRulesAndTheDeprecatedRuleFieldAreRead() {
        SchemaObject payments = parser.parse(resource("/fixtures/contract/with-extensions.odcs.yaml")).schema()
                .get(0);

        assertThat(payments.quality()).extracting(QualityRule::type, QualityRule::metric, QualityRule::path,
                QualityRule::line).containsExactly(tuple("library", "rowCount", "schema[0].quality[0]", 25));
        assertThat(payments.properties().get(2).quality()).extracting(QualityRule::type, QualityRule::metric)
                .containsExactly(tuple("library", "nullCheck"));
    }

    @Test
    void documentWrittenBackToYamlParsesToAnEqualDocument() throws IOException {
        YAMLMapper yaml = new YAMLMapper();
        for (String name : List.of("/demo/transactions.odcs.yaml", "/fixtures/contract/with-extensions.odcs.yaml")) {
            OdcsContract first = parser.parse(resource(name));

            OdcsContract second = parser.parse(yaml.writeValueAsString(first.document()));

            assertThat(second.document()).as(name).isEqualTo(first.document());
            assertThat(second.schema().get(0).properties()).extracting(SchemaProperty::name)
                    .isEqualTo(first.schema().get(0).properties().stream().map(SchemaProperty::name).toList());
        }
    }

    private List<ContractProblem> problemsOf(String yaml) {
        InvalidContractException refused = catchThrowableOfType(InvalidContractException.class,
                () -> parser.parse(yaml));
        assertThat(refused).as("the contract is refused").isNotNull();
        return refused.problems();
    }

    private static String resource(String name) {
        try (InputStream in = OdcsParserTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

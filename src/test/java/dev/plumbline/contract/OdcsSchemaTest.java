package dev.plumbline.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Contracts checked against the ODCS v3.1.0 JSON schema of the shared conformance folder, when it is there. */
class OdcsSchemaTest {

    static final Path SCHEMA = Path.of("..", "shared", "conformance", "odcs", "odcs-json-schema-v3.1.0.json");
    private static final String HEAD = """
            apiVersion: v3.1.0
            kind: DataContract
            id: urn:plumbline:t
            version: 1.0.0
            status: draft
            """;
    private static final String OPERATORS = "mustBe, mustNotBe, mustBeGreaterThan, mustBeGreaterOrEqualTo,"
            + " mustBeLessThan, mustBeLessOrEqualTo, mustBeBetween, mustNotBeBetween";

    private static OdcsParser parser;

    @BeforeAll
    static void loadSchema() {
        assumeTrue(Files.isRegularFile(SCHEMA), "no ODCS JSON schema at " + SCHEMA.toAbsolutePath()
                + "; schema validation not checked");
        parser = new OdcsParser(OdcsSchema.load(SCHEMA));
    }

    @Test
    void demoContractAndEveryValidFixtureMatchTheSchema() {
        for (String name : List.of("/demo/transactions.odcs.yaml", "/fixtures/pipeline/orders.odcs.yaml",
                "/fixtures/contract/diff/transactions-1.4.0.odcs.yaml",
                "/fixtures/contract/diff/transactions-2.0.0.odcs.yaml",
                "/fixtures/contract/diff/transactions-amount-renamed.odcs.yaml",
                "/fixtures/contract/diff/transactions-documentation-only.odcs.yaml",
                "/fixtures/contract/odcs-fields-plumbline-ignores.odcs.yaml")) {
            assertThatCode(() -> parser.parse(resource(name))).as(name).doesNotThrowAnyException();
        }
    }

    @Test
    void odcsFieldsPlumblineDoesNotUseAreAcceptedAndKeptInTheDocument() {
        JsonNode document = parser.parse(resource("/fixtures/contract/odcs-fields-plumbline-ignores.odcs.yaml"))
                .document();

        assertThat(document.at("/servers/1/port").asInt()).isEqualTo(5432);
        assertThat(document.at("/servers/1/roles/0/role").asText()).isEqualTo("refunds_reader");
        assertThat(document.at("/roles/0/secondLevelApprovers").asText()).isEqualTo("security");
        assertThat(document.at("/price/priceAmount").asDouble()).isEqualTo(0.5);
        assertThat(document.at("/authoritativeDefinitions/0/url").asText())
                .isEqualTo("https://git.example.com/payments/refunds");
        assertThat(document.at("/team/members/0/dateIn").asText()).isEqualTo("2024-01-15");
        assertThat(document.at("/schema/0/properties/1/relationships/0/to").asText())
                .isEqualTo("transactions.transaction_id");
        assertThat(document.at("/schema/0/quality/1/query").asText()).startsWith("SELECT COUNT(*)");
    }

    @Test
    void statusThatIsNotTextIsRefusedOnItsLineWhileAnyWordIsAccepted() {
        assertThat(problemsOf(HEAD.replace("status: draft", "status: [draft]") + "schema:\n  - name: t\n"))
                .containsExactly(new ContractProblem(5, "status", "expected a string, found a list"));
        // ODCS gives proposed, draft, active, deprecated and retired as examples of a status, not as an enum.
        assertThat(parser.parse(HEAD.replace("status: draft", "status: sunsetting") + "schema:\n  - name: t\n")
                .status()).isEqualTo("sunsetting");
    }

    @Test
    void valueOutsideAnEnumOfTheSchemaIsRefusedWithTheAllowedValues() {
        List<ContractProblem> problems = problemsOf(HEAD + """
                schema:
                  - name: t
                    properties:
                      - name: tags
                        logicalType: array
                        items:
                          logicalType: strng
                      - name: amount
                        quality:
                          - metric: nullValues
                            mustBe: 0
                            dimension: goodness
                """);

        assertThat(problems).containsExactly(
                new ContractProblem(12, "schema[0].properties[0].items.logicalType", "logicalType must be one of:"
                        + " string, date, timestamp, time, number, integer, object, array, boolean, found \"strng\""),
                new ContractProblem(17, "schema[0].properties[1].quality[0].dimension", "dimension must be one of:"
                        + " accuracy, completeness, conformity, consistency, coverage, timeliness, uniqueness,"
                        + " found \"goodness\""));
    }

    @Test
    void propertyNameThatIsNotTextIsReportedOnceOnItsLine() {
        List<ContractProblem> problems = problemsOf(HEAD + "schema:\n  - name: t\n    properties:\n"
                + "      - name: 42\n        logicalType: string\n");

        assertThat(problems).containsExactly(new ContractProblem(9, "schema[0].properties[0].name",
                "expected a string, found a number; put it in quotes to keep it as text"));
    }

    @Test
    void unknownFieldsAreRefusedWhereTheyAreWritten() {
        List<ContractProblem> problems = problemsOf(HEAD + """
                plumblineNotes: reviewed
                schema:
                  - name: t
                    properties:
                      - name: amount
                        logicalType: number
                        currency: EUR
                """);

        assertThat(problems).extracting(ContractProblem::line, ContractProblem::path, ContractProblem::message)
                .containsExactly(
                        tuple(6, "plumblineNotes", "\"plumblineNotes\" is not a field ODCS defines here"
                                + " (fields of your own go in customProperties)"),
                        tuple(12, "schema[0].properties[0].currency", "\"currency\" is not a field ODCS defines"
                                + " here (fields of your own go in customProperties)"));
    }

    @Test
    void mistakeInsideOneOfTheFormsOfAFieldIsReportedWhereItIs() {
        List<ContractProblem> problems = problemsOf(HEAD + """
                team:
                  name: 7
                  members:
                    - role: owner
                slaProperties:
                  - property: latency
                    value: {hours: 4}
                schema:
                  - name: t
                """);

        assertThat(problems).containsExactly(
                new ContractProblem(7, "team.name",
                        "expected a string, found a number; put it in quotes to keep it as text"),
                new ContractProblem(9, "team.members[0].username", "required field \"username\" is missing"),
                new ContractProblem(12, "slaProperties[0].value",
                        "expected a string, a number, a boolean or nothing, found an object"));
        assertThat(problemsOf(HEAD + "team: payments\nschema:\n  - name: t\n")).containsExactly(
                new ContractProblem(6, "team", "expected an object or a list, found a string"));
    }

    @Test
    void libraryRuleNeedsExactlyOneOperatorWithAValidOperand() {
        List<ContractProblem> problems = problemsOf(HEAD + """
                schema:
                  - name: t
                    quality:
                      - metric: rowCount
                      - metric: rowCount
                        mustBeBetween: [5, 5]
                """);

        assertThat(problems).containsExactly(
                new ContractProblem(9, "schema[0].quality[0]", "takes exactly one of: " + OPERATORS + "; found none"),
                new ContractProblem(11, "schema[0].quality[1].mustBeBetween", "the items must all be different"));
    }

    @Test
    void mistakesPlumblinesOwnChecksFindAreNotReportedASecondTime() {
        String yaml = resource("/fixtures/contract/several-mistakes.odcs.yaml");

        List<ContractProblem> withSchema = problemsOf(yaml);

        InvalidContractException withoutSchema = catchThrowableOfType(InvalidContractException.class,
                () -> new OdcsParser().parse(yaml));
        assertThat(withSchema).isEqualTo(withoutSchema.problems());
    }

    @Test
    void fixtureWithNonOdcsFieldsIsRefusedForExactlyThoseFields() {
        String yaml = resource("/fixtures/contract/with-extensions.odcs.yaml");

        assertThat(problemsOf(yaml)).extracting(ContractProblem::line, ContractProblem::path).containsExactly(
                tuple(8, "plumblineNotes"), tuple(19, "x-categories"),
                tuple(47, "schema[0].properties[2].quality[0].rule"),
                tuple(48, "schema[0].properties[2].quality[0].mustBe"));
        assertThatCode(() -> new OdcsParser().parse(yaml)).doesNotThrowAnyException();
    }

    @Test
    void fieldThatAFormForbidsIsNamed() {
        List<ContractProblem> problems = problemsOf(HEAD + """
                schema:
                  - name: t
                    properties:
                      - name: customer_id
                        relationships:
                          - from: t.customer_id
                            to: customers.id
                """);

        assertThat(problems).containsExactly(new ContractProblem(11,
                "schema[0].properties[0].relationships[0].from", "\"from\" is not allowed here"));
    }

    private static List<ContractProblem> problemsOf(String yaml) {
        InvalidContractException refused = catchThrowableOfType(InvalidContractException.class,
                () -> parser.parse(yaml));
        assertThat(refused).as("the contract is refused").isNotNull();
        return refused.problems();
    }

    static String resource(String name) {
        try (InputStream in = OdcsSchemaTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

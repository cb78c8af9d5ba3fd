package dev.plumbline.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumbline.contract.ContractProblem;
import dev.plumbline.contract.InvalidContractException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FeatureViewParserTest {

    static final SourceSchema TRANSACTIONS = new SourceSchema("transactions", "1.0.0",
            Map.of("customer_id", "string", "amount", "number", "currency", "string", "event_time", "timestamp"),
            "event_time");

    final FeatureViewParser parser = new FeatureViewParser(
            name -> name.equals("transactions") ? Optional.of(TRANSACTIONS) : Optional.empty());

    static final String VALID = """
            name: customer_spend
            entity: customer_id
            source: transactions
            owner: payments-data
            version: 1.0.0
            features:
              - name: avg_amount_30d
                aggregation: avg
                field: amount
                window: 30d
              - name: currencies_7d
                aggregation: approx_distinct
                field: currency
                window: 7d
            sla:
              freshness: 5m
              psiThreshold: 0.25
              servingP99: 20ms
            """;

    @Test
    void readsAValidViewWithTheContractsEventTimeField() {
        FeatureViewDefinition view = parser.parse(VALID);
        assertThat(view.name()).isEqualTo("customer_spend");
        assertThat(view.eventTimeField()).isEqualTo("event_time");
        assertThat(view.features()).extracting(FeatureSpec::aggregation)
                .containsExactly(Aggregation.AVG, Aggregation.APPROX_DISTINCT);
        assertThat(view.features().get(0).window().length()).isEqualTo(Duration.ofDays(30));
        assertThat(view.sla()).isEqualTo(new FeatureSla(Duration.ofMinutes(5), 0.25, Duration.ofMillis(20)));
        assertThat(view.tileWidth()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void unknownAggregationIsReportedOnItsLineAndPath() {
        List<ContractProblem> problems = problems(VALID.replace("aggregation: avg", "aggregation: median"));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(8);
            assertThat(p.path()).isEqualTo("features[0].aggregation");
            assertThat(p.message()).contains("unknown aggregation \"median\"").contains("approx_distinct");
        });
    }

    @Test
    void unknownSourceDatasetIsReported() {
        assertThat(problems(VALID.replace("source: transactions", "source: payments")))
                .singleElement().satisfies(p -> {
                    assertThat(p.path()).isEqualTo("source");
                    assertThat(p.line()).isEqualTo(3);
                    assertThat(p.message()).contains("no registered dataset \"payments\"");
                });
    }

    @Test
    void sourceFieldTheContractDoesNotDeclareIsReported() {
        assertThat(problems(VALID.replace("field: currency", "field: merchant"))).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("features[1].field");
            assertThat(p.line()).isEqualTo(13);
            assertThat(p.message()).contains("\"merchant\" is not declared by contract 1.0.0 of transactions");
        });
    }

    @Test
    void badWindowAndNumericAggregationOfTextAreReported() {
        List<ContractProblem> problems = problems(VALID.replace("window: 7d", "window: 7 days")
                .replace("aggregation: avg\n    field: amount", "aggregation: sum\n    field: currency"));
        assertThat(problems).extracting(ContractProblem::path)
                .containsExactly("features[0].field", "features[1].window");
        assertThat(problems.get(0).message()).contains("sum needs a number");
        assertThat(problems.get(1).message()).contains("expected a whole number and a unit");
    }

    @Test
    void missingFieldsBadVersionAndDuplicateFeaturesAreAllReported() {
        String yaml = VALID.replace("owner: payments-data\n", "").replace("version: 1.0.0", "version: v1")
                .replace("name: currencies_7d", "name: avg_amount_30d").replace("entity: customer_id", "entity: who");
        assertThat(problems(yaml)).extracting(ContractProblem::path).containsExactly("owner", "entity", "version",
                "features[1].name");
    }

    @Test
    void windowsPickTheCoarsestTileThatDividesThem() {
        assertThat(parser.parse(VALID.replace("window: 7d", "window: 90m")).tileWidth())
                .isEqualTo(Duration.ofMinutes(1));
        assertThat(parser.parse(VALID.replace("window: 7d", "window: 45s")).tileWidth())
                .isEqualTo(Duration.ofSeconds(1));
    }

    private List<ContractProblem> problems(String yaml) {
        assertThatThrownBy(() -> parser.parse(yaml)).isInstanceOf(InvalidContractException.class);
        try {
            parser.parse(yaml);
            return List.of();
        } catch (InvalidContractException e) {
            return e.problems();
        }
    }
}

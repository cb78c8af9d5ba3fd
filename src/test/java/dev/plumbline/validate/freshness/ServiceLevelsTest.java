package dev.plumbline.validate.freshness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.plumbline.contract.ContractProblem;
import dev.plumbline.contract.OdcsContract;
import dev.plumbline.contract.OdcsParser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceLevelsTest {

    @Test
    void latencyAndFreshnessAreReadFromSlaProperties() {
        List<ContractProblem> problems = new ArrayList<>();
        ServiceLevels levels = ServiceLevels.read(contract("""
                  - property: latency
                    value: 60
                    unit: s
                    element: orders.event_time
                  - property: freshness
                    value: 5
                    unit: m
                  - property: retention
                    value: 3
                    unit: y
                """), problems);

        assertThat(problems).isEmpty();
        assertThat(levels).isEqualTo(new ServiceLevels(Duration.ofSeconds(60), "event_time", Duration.ofMinutes(5)));
    }

    @Test
    void latencyWithoutAnElementIsMeasuredOnTheEventTimeField() {
        OdcsContract contract = new OdcsParser().parse(header() + """
                customProperties:
                  - property: eventTimeField
                    value: event_time
                slaProperties:
                  - property: latency
                    value: 1.5
                    unit: h
                """ + schema());

        assertThat(ServiceLevels.read(contract, new ArrayList<>()))
                .isEqualTo(new ServiceLevels(Duration.ofMinutes(90), "event_time", null));
    }

    @Test
    void unmeasurableLevelsAreProblemsWithLineAndPath() {
        List<ContractProblem> problems = new ArrayList<>();
        ServiceLevels.read(contract("""
                  - property: latency
                    value: 60
                    unit: fortnights
                    element: orders.event_time
                  - property: freshness
                    value: -5
                    unit: m
                  - property: latency
                    value: 1
                    unit: s
                    element: orders.shipped_at
                """), problems);

        assertThat(problems).extracting(ContractProblem::line, ContractProblem::path, ContractProblem::message)
                .containsExactly(
                        tuple(9, "slaProperties[0].unit", "unit must be one of ms, s, m, h or d (or their names), "
                                + "got \"fortnights\""),
                        tuple(12, "slaProperties[1].value", "value must be a number above 0, got -5"),
                        tuple(14, "slaProperties[2].property", "a second latency; give one"));
    }

    private static OdcsContract contract(String slaProperties) {
        return new OdcsParser().parse(header() + "slaProperties:\n" + slaProperties + schema());
    }

    private static String header() {
        return """
                apiVersion: v3.1.0
                kind: DataContract
                id: urn:test:orders
                version: 1.0.0
                status: active
                """;
    }

    private static String schema() {
        return """
                schema:
                  - name: orders
                    properties:
                      - name: event_time
                """;
    }
}

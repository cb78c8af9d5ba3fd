package dev.plumbline.featurestore.training;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.plumbline.transform.Aggregation;
import dev.plumbline.transform.FeatureSpec;
import dev.plumbline.transform.FeatureViewDefinition;
import dev.plumbline.transform.FeatureViewVersion;
import dev.plumbline.transform.PointInTimeJoin;
import dev.plumbline.transform.Window;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrainingSetFileTest {

    static final Instant T1 = Instant.parse("2026-03-14T09:30:00Z");
    static final Instant T2 = Instant.parse("2026-03-15T12:00:00.000001Z");
    static final UploadShape SHAPE = new UploadShape("label_time", Set.of("customer_id"), List.of("is_fraud"));

    static JoinedView view(Instant[] newestEvent, Instant[] newestKnown) {
        List<FeatureSpec> features = List.of(
                new FeatureSpec("n_30d", Aggregation.COUNT, "amount", Window.parse("30d")),
                new FeatureSpec("avg_30d", Aggregation.AVG, "amount", Window.parse("30d")),
                new FeatureSpec("last_currency", Aggregation.LAST, "currency", Window.parse("30d")));
        FeatureViewDefinition definition = new FeatureViewDefinition("spend", "customer_id", "transactions",
                "event_time", "team", "1.0.0", null, features, null);
        FeatureViewVersion version = new FeatureViewVersion(1, "spend", "team", 1, "1.0.0", "active", definition, "",
                "tester", T1);
        Object[][] values = {{2L, 15.5, new TextNode("USD")}, {0L, null, null}};
        return new JoinedView(version, "customer_id", PointInTimeJoin.Joined.of(features, values, newestEvent,
                newestKnown));
    }

    static EntityRows rows() {
        return new EntityRowsParser(SHAPE, Instant.parse("2026-06-01T00:00:00Z")).csv("""
                customer_id,label_time,is_fraud
                c1,2026-03-14T09:30:00Z,1
                c2,2026-03-15T12:00:00.000001Z,
                """);
    }

    @Test
    void theParquetFileReadsBackAsCsvWithEveryColumnInOrder() throws Exception {
        JoinedView view = view(new Instant[] {T1.minusSeconds(60), null}, new Instant[] {T1.minusSeconds(1), null});
        EntityRows rows = rows();
        byte[] parquet = TrainingSetFile.parquet(rows, TrainingSetFile.columns(rows, SHAPE, List.of(view)),
                List.of(view));
        Path csv = TrainingSetFile.csv(parquet);
        try {
            assertThat(Files.readAllLines(csv)).containsExactly(
                    "customer_id,label_time,is_fraud,n_30d,avg_30d,last_currency,spend__newest_event_time,"
                            + "spend__newest_known_at",
                    "c1,2026-03-14T09:30:00.000000Z,1.0,2,15.5,USD,2026-03-14T09:29:00.000000Z,"
                            + "2026-03-14T09:29:59.000000Z",
                    "c2,2026-03-15T12:00:00.000001Z,,0,,,,");
        } finally {
            Files.delete(csv);
        }
        assertThat(TrainingSetFile.leakedValues(parquet, "label_time", List.of(view))).isZero();
    }

    @Test
    void theLeakageAuditCountsEveryFeatureOfARowThatUsedAnEventKnownAtOrAfterItsLabel() throws Exception {
        // A join that let in an event known exactly at the label time: the file itself shows it.
        JoinedView leaky = view(new Instant[] {T1.minusSeconds(60), T2.minusSeconds(5)},
                new Instant[] {T1.minusSeconds(1), T2});
        EntityRows rows = rows();
        byte[] parquet = TrainingSetFile.parquet(rows, TrainingSetFile.columns(rows, SHAPE, List.of(leaky)),
                List.of(leaky));
        assertThat(TrainingSetFile.leakedValues(parquet, "label_time", List.of(leaky))).isEqualTo(3);

        JoinedView future = view(new Instant[] {T1, null}, new Instant[] {T1.minusSeconds(1), null});
        parquet = TrainingSetFile.parquet(rows, TrainingSetFile.columns(rows, SHAPE, List.of(future)),
                List.of(future));
        assertThat(TrainingSetFile.leakedValues(parquet, "label_time", List.of(future))).isEqualTo(3);
    }

    @Test
    void aFeatureNamedLikeAnUploadedColumnIsRefused() {
        UploadShape shape = new UploadShape("label_time", Set.of("customer_id"), List.of("n_30d"));
        EntityRows rows = new EntityRowsParser(shape, Instant.parse("2026-06-01T00:00:00Z"))
                .csv("customer_id,label_time,n_30d\nc1,2026-03-14,1\n");
        JoinedView view = view(new Instant[2], new Instant[2]);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TrainingSetFile.columns(rows, shape, List.of(view)))
                .isInstanceOf(BadUpload.class).hasMessageContaining("\"n_30d\"");
    }
}

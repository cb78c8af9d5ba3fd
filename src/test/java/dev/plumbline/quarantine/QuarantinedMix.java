package dev.plumbline.quarantine;

import static dev.plumbline.PipelineFixtures.order;
import static org.awaitility.Awaitility.await;

import dev.plumbline.PipelineFixtures;
import dev.plumbline.TestKafka;
import dev.plumbline.contract.DatasetRegistry;
import dev.plumbline.ingest.StagingRepository;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;

/**
 * A fresh orders dataset whose one micro-batch quarantined a known mix: two records sharing an order id
 * (amounts 1 and 2), one amount over the maximum (500) and one unknown currency (amount 7); one record passed.
 */
public record QuarantinedMix(String dataset, long duplicateOne, long duplicateTwo, long tooLarge, long badCurrency) {

    public static QuarantinedMix publish(DatasetRegistry registry, StagingRepository staging, QuarantineQueue queue,
            DataSource dataSource) {
        String dataset = PipelineFixtures.freshDatasetName("qa");
        TestKafka.publish(dataset, List.of(order("dup", 1, "USD"), order("dup", 2, "USD"), order("big", 500, "USD"),
                order("fine", 5, "EUR"), order("odd", 7, "XXX")));
        // Registering the contract once all five are staged makes them one micro-batch.
        await().atMost(Duration.ofSeconds(60)).until(() -> staging.stagedCount(dataset) == 5);
        PipelineFixtures.registerOrders(registry, dataset);
        await().atMost(Duration.ofSeconds(30)).until(() -> queue.count(QuarantineFilter.open(dataset)) == 4);
        return new QuarantinedMix(dataset, entryWithAmount(dataSource, dataset, 1),
                entryWithAmount(dataSource, dataset, 2), entryWithAmount(dataSource, dataset, 500),
                entryWithAmount(dataSource, dataset, 7));
    }

    private static long entryWithAmount(DataSource dataSource, String dataset, int amount) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT q.id FROM quarantined_record q JOIN staged_record r ON r.id = q.staged_record_id
                JOIN dataset d ON d.id = q.dataset_id WHERE d.name = ? AND r.payload ->> 'amount' = ?""")) {
            s.setString(1, dataset);
            s.setString(2, Integer.toString(amount));
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no quarantined record with amount " + amount);
                }
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.plumbline.quarantine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import dev.plumbline.EmbeddedStackResource;
import dev.plumbline.PipelineFixtures;
import dev.plumbline.TestKafka;
import dev.plumbline.access.AuditEntry;
import dev.plumbline.access.AuditLog;
import dev.plumbline.access.Sessions;
import dev.plumbline.access.TestAccounts;
import dev.plumbline.contract.DatasetRegistry;
import dev.plumbline.ingest.StagingRepository;
import dev.plumbline.quarantine.QuarantineActions.Actor;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Releasing and discarding quarantined records, through the page's form, against the real database. */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class QuarantineActionsTest {

    static final Actor TESTER = new Actor(TestAccounts.EDITOR, "127.0.0.1");

    @Inject
    DatasetRegistry registry;
    @Inject
    StagingRepository staging;
    @Inject
    QuarantineQueue queue;
    @Inject
    QuarantineActions actions;
    @Inject
    AuditLog audit;
    @Inject
    QuarantineRetention retention;
    @Inject
    QuarantineConfig config;
    @Inject
    DataSource dataSource;

    QuarantinedMix mix;

    @BeforeEach
    void quarantineAKnownMix() {
        mix = QuarantinedMix.publish(registry, staging, queue, dataSource);
    }

    @Test
    void aReleasedRecordThatNowPassesLeavesTheQueueExactlyOnce() {
        assertThat(act(TestAccounts.EDITOR, "release", mix.duplicateOne()).header("Location"))
                .contains("released=1").contains("failing=0");
        QuarantineEntry released = entry(mix.duplicateOne());
        assertThat(released.status()).isEqualTo(QuarantineStatus.RELEASED);
        assertThat(released.resolution().by()).isEqualTo(TestAccounts.EDITOR);
        assertThat(released.resolution().note()).isEqualTo("passed contract 1.0.0 on re-validation");
        assertThat(releaseSeq(mix.duplicateOne())).isPositive();

        assertThat(act(TestAccounts.EDITOR, "release", mix.duplicateOne()).header("Location"))
                .contains("released=0").contains("skipped=1");
        assertThat(auditOf(mix.dataset())).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("quarantine.released");
            assertThat(e.actor()).isEqualTo(TestAccounts.EDITOR);
            assertThat(e.details().replace(" ", "")).contains("\"released\":[" + mix.duplicateOne() + "]");
        });
    }

    @Test
    void releasingBothDuplicatesTogetherFailsThemAgainWithFreshReasons() {
        ReleaseOutcome outcome = actions.release(List.of(mix.duplicateOne(), mix.duplicateTwo(), mix.tooLarge()),
                TESTER);
        assertThat(outcome).isEqualTo(new ReleaseOutcome(0, 3, 0));
        QuarantineEntry again = entry(mix.tooLarge());
        assertThat(again.status()).isEqualTo(QuarantineStatus.OPEN);
        assertThat(again.revalidations()).isEqualTo(1);
        assertThat(again.revalidatedAt()).isNotNull();
        assertThat(again.rules()).containsExactly("expect_column_values_to_be_between");
        assertThat(entry(mix.duplicateTwo()).rules()).contains("expect_column_values_to_be_unique");
    }

    @Test
    void afterANewVersionIsActiveReleasingAllMatchingARuleRunsThemUnderIt() {
        PipelineFixtures.activateLooserOrders(registry, mix.dataset());
        QuarantineFilter between = new QuarantineFilter(mix.dataset(), "expect_column_values_to_be_between", null,
                null, QuarantineStatus.OPEN);
        assertThat(queue.count(between)).isEqualTo(1);

        assertThat(actions.releaseMatching(between, TESTER)).isEqualTo(new ReleaseOutcome(1, 0, 0));
        QuarantineEntry released = entry(mix.tooLarge());
        assertThat(released.contractVersion()).isEqualTo("1.1.0");
        assertThat(released.resolution().note()).contains("1.1.0");
        assertThat(entry(mix.badCurrency()).status()).as("not matched by the filter").isEqualTo(QuarantineStatus.OPEN);
    }

    @Test
    void twoPeopleReleasingTheSameRecordAtOnceReleaseItOnce() throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<ReleaseOutcome>> both = List.of(1, 2).stream()
                .map(n -> CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return actions.release(List.of(mix.duplicateOne()), new Actor("person-" + n, "127.0.0.1"));
                })).toList();
        int released = 0;
        for (CompletableFuture<ReleaseOutcome> one : both) {
            released += one.get().released();
        }
        assertThat(released).isEqualTo(1);
        assertThat(entry(mix.duplicateOne()).status()).isEqualTo(QuarantineStatus.RELEASED);
    }

    @Test
    void discardingNeedsAReasonAndRecordsIt() {
        assertThat(act(TestAccounts.EDITOR, "discard", mix.badCurrency()).header("Location"))
                .contains("error=").contains("reason+is+required");
        assertThat(entry(mix.badCurrency()).status()).isEqualTo(QuarantineStatus.OPEN);

        Sessions.as(TestAccounts.EDITOR).contentType(ContentType.URLENC).formParam("action", "discard")
                .formParam("id", mix.badCurrency()).formParam("reason", "test event from the load generator")
                .redirects().follow(false).post("/quarantine/actions").then().statusCode(303);
        QuarantineEntry discarded = entry(mix.badCurrency());
        assertThat(discarded.status()).isEqualTo(QuarantineStatus.DISCARDED);
        assertThat(discarded.resolution().note()).isEqualTo("test event from the load generator");
        assertThat(auditOf(mix.dataset())).anySatisfy(e -> assertThat(e.action()).isEqualTo("quarantine.discarded"));
    }

    @Test
    void onlyEditorsOfTheOwningTeamMayActAndOnlyWithTheCsrfToken() {
        act(TestAccounts.VIEWER, "release", mix.tooLarge()).then().statusCode(403);
        act(TestAccounts.OUTSIDER, "release", mix.tooLarge()).then().statusCode(403);
        Sessions.session(TestAccounts.EDITOR).withoutToken().contentType(ContentType.URLENC)
                .formParam("action", "release").formParam("id", mix.tooLarge()).redirects().follow(false)
                .post("/quarantine/actions").then().statusCode(403);
        assertThat(entry(mix.tooLarge()).revalidations()).isZero();
        act(TestAccounts.ADMIN, "release", mix.tooLarge()).then().statusCode(303);
        assertThat(entry(mix.tooLarge()).revalidations()).isEqualTo(1);
    }

    @Test
    void thePageFiltersByRuleTimeAndStatus() {
        Sessions.as(TestAccounts.VIEWER).queryParam("dataset", mix.dataset())
                .queryParam("rule", "expect_column_values_to_be_unique").get("/quarantine").then().statusCode(200)
                .body(containsString("2 records match"), containsString("q-" + mix.duplicateOne()),
                        not(containsString("q-" + mix.tooLarge())), not(containsString("name=\"id\"")));
        Sessions.as(TestAccounts.VIEWER).queryParam("dataset", mix.dataset())
                .queryParam("from", QuarantineFilter.formInput(Instant.now().plusSeconds(3600)))
                .get("/quarantine").then().statusCode(200).body(containsString("0 records match"));
        Sessions.as(TestAccounts.VIEWER).queryParam("from", "yesterday").get("/quarantine").then().statusCode(400);

        actions.discard(List.of(mix.tooLarge()), "known bad upstream batch", TESTER);
        assertThat(queue.count(new QuarantineFilter(mix.dataset(), null, null, null, QuarantineStatus.DISCARDED)))
                .isEqualTo(1);
        Sessions.as(TestAccounts.EDITOR).queryParam("dataset", mix.dataset()).get("/quarantine").then()
                .statusCode(200).body(containsString("3 records match"), containsString("Release selected"),
                        containsString("value=\"" + mix.badCurrency() + "\""));
    }

    @Test
    void aRecordPageShowsItsPayloadReasonsAndActionsToThoseWhoMayAct() {
        Sessions.as(TestAccounts.VIEWER).get("/quarantine/" + mix.tooLarge()).then().statusCode(200)
                .body(containsString("&quot;amount&quot;: 500"), containsString("expect_column_values_to_be_between"),
                        containsString("partition 0"), not(containsString("Release for re-validation")));
        Sessions.as(TestAccounts.EDITOR).get("/quarantine/" + mix.tooLarge()).then().statusCode(200)
                .body(containsString("Release for re-validation"));
        Sessions.as(TestAccounts.VIEWER).get("/quarantine/999999999").then().statusCode(404);
    }

    @Test
    void quarantinedRecordsArePublishedOnTheDatasetsOwnTopic() {
        var published = TestKafka.readAll("plumbline.quarantine." + mix.dataset(), 4);
        assertThat(published.count()).isEqualTo(4);
        published.forEach(r -> assertThat(new String(r.value())).contains("\"dataset\":\"" + mix.dataset() + "\""));
    }

    @Test
    void passedAndReleasedRecordsArePublishedOnTheValidatedTopicOnceEach() {
        actions.release(List.of(mix.duplicateOne()), TESTER);
        var published = TestKafka.readAll("plumbline.validated." + mix.dataset(), 3);
        assertThat(published.count()).as("the one that passed, then the released one; nothing twice").isEqualTo(2);
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        published.forEach(records::add);
        assertThat(new String(records.get(0).value())).contains("\"amount\": 5");
        assertThat(header(records.get(0), "plumbline-validation-run")).isNotBlank();
        assertThat(header(records.get(0), "plumbline-contract-version")).isEqualTo("1.0.0");
        assertThat(header(records.get(0), "plumbline-source")).isEqualTo(mix.dataset() + "/0/3");
        assertThat(new String(records.get(1).value())).contains("\"amount\": 1");
        assertThat(header(records.get(1), "plumbline-release-seq")).isEqualTo(Long.toString(releaseSeq(mix.duplicateOne())));
        assertThat(header(records.get(1), "plumbline-released-at")).isNotBlank();
        assertThat(header(records.get(1), "plumbline-validation-run")).isNull();
    }

    @Test
    void retentionDeletesOpenAndDiscardedRecordsOlderThanItsAgeWithTheirPayloads() {
        assertThat(config.retention()).isEqualTo(Duration.ofDays(30));
        actions.discard(List.of(mix.badCurrency()), "duplicate feed", TESTER);
        actions.release(List.of(mix.duplicateOne()), TESTER);
        sql("UPDATE quarantined_record SET quarantined_at = now() - interval '40 days' WHERE id IN (?, ?, ?)",
                mix.tooLarge(), mix.badCurrency(), mix.duplicateOne());

        assertThat(retention.purgeOlderThan(Instant.now().minus(config.retention()))).isGreaterThanOrEqualTo(2);
        assertThat(queue.find(mix.tooLarge())).isEmpty();
        assertThat(queue.find(mix.badCurrency())).isEmpty();
        assertThat(staging.stagedCount(mix.dataset())).as("payloads that never passed go too").isEqualTo(3);
        assertThat(queue.find(mix.duplicateOne())).as("released: it went downstream").isPresent();
        assertThat(queue.find(mix.duplicateTwo())).isPresent();
        assertThat(audit.newest(Long.MAX_VALUE, 50)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("quarantine.purged");
            assertThat(e.actor()).isEqualTo("plumbline");
        });
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private void sql(String statement, long... ids) {
        QuarkusTransaction.requiringNew().run(() -> {
            try (var c = dataSource.getConnection(); var s = c.prepareStatement(statement)) {
                for (int i = 0; i < ids.length; i++) {
                    s.setLong(i + 1, ids[i]);
                }
                s.executeUpdate();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private Response act(String user, String action, long id) {
        return Sessions.as(user).contentType(ContentType.URLENC).formParam("action", action).formParam("id", id)
                .redirects().follow(false).post("/quarantine/actions");
    }

    private QuarantineEntry entry(long id) {
        return queue.find(id).orElseThrow();
    }

    private List<AuditEntry> auditOf(String dataset) {
        return audit.newest(Long.MAX_VALUE, 500).stream().filter(e -> dataset.equals(e.subjectId())).toList();
    }

    private long releaseSeq(long id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (var c = dataSource.getConnection(); var s = c.prepareStatement(
                    "SELECT release_seq FROM quarantined_record WHERE id = ?")) {
                s.setLong(1, id);
                try (var rs = s.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

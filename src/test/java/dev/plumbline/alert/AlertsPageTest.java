package dev.plumbline.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.plumbline.EmbeddedStackResource;
import dev.plumbline.access.AuditEntry;
import dev.plumbline.access.AuditLog;
import dev.plumbline.access.Sessions;
import dev.plumbline.access.TestAccounts;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The alerts page and the silences API: who may silence what, CSRF, the audit trail, "send test". */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class AlertsPageTest {

    @Inject
    SilenceStore store;
    @Inject
    AuditLog audit;
    @Inject
    Outbox outbox;

    private static Response form(String user, String path, String... fields) {
        var request = Sessions.as(user).redirects().follow(false).contentType(ContentType.URLENC);
        for (int i = 0; i < fields.length; i += 2) {
            request = request.formParam(fields[i], fields[i + 1]);
        }
        return request.formParam("csrf-token", Sessions.session(user).csrfToken()).post(path);
    }

    @Test
    void anEditorSilencesTheirTeamFromThePageAndExpiresItBothAudited() {
        String dataset = "ds-" + UUID.randomUUID();
        Response created = form(TestAccounts.EDITOR, "/alerts/silences", "matchers",
                "team=\"test-team\"\ndataset=\"" + dataset + "\"", "duration", "2h", "comment", "backfill <b>tonight</b>");
        assertThat(created.statusCode()).isEqualTo(303);
        assertThat(created.header("Location")).contains("notice=Silence");
        Silence silence = store.newest(20).stream().filter(s -> s.matcherText().contains(dataset)).findFirst()
                .orElseThrow();
        assertThat(silence.createdBy()).isEqualTo(TestAccounts.EDITOR);
        assertThat(silence.activeAt(Instant.now())).isTrue();

        Sessions.as(TestAccounts.VIEWER).get("/alerts").then().statusCode(200)
                .body(containsString("backfill &lt;b&gt;tonight&lt;/b&gt;"))
                .body(containsString("dataset=&quot;" + dataset + "&quot;"));

        assertThat(form(TestAccounts.EDITOR, "/alerts/silences/" + silence.id() + "/expire").statusCode()).isEqualTo(303);
        assertThat(store.get(silence.id()).activeAt(Instant.now())).isFalse();
        assertThat(store.get(silence.id()).expiredBy()).isEqualTo(TestAccounts.EDITOR);
        List<AuditEntry> trail = audit.about("silence", Long.toString(silence.id()));
        assertThat(trail).extracting(AuditEntry::action).containsExactly("silence.created", "silence.expired");
        assertThat(trail).allSatisfy(e -> assertThat(e.actor()).isEqualTo(TestAccounts.EDITOR));
    }

    @Test
    void viewersOtherTeamsAndUnscopedSilencesAreRefused() {
        assertThat(form(TestAccounts.VIEWER, "/alerts/silences", "matchers", "team=\"test-team\"", "duration", "1h",
                "comment", "x").statusCode()).isEqualTo(403);
        assertThat(form(TestAccounts.OUTSIDER, "/alerts/silences", "matchers", "team=\"test-team\"", "duration",
                "1h", "comment", "x").statusCode()).isEqualTo(403);
        assertThat(form(TestAccounts.EDITOR, "/alerts/silences", "matchers", "severity=\"warning\"", "duration",
                "1h", "comment", "x").statusCode()).isEqualTo(403);
        Sessions.as(TestAccounts.EDITOR).redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("matchers", "team=\"test-team\"").formParam("duration", "1h").formParam("comment", "x")
                .header("X-CSRF-Token", "forged").post("/alerts/silences").then().statusCode(403);
    }

    @Test
    void badSilencesAreRefusedWithTheReason() {
        assertThat(form(TestAccounts.EDITOR, "/alerts/silences", "matchers", "team ~ x", "duration", "1h",
                "comment", "x").header("Location")).contains("error=not+a+matcher");
        assertThat(form(TestAccounts.EDITOR, "/alerts/silences", "matchers", "team=\"test-team\"", "duration",
                "soon", "comment", "x").header("Location")).contains("error=duration%3A+not+a+duration");
        Sessions.as(TestAccounts.EDITOR).contentType(ContentType.JSON)
                .body("{\"matchers\":[\"team=\\\"test-team\\\"\"],\"duration\":\"1h\",\"comment\":\" \"}")
                .post("/api/silences").then().statusCode(400).body("error", containsString("needs a comment"));
    }

    @Test
    void theApiCreatesListsAndExpiresSilences() {
        String id = Sessions.as(TestAccounts.ADMIN).contentType(ContentType.JSON)
                .body("{\"matchers\":[\"severity=~\\\"info|warning\\\"\"],\"duration\":\"30m\",\"comment\":\"noise\"}")
                .post("/api/silences").then().statusCode(201).body("state", org.hamcrest.Matchers.equalTo("active"))
                .extract().path("id").toString();
        Sessions.as(TestAccounts.VIEWER).get("/api/silences").then().statusCode(200)
                .body(containsString("severity=~\\\"info|warning\\\""));
        Sessions.as(TestAccounts.EDITOR).delete("/api/silences/" + id).then().statusCode(403);
        Sessions.as(TestAccounts.ADMIN).delete("/api/silences/" + id).then().statusCode(204);
        assertThat(store.get(Long.parseLong(id)).activeAt(Instant.now())).isFalse();
    }

    @Test
    void thePageShowsTheRouteTreeAndOnlyAdministratorsSendTests() {
        Sessions.as(TestAccounts.VIEWER).get("/alerts").then().statusCode(200)
                .body(containsString("team=&quot;delivery-team&quot;")).body(containsString("all-three"))
                .body(org.hamcrest.Matchers.not(containsString("Send test to")));
        assertThat(form(TestAccounts.EDITOR, "/alerts/receivers/batching/test").statusCode()).isEqualTo(403);
        Response sent = form(TestAccounts.ADMIN, "/alerts/receivers/batching/test");
        assertThat(sent.header("Location")).contains("Test+notification+queued+for+batching");
        assertThat(outbox.newest(20)).anySatisfy(n -> {
            assertThat(n.receiver()).isEqualTo("batching");
            assertThat(n.body()).contains("PlumblineTest").contains("sent by " + TestAccounts.ADMIN);
        });
        assertThat(audit.about("receiver", "batching")).extracting(AuditEntry::action).contains("receiver.test_sent");
    }
}

package dev.plumbline.featurestore;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.EmbeddedStackResource;
import dev.plumbline.PipelineFixtures;
import dev.plumbline.access.Sessions;
import dev.plumbline.access.TestAccounts;
import dev.plumbline.contract.DatasetRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every feature view action tried by every kind of user, on a view of the test team whose next version the test
 * editor proposed. Reading and serving are open to everyone signed in; writing needs the editor role in the
 * owning team (administrators may); approving counts only from a team's own approvers; a team subscribes
 * itself as a consumer.
 */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class FeatureViewRoleMatrixTest {

    static final String ADMIN = TestAccounts.ADMIN;
    static final String APPROVER = TestAccounts.APPROVER;
    static final String EDITOR = TestAccounts.EDITOR;
    static final String VIEWER = TestAccounts.VIEWER;
    static final String CONSUMER = TestAccounts.CONSUMER;
    static final String OUTSIDER = TestAccounts.OUTSIDER;

    /** What the view looks like before the action: a draft version, one under review, approved, or active. */
    enum Setup { DRAFT, OPEN, APPROVED, ACTIVATED }

    /** One action: the state it needs and the request that attempts it. */
    record Action(String name, Setup setup, BiFunction<RequestSpecification, Fixture, Response> attempt) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** The view, its source dataset, and the change request proposing its version 1.1.0. */
    record Fixture(String dataset, String view, long change) {

        String yaml(String name, String version, boolean count) {
            return FeatureViewApi.spendView(name, dataset, version, count ? FeatureViewApi.COUNT : "");
        }
    }

    static final Action APPLY_NEW_VIEW = new Action("apply a new view", Setup.OPEN,
            (r, f) -> put(r, f.yaml(f.view() + "_x", "1.0.0", false)));
    static final Action PROPOSE = new Action("propose a version", Setup.OPEN,
            (r, f) -> put(r, f.yaml(f.view(), "1.2.0", true)));
    static final Action REVISE = new Action("revise", Setup.OPEN, (r, f) -> r.contentType("text/plain")
            .body(f.yaml(f.view(), "1.2.0", true)).put("/api/change-requests/" + f.change()));
    static final Action APPROVE = review("approve");
    static final Action REQUEST_CHANGES = review("request_changes");
    static final Action COMMENT = review("comment");
    static final Action SUBMIT = new Action("submit a draft", Setup.DRAFT,
            (r, f) -> r.post("/api/change-requests/" + f.change() + "/submit"));
    static final Action ACTIVATE = new Action("activate", Setup.APPROVED,
            (r, f) -> r.post("/api/change-requests/" + f.change() + "/activate"));
    static final Action WITHDRAW = new Action("withdraw", Setup.OPEN,
            (r, f) -> r.post("/api/change-requests/" + f.change() + "/withdraw"));
    static final Action ROLLBACK = new Action("propose a rollback", Setup.ACTIVATED,
            (r, f) -> r.queryParam("to", "1.0.0").post("/api/feature-views/" + f.view() + "/rollbacks"));
    static final Action SUBSCRIBE = new Action("subscribe the consumer team", Setup.OPEN,
            (r, f) -> r.put("/api/feature-views/" + f.view() + "/consumers/" + TestAccounts.CONSUMER_TEAM));
    static final Action UNSUBSCRIBE = new Action("unsubscribe the consumer team", Setup.OPEN,
            (r, f) -> r.delete("/api/feature-views/" + f.view() + "/consumers/" + TestAccounts.CONSUMER_TEAM));
    static final Action DELETE = new Action("delete the view", Setup.OPEN,
            (r, f) -> r.delete("/api/feature-views/" + f.view()));
    static final Action READ = new Action("read the view", Setup.OPEN,
            (r, f) -> r.get("/api/feature-views/" + f.view()));
    static final Action READ_CHANGE = new Action("read the change request", Setup.OPEN,
            (r, f) -> r.get("/api/change-requests/" + f.change()));
    static final Action SERVE = new Action("read served values", Setup.OPEN,
            (r, f) -> r.get("/api/features/" + f.view() + "/entities/USD"));

    static Stream<Arguments> everyRoleAndAction() {
        List<String> users = List.of(ADMIN, APPROVER, EDITOR, VIEWER, CONSUMER, OUTSIDER);
        Map<Action, List<Integer>> expected = new LinkedHashMap<>();
        // ...................................... ADMIN APPROVER EDITOR VIEWER CONSUMER OUTSIDER
        expected.put(APPLY_NEW_VIEW, List.of(201, 201, 201, 403, 403, 403));
        expected.put(PROPOSE, List.of(202, 202, 202, 403, 403, 403));
        expected.put(REVISE, List.of(200, 200, 200, 403, 403, 403));
        expected.put(APPROVE, List.of(403, 201, 403, 403, 403, 403));
        expected.put(REQUEST_CHANGES, List.of(403, 201, 403, 403, 403, 403));
        expected.put(COMMENT, List.of(201, 201, 201, 201, 201, 403));
        expected.put(SUBMIT, List.of(200, 200, 200, 403, 403, 403));
        expected.put(ACTIVATE, List.of(200, 200, 200, 403, 403, 403));
        expected.put(WITHDRAW, List.of(200, 200, 200, 403, 403, 403));
        expected.put(ROLLBACK, List.of(201, 201, 201, 403, 403, 403));
        expected.put(SUBSCRIBE, List.of(204, 403, 403, 403, 204, 403));
        expected.put(UNSUBSCRIBE, List.of(204, 204, 204, 403, 204, 403));
        expected.put(DELETE, List.of(204, 204, 204, 403, 403, 403));
        expected.put(READ, List.of(200, 200, 200, 200, 200, 200));
        expected.put(READ_CHANGE, List.of(200, 200, 200, 200, 200, 200));
        expected.put(SERVE, List.of(200, 200, 200, 200, 200, 200));
        List<Arguments> cases = new ArrayList<>();
        expected.forEach((action, statuses) -> {
            for (int i = 0; i < users.size(); i++) {
                cases.add(Arguments.of(action, users.get(i), statuses.get(i)));
            }
        });
        return cases.stream();
    }

    static Stream<Action> actions() {
        return Stream.of(APPLY_NEW_VIEW, PROPOSE, REVISE, APPROVE, COMMENT, SUBMIT, ACTIVATE, WITHDRAW, ROLLBACK, SUBSCRIBE,
                UNSUBSCRIBE, DELETE, READ, READ_CHANGE, SERVE);
    }

    @Inject
    DatasetRegistry registry;

    @ParameterizedTest(name = "{1} may {0}: {2}")
    @MethodSource("everyRoleAndAction")
    void everyRoleMayDoExactlyWhatItsRoleAllows(Action action, String user, int expectedStatus) {
        Fixture fixture = prepare(action.setup());
        Response response = action.attempt().apply(Sessions.as(user).accept(ContentType.JSON), fixture);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(expectedStatus);
    }

    @ParameterizedTest(name = "someone not signed in may not {0}")
    @MethodSource("actions")
    void nobodyMayActWithoutSigningIn(Action action) {
        Fixture fixture = prepare(action.setup());
        Response response = action.attempt().apply(given().redirects().follow(false), fixture);
        assertThat(response.statusCode()).isIn(302, 401);
    }

    private Fixture prepare(Setup setup) {
        String dataset = PipelineFixtures.freshDatasetName("fvroles");
        QuarkusTransaction.requiringNew().run(() -> PipelineFixtures.registerOrders(registry, dataset));
        Fixture blank = new Fixture(dataset, "v_" + dataset.substring(8), 0);
        FeatureViewApi.apply(EDITOR, blank.yaml(blank.view(), "1.0.0", false)).then().statusCode(201);
        long change = Sessions.as(EDITOR).contentType("text/plain; charset=UTF-8").accept(ContentType.JSON)
                .queryParam("draft", setup == Setup.DRAFT).body(blank.yaml(blank.view(), "1.1.0", true))
                .put("/api/feature-views").then().statusCode(202).extract().jsonPath().getLong("id");
        if (setup == Setup.APPROVED || setup == Setup.ACTIVATED) {
            Sessions.as(APPROVER).contentType(ContentType.JSON).body(Map.of("verdict", "approve"))
                    .post("/api/change-requests/" + change + "/reviews").then().statusCode(201);
        }
        if (setup == Setup.ACTIVATED) {
            Sessions.as(EDITOR).post("/api/change-requests/" + change + "/activate").then().statusCode(200);
        }
        if (setup == Setup.OPEN) {
            Sessions.as(CONSUMER).put("/api/feature-views/" + blank.view() + "/consumers/" + TestAccounts.CONSUMER_TEAM)
                    .then().statusCode(204);
        }
        return new Fixture(dataset, blank.view(), change);
    }

    private static Response put(RequestSpecification request, String yaml) {
        return request.contentType("text/plain; charset=UTF-8").body(yaml).put("/api/feature-views");
    }

    private static Action review(String verdict) {
        return new Action(verdict, Setup.OPEN, (r, f) -> r.contentType(ContentType.JSON)
                .body(Map.of("verdict", verdict)).post("/api/change-requests/" + f.change() + "/reviews"));
    }
}

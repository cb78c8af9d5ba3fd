package dev.plumbline.contract;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.EmbeddedStackResource;
import dev.plumbline.PipelineFixtures;
import dev.plumbline.access.Sessions;
import dev.plumbline.access.TestAccounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every contract workflow action tried by every kind of user, against a change proposed by the test editor to
 * a dataset owned by the test team and consumed by the consumer team. Administrators may do what editors of
 * any team may, but approving counts only from a team's own approvers.
 */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class ContractRoleMatrixTest {

    static final String ORDERS = PipelineFixtures.resource("fixtures/pipeline/orders.odcs.yaml");
    static final String ADDITIVE = ORDERS.replace("version: 1.0.0", "version: 1.1.0")
            .replace("      - name: note\n", "      - name: channel\n        logicalType: string\n      - name: note\n");

    static final String ADMIN = TestAccounts.ADMIN;
    static final String APPROVER = TestAccounts.APPROVER;
    static final String EDITOR = TestAccounts.EDITOR;
    static final String VIEWER = TestAccounts.VIEWER;
    static final String CONSUMER = TestAccounts.CONSUMER;
    static final String OUTSIDER = TestAccounts.OUTSIDER;

    /** What the dataset looks like before the action: a draft change, one under review, approved, or active. */
    enum Setup { DRAFT, OPEN, APPROVED, ACTIVATED }

    /** One workflow action: the state it needs and the request that attempts it. */
    record Action(String name, Setup setup, BiFunction<RequestSpecification, Fixture, Response> attempt) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** The dataset and the change request an action is tried on. */
    record Fixture(String dataset, long change) {
    }

    static final Action PROPOSE = new Action("propose", Setup.OPEN, (r, f) -> r.contentType("application/yaml")
            .body(ADDITIVE.replace("1.1.0", "1.2.0").getBytes(StandardCharsets.UTF_8))
            .post("/api/contracts/" + f.dataset() + "/change-requests"));
    static final Action REVISE = new Action("revise", Setup.OPEN, (r, f) -> r.contentType("application/yaml")
            .body(ADDITIVE.replace("1.1.0", "1.2.0").getBytes(StandardCharsets.UTF_8))
            .put("/api/change-requests/" + f.change()));
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
            (r, f) -> r.queryParam("to", "1.0.0").post("/api/contracts/" + f.dataset() + "/rollbacks"));
    static final Action SUBSCRIBE = new Action("subscribe the consumer team", Setup.OPEN,
            (r, f) -> r.put("/api/contracts/" + f.dataset() + "/consumers/" + TestAccounts.CONSUMER_TEAM));
    static final Action READ = new Action("read", Setup.OPEN, (r, f) -> r.get("/api/change-requests/" + f.change()));

    static Stream<Arguments> everyRoleAndAction() {
        List<String> users = List.of(ADMIN, APPROVER, EDITOR, VIEWER, CONSUMER, OUTSIDER);
        Map<Action, List<Integer>> expected = Map.ofEntries(
                // ............................ ADMIN APPROVER EDITOR VIEWER CONSUMER OUTSIDER
                Map.entry(PROPOSE, List.of(201, 201, 201, 403, 403, 403)),
                Map.entry(REVISE, List.of(200, 200, 200, 403, 403, 403)),
                Map.entry(APPROVE, List.of(403, 201, 403, 403, 403, 403)),
                Map.entry(REQUEST_CHANGES, List.of(403, 201, 403, 403, 403, 403)),
                Map.entry(COMMENT, List.of(201, 201, 201, 201, 201, 403)),
                Map.entry(SUBMIT, List.of(200, 200, 200, 403, 403, 403)),
                Map.entry(ACTIVATE, List.of(200, 200, 200, 403, 403, 403)),
                Map.entry(WITHDRAW, List.of(200, 200, 200, 403, 403, 403)),
                Map.entry(ROLLBACK, List.of(201, 201, 201, 403, 403, 403)),
                Map.entry(SUBSCRIBE, List.of(204, 403, 403, 403, 204, 403)),
                Map.entry(READ, List.of(200, 200, 200, 200, 200, 200)));
        List<Arguments> cases = new ArrayList<>();
        expected.forEach((action, statuses) -> {
            for (int i = 0; i < users.size(); i++) {
                cases.add(Arguments.of(action, users.get(i), statuses.get(i)));
            }
        });
        return cases.stream();
    }

    @Inject
    DatasetRegistry registry;

    @ParameterizedTest(name = "{1} may {0}: {2}")
    @MethodSource("everyRoleAndAction")
    void everyRoleMayDoExactlyWhatItsRoleAllows(Action action, String user, int expectedStatus) {
        Fixture fixture = prepare(action.setup());
        Response response = action.attempt().apply(Sessions.as(user), fixture);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(expectedStatus);
    }

    @ParameterizedTest(name = "someone not signed in may not {0}")
    @MethodSource("actions")
    void nobodyMayActWithoutSigningIn(Action action) {
        Fixture fixture = prepare(action.setup());
        Response response = action.attempt().apply(given().redirects().follow(false), fixture);
        assertThat(response.statusCode()).isIn(302, 401);
    }

    static Stream<Action> actions() {
        return Stream.of(PROPOSE, REVISE, APPROVE, COMMENT, SUBMIT, ACTIVATE, WITHDRAW, ROLLBACK, SUBSCRIBE, READ);
    }

    private Fixture prepare(Setup setup) {
        String dataset = PipelineFixtures.freshDatasetName("roles");
        QuarkusTransaction.requiringNew().run(() -> PipelineFixtures.registerOrders(registry, dataset));
        long change = Sessions.as(EDITOR).contentType("application/yaml").queryParam("draft", setup == Setup.DRAFT)
                .body(ADDITIVE.getBytes(StandardCharsets.UTF_8)).post("/api/contracts/" + dataset + "/change-requests")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        if (setup == Setup.APPROVED || setup == Setup.ACTIVATED) {
            Sessions.as(APPROVER).contentType(ContentType.JSON).body(Map.of("verdict", "approve"))
                    .post("/api/change-requests/" + change + "/reviews").then().statusCode(201);
        }
        if (setup == Setup.ACTIVATED) {
            Sessions.as(EDITOR).post("/api/change-requests/" + change + "/activate").then().statusCode(200);
        }
        return new Fixture(dataset, change);
    }

    private static Action review(String verdict) {
        return new Action(verdict, Setup.OPEN, (r, f) -> r.contentType(ContentType.JSON)
                .body(Map.of("verdict", verdict)).post("/api/change-requests/" + f.change() + "/reviews"));
    }
}

package dev.bulkhead.access;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pulumi.Context;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import dev.bulkhead.mock.PlausibleMocks;
import dev.bulkhead.mock.RecordedResource;
import dev.bulkhead.model.AccessSpec;
import dev.bulkhead.model.IngressSpec;
import dev.bulkhead.model.ProjectSpec;
import dev.bulkhead.model.QuotaSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Config, engine runs and JSON helpers shared by the access tests. */
final class Fixtures {

    static final String ACCOUNT = PlausibleMocks.EXAMPLE_ACCOUNT;
    static final String OTHER_ACCOUNT = "444455556666";
    static final String REGION = "eu-west-1";
    static final int MFA_AGE = 1800;
    static final int SESSION = 3600;

    static final String ALICE = user(ACCOUNT, "alice");
    static final String BOB = user(ACCOUNT, "bob");
    static final String CAROL = user(OTHER_ACCOUNT, "carol");
    static final String DAVE = user(ACCOUNT, "dave");
    static final String ERIN = role(OTHER_ACCOUNT, "erin");

    static final String ROLE = "aws:iam/role:Role";
    static final String POLICY = "aws:iam/policy:Policy";
    static final String ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
    static final String ROLE_ATTACHMENT = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";
    static final String GROUP = "aws:iam/group:Group";
    static final String GROUP_ATTACHMENT = "aws:iam/groupPolicyAttachment:GroupPolicyAttachment";
    static final String ENTRY = "aws:eks/accessEntry:AccessEntry";
    static final String ASSOCIATION = "aws:eks/accessPolicyAssociation:AccessPolicyAssociation";

    private Fixtures() {
    }

    static String user(String account, String name) {
        return "arn:aws:iam::" + account + ":user/" + name;
    }

    static String role(String account, String name) {
        return "arn:aws:iam::" + account + ":role/" + name;
    }

    static String root(String account) {
        return "arn:aws:iam::" + account + ":root";
    }

    static AccessSpec spec(List<String> admins, List<String> auditors) {
        return new AccessSpec(MFA_AGE, SESSION, admins, auditors, false, false);
    }

    static ProjectSpec project(String name, List<String> namespaces, List<String> developers, boolean ingress) {
        Optional<IngressSpec> ingressSpec = ingress
                ? Optional.of(new IngressSpec("arn:aws:acm:eu-west-1:" + ACCOUNT + ":certificate/abc",
                IngressSpec.DEFAULT_TLS_POLICY, Optional.empty(), List.of()))
                : Optional.empty();
        return new ProjectSpec(name, namespaces, developers, ingressSpec, List.of(), List.of(),
                new QuotaSpec("1", "1Gi", "2", "2Gi", 10, 5, "100m", "128Mi", "500m", "512Mi"), List.of());
    }

    /** The standard config: two admins, one auditor in another account, two projects (one with ingress). */
    static List<ProjectSpec> projects() {
        return List.of(
                project("shop", List.of("shop-web", "shop-api"), List.of(DAVE), true),
                project("ledger", List.of("ledger"), List.of(ERIN, BOB), false));
    }

    static AccessArgs accessArgs(AccessSpec spec, List<ProjectSpec> projects) {
        return AccessArgs.builder().stack("dev").spec(spec).projects(projects).build();
    }

    static AccessArgs standardArgs() {
        return accessArgs(spec(List.of(ALICE, BOB), List.of(CAROL)), projects());
    }

    static TestResult run(PlausibleMocks mocks, Consumer<Context> program) {
        return PulumiTest.withMocks(mocks)
                .withOptions(TestOptions.builder().projectName("bulkhead").stackName("dev").build())
                .runTest(program);
    }

    /** Runs {@code program} and returns what it registered; fails the test on any engine error. */
    static PlausibleMocks render(Consumer<Context> program) {
        var mocks = new PlausibleMocks(REGION);
        run(mocks, program).throwOnError();
        return mocks;
    }

    static RecordedResource find(PlausibleMocks mocks, String type, String name) {
        return mocks.find(type, name).orElseThrow(() -> new AssertionError("no " + type + " named " + name));
    }

    static JsonObject json(Object value) {
        if (!(value instanceof String text)) {
            throw new AssertionError("not a policy document string: " + value);
        }
        return JsonParser.parseString(text).getAsJsonObject();
    }

    static List<JsonObject> statements(JsonObject document) {
        List<JsonObject> list = new ArrayList<>();
        for (JsonElement e : document.getAsJsonArray("Statement")) {
            list.add(e.getAsJsonObject());
        }
        return list;
    }

    static JsonObject statement(JsonObject document, String sid) {
        return statements(document).stream()
                .filter(s -> s.has("Sid") && s.get("Sid").getAsString().equals(sid))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no statement " + sid + " in " + document));
    }

    /** A JSON string or array of strings as a list. */
    static List<String> strings(JsonElement element) {
        List<String> list = new ArrayList<>();
        if (element.isJsonArray()) {
            for (JsonElement e : (JsonArray) element) {
                list.add(e.getAsString());
            }
        } else {
            list.add(element.getAsString());
        }
        return list;
    }

    /** The {@code Principal.AWS} of a statement. */
    static List<String> awsPrincipals(JsonObject statement) {
        return strings(statement.getAsJsonObject("Principal").get("AWS"));
    }
}

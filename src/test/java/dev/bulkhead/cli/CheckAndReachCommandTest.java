package dev.bulkhead.cli;

import com.google.gson.JsonParser;
import dev.bulkhead.intent.Intent;
import dev.bulkhead.intent.IntentJson;
import dev.bulkhead.render.ResourcesJson;
import dev.bulkhead.testing.Stacks;
import dev.bulkhead.ingress.GatewayPorts;
import dev.bulkhead.naming.Names;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code check} and {@code reach} as a person runs them: exit codes, what they print, what they write. */
class CheckAndReachCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    @TempDir
    Path dir;
    private String resources;

    @BeforeEach
    void writeTheDevRender() throws IOException {
        resources = ResourcesJson.write(Stacks.rendered("dev"));
        Files.writeString(dir.resolve("resources.json"), resources);
        Files.writeString(dir.resolve(Intent.FILE), IntentJson.write(Stacks.intent("dev")));
    }

    private int check(Path render) {
        var command = new CheckCommand();
        new CommandLine(command).parseArgs(render.toString());
        return command.run(stream(out), stream(err));
    }

    private int reach(String stdin, String... args) {
        var command = new ReachCommand();
        new CommandLine(command).parseArgs(args);
        return command.run(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), stream(out), stream(err));
    }

    private static PrintStream stream(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aGoodRenderPassesAndGetsBothReports() throws IOException {
        assertEquals(0, check(dir), stdout() + stderr());
        assertTrue(stdout().startsWith("check " + dir + ": PASSED - 0 error(s), 0 warning(s)"), stdout());
        String md = Files.readString(dir.resolve("check.md"));
        assertTrue(md.contains("## Connectivity matrix") && md.contains("```mermaid"), md);
        var json = JsonParser.parseString(Files.readString(dir.resolve("check.json"))).getAsJsonObject();
        assertTrue(json.get("passed").getAsBoolean());
        assertFalse(json.getAsJsonObject("matrix").getAsJsonArray("flows").isEmpty());
        assertEquals("dev", json.get("stack").getAsString());
        assertFalse(Files.readString(dir.resolve("check.json")).contains(dir.toString()),
                "check.json does not depend on where the render was read from");
        assertEquals(resources, Files.readString(dir.resolve("resources.json")), "check must not touch the render");
    }

    @Test
    void aViolationExitsOneAndNamesRuleResourceAndFix() throws IOException {
        Files.writeString(dir.resolve("resources.json"), resources.replace("\"endpointPublicAccess\": false",
                "\"endpointPublicAccess\": true"));
        assertEquals(1, check(dir), stdout());
        assertTrue(stdout().contains("ERROR   cluster.private-endpoint"), stdout());
        assertTrue(stdout().contains("cluster (Cluster)"), stdout());
        assertTrue(stdout().contains("fix: set bulkhead:cluster.publicAccessCidrs"), stdout());
        var json = JsonParser.parseString(Files.readString(dir.resolve("check.json"))).getAsJsonObject();
        assertEquals("cluster.private-endpoint",
                json.getAsJsonArray("findings").get(0).getAsJsonObject().get("rule").getAsString());
    }

    @Test
    void aTruncatedRenderExitsTwo() throws IOException {
        Files.writeString(dir.resolve("resources.json"), resources.substring(0, resources.length() / 2));
        assertEquals(2, check(dir));
        assertTrue(stderr().contains("resources.json: resources.json is not valid JSON"), stderr());
        assertFalse(Files.exists(dir.resolve("check.md")));
    }

    @Test
    void aMalformedRenderOrAMissingOneExitsTwo(@TempDir Path empty) throws IOException {
        Files.writeString(dir.resolve("resources.json"), "{\"resources\": []}");
        assertEquals(2, check(dir));
        assertTrue(stderr().contains("must be a JSON array"), stderr());
        Files.writeString(dir.resolve("resources.json"), "[]");
        assertEquals(2, check(dir));
        assertTrue(stderr().contains("holds no resources"), stderr());
        assertEquals(2, check(empty.resolve("nowhere")));
        assertTrue(stderr().contains("does not exist; render first"), stderr());
    }

    @Test
    void aValueTheRulesCannotReadExitsTwo() throws IOException {
        Files.writeString(dir.resolve("resources.json"),
                resources.replace("\"cidrBlock\": \"10.40.192.0/22\"", "\"cidrBlock\": \"ten-forty\""));
        assertEquals(2, check(dir));
        assertTrue(stderr().contains("cannot be judged"), stderr());
    }

    @Test
    void aRenderWithoutTheConfigsIntentExitsTwo() throws IOException {
        Files.delete(dir.resolve(Intent.FILE));
        assertEquals(2, check(dir));
        assertTrue(stderr().contains("intent.json does not exist"), stderr());
        assertFalse(Files.exists(dir.resolve("check.md")));
        Files.writeString(dir.resolve(Intent.FILE), "{\"version\": 1, \"stack\": \"dev\"}");
        assertEquals(2, check(dir));
        assertTrue(stderr().contains("intent.json: projects must be a list"), stderr());
    }

    @Test
    void checkPrintsItsJsonOnStandardOutputAndTwoRunsWriteTheSameFile() throws IOException {
        var command = new CheckCommand();
        new CommandLine(command).parseArgs("--output", "json", dir.toString());
        assertEquals(0, command.run(stream(out), stream(err)));
        String first = Files.readString(dir.resolve("check.json"));
        assertEquals(first, stdout());
        out.reset();
        assertEquals(0, check(dir));
        assertEquals(first, Files.readString(dir.resolve("check.json")));
    }

    @Test
    void reachAnswersAllowedWithTheDecidingPolicies() {
        assertEquals(0, reach("", dir.toString(), "shop-web", "shop-api", "8080"));
        assertTrue(stdout().startsWith("ALLOWED"), stdout());
        assertTrue(stdout().contains("shop-api/allow-same-project"), stdout());
        assertTrue(stdout().contains("L4      ALLOWED"), stdout());
    }

    @Test
    void reachAnswersDeniedAcrossProjectsAndToTheInternetNamingTheLayerAndTheFix() {
        assertEquals(1, reach("", dir.toString(), "shop-web", "billing", "8080"));
        assertTrue(stdout().startsWith("DENIED"), stdout());
        assertTrue(stdout().contains("DENIED at network"), stdout());
        assertTrue(stdout().contains("billing/default-deny") || stdout().contains("shop-web/default-deny"), stdout());
        assertTrue(stdout().contains("fix: projects reach each other only through exports"), stdout());
        assertEquals(1, reach("", dir.toString(), "billing", "8.8.8.8", "53/UDP"));
        assertEquals(0, reach("", dir.toString(), "shop-web/app=web@10.40.1.5", "116.203.255.68", "443/tcp"));
    }

    @Test
    void reachFollowsAnExportThroughTheGatewaysOwnPolicies() {
        // the export's AuthorizationPolicy is bound to the Gateway with targetRefs
        assertEquals(0, reach("", dir.toString(), "billing",
                "shop-gateway/gateway.networking.k8s.io/gateway-name=shop-gateway",
                String.valueOf(GatewayPorts.export("orders"))), stdout());
        assertTrue(stdout().contains("shop-gateway/export-orders rule 0 admits cluster.local/ns/billing/sa/default"),
                stdout());
        out.reset();
        assertEquals(0, reach("", dir.toString(), "billing", "orders.shop-gateway", "80"), stdout());
        assertTrue(stdout().contains("Service shop-gateway/orders on 80/TCP"), stdout());
        out.reset();
        assertEquals(1, reach("", dir.toString(), "analytics", "orders.shop-gateway", "80"));
        assertTrue(stdout().contains("fix: add `analytics` to `consumers` of the export `orders` of project shop "
                + "(bulkhead:projects[shop].exports[orders].consumers)"), stdout());
    }

    @Test
    void reachAnswersForHostsThroughTheEgressWaypoint() {
        assertEquals(0, reach("", dir.toString(), "analytics", "storage.googleapis.com", "443"), stdout());
        String entry = Names.host("*.googleapis.com");
        assertTrue(stdout().contains("bulkhead-egress/allow-" + entry + " rule 0 admits"), stdout());
        assertTrue(stdout().contains("ServiceEntry bulkhead-egress/" + entry), stdout());
        out.reset();
        assertEquals(1, reach("", dir.toString(), "analytics", "api.stripe.com", "443"), stdout());
        assertTrue(stdout().contains("DENIED at L7 (waypoint bulkhead-egress/egress-waypoint"), stdout());
        assertTrue(stdout().contains("fix: add `- host: api.stripe.com` with `port: 443` to the egress of project "
                + "analytics"), stdout());
        out.reset();
        assertEquals(1, reach("", dir.toString(), "billing", "api.stripe.com", "443"), stdout());
        assertTrue(stdout().contains("DENIED at network (NetworkPolicies (to the egress waypoint))"), stdout());
        out.reset();
        assertEquals(1, reach("", dir.toString(), "analytics", "api.paypal.com", "443"), stdout());
        assertTrue(stdout().contains("no ServiceEntry serves api.paypal.com:443"), stdout());
    }

    @Test
    void reachSaysTheNodeIsAlwaysAdmitted() {
        assertEquals(0, reach("", dir.toString(), "node", "billing", "8080"), stdout());
        assertTrue(stdout().contains("always admits traffic from the pod's own node"), stdout());
    }

    @Test
    void reachAnswersInJson() {
        assertEquals(1, reach("", dir.toString(), "--output", "json", "shop-web", "billing", "8080"));
        var json = JsonParser.parseString(stdout()).getAsJsonObject();
        assertEquals("DENIED", json.get("verdict").getAsString());
        var leg = json.getAsJsonArray("legs").get(0).getAsJsonObject();
        assertEquals("network", leg.get("decidingLayer").getAsString());
        assertTrue(json.get("fix").getAsString().contains("exports"), stdout());
    }

    @Test
    void reachRefusesBadQuestionsAndUnknownNamesWithExitTwo() {
        assertEquals(2, reach("", dir.toString(), "shop-web", "billing", "http"));
        assertTrue(stderr().contains("port \"http\": not a number"), stderr());
        assertEquals(2, reach("", dir.toString(), "Shop_Web", "billing", "80"));
        assertEquals(2, reach("", dir.toString(), "shop-web", "billing", "80/ICMP"));
        assertEquals(2, reach("", dir.toString(), "shop-web/app", "billing", "80"));
        assertEquals(2, reach("", dir.toString(), "shop-web"));
        err.reset();
        assertEquals(2, reach("", dir.toString(), "shpo", "billing", "80"));
        assertTrue(stderr().contains("did you mean shop?"), stderr());
        assertTrue(stderr().contains("known projects: analytics, billing, shop"), stderr());
        err.reset();
        assertEquals(2, reach("", dir.toString(), "billing", "orders.shop-gatewy", "80"));
        assertTrue(stderr().contains("did you mean orders.shop-gateway?"), stderr());
        err.reset();
        assertEquals(2, reach("", dir.toString(), "billing", "shop-api/ordres", "80"));
        assertTrue(stderr().contains("namespace shop-api has no Service, workload or gateway of that name"), stderr());
    }

    @Test
    void reachAnswersABatchLineByLine() {
        String questions = "shop-web shop-api 8080\nshop-web billing 8080\nbilling kube-system/k8s-app=kube-dns 53/UDP\n";
        assertEquals(0, reach(questions, dir.toString(), "--batch", "-"));
        String[] lines = stdout().split("\n");
        assertEquals(3, lines.length, stdout());
        assertTrue(lines[0].startsWith("ALLOWED "), lines[0]);
        assertTrue(lines[1].startsWith("DENIED "), lines[1]);
        assertTrue(lines[2].startsWith("ALLOWED "), lines[2]);
    }

    @Test
    void aBatchWithABadLineStillAnswersTheOthersAndExitsTwo() {
        assertEquals(2, reach("shop-web shop-api 8080\nshop-web billing\n", dir.toString(), "--batch", "-"));
        String[] lines = stdout().split("\n");
        assertTrue(lines[0].startsWith("ALLOWED "), lines[0]);
        assertTrue(lines[1].startsWith("INVALID line 2"), lines[1]);
    }
}

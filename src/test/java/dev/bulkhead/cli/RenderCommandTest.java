package dev.bulkhead.cli;

import dev.bulkhead.testing.LayerStacks;
import dev.bulkhead.testing.Stacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RenderCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int render(String... args) {
        var command = new RenderCommand();
        new CommandLine(command).parseArgs(args);
        return command.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void rendersTheDevStackAndPrintsASummary(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("dev");
        int code = render("--stack", "dev", "--root", Stacks.projectRoot().toString(), "--out", dir.toString());
        assertEquals(0, code, err.toString());
        assertTrue(Files.isRegularFile(dir.resolve("resources.json")));
        assertTrue(Files.isDirectory(dir.resolve("kubernetes")));
        assertTrue(Files.isDirectory(dir.resolve("aws")));
        String summary = out.toString(StandardCharsets.UTF_8);
        assertTrue(summary.startsWith("rendered stack dev (layer all): "), summary);
        assertTrue(summary.contains("  shop       namespaces shop-web, shop-api (gateway shop-gateway)\n"
                + "             route  shop.example.com/ -> shop-web/storefront:8080\n"
                + "             export orders: shop-api/orders:8080 to billing\n"), summary);
        assertTrue(summary.matches("(?s).*loadBalancers\\.shop\\.dnsName +dev-shop-\\d+\\.eu-west-1\\.elb\\.amazonaws\\.com\\n.*"),
                summary);
        assertTrue(summary.contains("next: ./bulkhead check "), summary);
        assertFalse(summary.contains("per type:"), "the per-type table is for --verbose");
        assertTrue(Files.readString(dir.resolve("intent.json")).contains("\"why\": \"export orders of shop\""));
    }

    @Test
    void rendersAProjectsStackAsTheOperatorRunsIt(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("Pulumi.plat.yaml"),
                new Yaml().dump(Map.of("config", LayerStacks.platformConfig())));
        Path dir = tmp.resolve("out");
        int code = render("--stack", "plat", "--project", "billing", "--root", tmp.toString(), "--out", dir.toString());
        assertEquals(0, code, err.toString());
        String resources = Files.readString(dir.resolve("resources.json"));
        assertTrue(resources.contains("bulkhead:project:Project"), resources);
        assertFalse(resources.contains("\"aws:"), "a project layer has no AWS resources");
        assertFalse(resources.contains("shop-web"), "a project layer has no other project's objects");
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("rendered stack plat-billing (layer project): "), out::toString);
    }

    @Test
    void aProjectStackNeedsAPlatformStackWithTheOperator(@TempDir Path tmp) {
        int code = render("--stack", "dev", "--project", "shop", "--root", Stacks.projectRoot().toString(),
                "--out", tmp.resolve("x").toString());
        assertEquals(1, code);
        assertTrue(err.toString().contains("project stacks exist only under a platform layer with "
                + "bulkhead:operator.enabled: true"), err::toString);
        assertFalse(Files.exists(tmp.resolve("x")));
    }

    @Test
    void everyMistakeGetsItsOwnErrorAndNothingIsWritten(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("Pulumi.bad.yaml"), """
                config:
                  aws:region: eu-west-1
                  bulkhead:network:
                    cidr: 10.40.0.0/33
                    availabilityZone: 3
                  bulkhead:cluster:
                    kubernetesVersion: 1.31
                    publicAccessCidrs: [0.0.0.0/0]
                    nodeGroups:
                      - name: general
                        instanceTypes: [m6i.large]
                        minSize: 5
                        desiredSize: 3
                        maxSize: 6
                  bulkhead:access:
                    mfaMaxAgeSeconds: 60
                    admins: [alice]
                  bulkhead:projects:
                    - name: shop
                      namespaces: [kube-system]
                      exports:
                        - name: orders
                          service: shop-api/orders
                          port: 70000
                          consumers: [nobody]
                """);
        Path dir = tmp.resolve("out");
        int code = render("--stack", "bad", "--root", tmp.toString(), "--out", dir.toString());
        assertEquals(1, code);
        assertFalse(Files.exists(dir), "nothing is written for a bad config");
        String errors = err.toString(StandardCharsets.UTF_8);
        List<String> paths = List.of(
                "bulkhead:network.cidr", "bulkhead:network.availabilityZone", "bulkhead:cluster.kubernetesVersion",
                "bulkhead:cluster.publicAccessCidrs[0]", "bulkhead:cluster.nodeGroups[0]",
                "bulkhead:access.mfaMaxAgeSeconds", "bulkhead:access.admins[0]", "bulkhead:projects[shop].namespaces[0]",
                "bulkhead:projects[shop].exports[0].service", "bulkhead:projects[shop].exports[0].port",
                "bulkhead:projects[shop].exports[0].consumers[0]");
        for (String path : paths) {
            assertTrue(errors.contains(path), "an error for " + path + " in:\n" + errors);
        }
        var count = java.util.regex.Pattern.compile("is not valid \\((\\d+) errors\\)").matcher(errors);
        assertTrue(count.find(), errors);
        assertEquals(paths.size(), Integer.parseInt(count.group(1)), "one error per mistake:\n" + errors);
    }

    @Test
    void aBadConfigLeavesThePreviousRenderIntact(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("out");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("resources.json"), "[]");
        Files.writeString(tmp.resolve("Pulumi.bad.yaml"), "config:\n  aws:region: nowhere\n");
        assertEquals(1, render("--stack", "bad", "--root", tmp.toString(), "--out", dir.toString()));
        assertEquals("[]", Files.readString(dir.resolve("resources.json")));
    }

    @Test
    void missingStackFileIsAClearError(@TempDir Path tmp) {
        assertEquals(1, render("--stack", "nope", "--root", tmp.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Pulumi.nope.yaml"), err.toString());
    }
}

package dev.bulkhead.config;

import dev.bulkhead.model.AccessSpec;
import dev.bulkhead.model.ClusterSpec;
import dev.bulkhead.model.EgressRule;
import dev.bulkhead.model.ExportSpec;
import dev.bulkhead.model.IngressSpec;
import dev.bulkhead.model.NetworkSpec;
import dev.bulkhead.model.NodeGroupSpec;
import dev.bulkhead.model.PlatformSpec;
import dev.bulkhead.model.ProjectSpec;
import dev.bulkhead.model.QuotaSpec;
import dev.bulkhead.model.RouteSpec;
import dev.bulkhead.model.ServiceRef;
import dev.bulkhead.model.Taint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.bulkhead.config.Fixtures.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingsParserTest {

    @Test
    void referenceConfigYieldsTheExpectedModel() throws ConfigException {
        StackSettings s = SettingsParser.fromStackFile(Fixtures.resources(), "reference");

        assertEquals("reference", s.stack());
        assertEquals("eu-west-1", s.region());
        assertTrue(s.production());
        assertEquals(new NetworkSpec("10.40.0.0/16", 3, false, 365), s.network());

        ClusterSpec cluster = s.cluster();
        assertEquals("1.31", cluster.kubernetesVersion());
        assertEquals(List.of("203.0.113.0/24"), cluster.publicAccessCidrs());
        assertTrue(cluster.publicEndpoint());
        assertEquals(400, cluster.logRetentionDays());
        assertTrue(cluster.bastion());
        assertTrue(cluster.production(), "the cluster follows bulkhead:environment");
        assertEquals(new NodeGroupSpec("general", List.of("m6i.large", "m7i.large"), 2, 3, 6, 80,
                Map.of("tier", "general", "bulkhead.dev/pool", "general"), List.of()), cluster.nodeGroups().get(0));
        assertEquals(new NodeGroupSpec("gpu", List.of("g5.xlarge"), 0, 0, 1, 50, Map.of(),
                        List.of(new Taint("nvidia.com/gpu", "", "NO_SCHEDULE"))),
                cluster.nodeGroups().get(1), "desired defaults to min, max to at least one, value of a taint to \"\"");

        assertEquals(new AccessSpec(3600, 7200, List.of("arn:aws:iam::111122223333:user/alice"),
                List.of("arn:aws:iam::111122223333:role/auditor"), false, false), s.access());

        ProjectSpec shop = s.project("shop").orElseThrow();
        assertEquals(List.of("shop-web", "shop-api"), shop.namespaces());
        assertEquals(new IngressSpec(
                "arn:aws:acm:eu-west-1:111122223333:certificate/11111111-2222-3333-4444-555555555555",
                "ELBSecurityPolicy-TLS13-1-3-2021-06",
                Optional.of("arn:aws:wafv2:eu-west-1:111122223333:regional/webacl/shop/abcd-1234"),
                List.of(new RouteSpec("shop.example.com", "/", new ServiceRef("shop-web", "storefront"), 8080),
                        new RouteSpec("*.shop.example.com", "/api", new ServiceRef("shop-api", "gateway"), 9090))),
                shop.ingress().orElseThrow());
        assertEquals(List.of(new ExportSpec("orders", new ServiceRef("shop-api", "orders"), 8080, List.of("billing"))),
                shop.exports());
        assertEquals(List.of(new EgressRule.Host("api.stripe.com", 443, false),
                new EgressRule.Cidr("116.203.255.68/32", 443, false)), shop.egress());
        assertEquals(new QuotaSpec("6", "12Gi", "12", "24Gi", 80, 30, "0.25", "256Mi", "1", "1Gi"), shop.quota(),
                "numbers are accepted as quantities and kept as their text");
        assertEquals(List.of(15020, 9090), shop.metricsPorts());

        assertEquals(List.of("shop", "billing"), s.projects().stream().map(ProjectSpec::name).toList());
        assertEquals(new PlatformSpec("bulkhead.example.internal", "observability",
                List.of("111122223333.dkr.ecr.eu-west-1.amazonaws.com", "ghcr.io/acme")), s.platform());
    }

    @Test
    void omittedKeysTakeTheirDefaults() throws ConfigException {
        StackSettings s = SettingsParser.fromStackFile(Fixtures.resources(), "minimal");

        assertFalse(s.production());
        assertEquals(new NetworkSpec("10.40.0.0/16", 3, false, 365), s.network());
        assertEquals(new ClusterSpec("1.31", List.of(), "172.20.0.0/16",
                List.of(new NodeGroupSpec("general", List.of("m6i.large"), 1, 1, 1, 50, Map.of(), List.of())),
                365, false, false), s.cluster());
        assertEquals(new AccessSpec(3600, 3600, List.of("arn:aws:iam::111122223333:user/alice"), List.of(), false, false),
                s.access());
        assertEquals(new ProjectSpec("shop", List.of("shop"), List.of(), Optional.empty(), List.of(), List.of(),
                QuotaSpec.defaults(), List.of(15020)), s.projects().get(0));
        assertEquals(new PlatformSpec("cluster.local", "monitoring", List.of()), s.platform());
    }

    @Test
    void defaultTlsPolicyIsTheModelsDefault() {
        Map<String, Object> config = Fixtures.set(Fixtures.reference(), "bulkhead:projects[0].ingress.tlsPolicy",
                Fixtures.REMOVE);
        assertEquals(IngressSpec.DEFAULT_TLS_POLICY,
                Fixtures.parse(config).projects().get(0).ingress().orElseThrow().tlsPolicy());
    }

    @Test
    void bothStackFilesOfTheRepositoryParse() throws ConfigException {
        StackSettings dev = SettingsParser.fromStackFile(Fixtures.projectRoot(), "dev");
        StackSettings prod = SettingsParser.fromStackFile(Fixtures.projectRoot(), "prod");

        assertFalse(dev.production());
        assertTrue(dev.network().singleNatGateway());
        assertEquals(List.of("shop", "billing", "analytics"), dev.projects().stream().map(ProjectSpec::name).toList());
        assertEquals(List.of(new EgressRule.Host("*.googleapis.com", 443, false)),
                dev.project("analytics").orElseThrow().egress());
        assertTrue(prod.production());
        assertEquals(900, prod.access().mfaMaxAgeSeconds());
        assertEquals(2, prod.cluster().nodeGroups().size());
        assertFalse(prod.network().singleNatGateway());
        assertEquals(dev.projects().size(), prod.projects().size());
    }

    @Test
    void engineConfigYieldsTheSameSettingsAsTheStackFile() throws ConfigException {
        StackSettings fromFile = SettingsParser.fromStackFile(Fixtures.resources(), "reference");
        Map<String, String> flat = Fixtures.flatten(Fixtures.reference());
        assertTrue(flat.get("bulkhead:network").contains("\"availabilityZones\":3"), flat.get("bulkhead:network"));

        assertEquals(fromFile, SettingsParser.fromEngineConfig("reference", flat));
    }

    @Test
    void engineNumbersArriveAsDoublesAndIntegralOnesAreAccepted() throws ConfigException {
        Map<String, String> flat = Map.of(
                "aws:region", "eu-west-1",
                "aws:profile", "ignored",
                "bulkhead:network", "{\"cidr\":\"10.40.0.0/16\",\"availabilityZones\":3.0}",
                "bulkhead:cluster", "{\"kubernetesVersion\":\"1.31\","
                        + "\"nodeGroups\":[{\"name\":\"general\",\"instanceTypes\":[\"m6i.large\"],\"minSize\":2}]}",
                "bulkhead:access", "{\"admins\":[\"arn:aws:iam::111122223333:user/alice\"]}",
                "bulkhead:projects", " [ ]");

        StackSettings s = SettingsParser.fromEngineConfig("dev", flat);

        assertEquals(3, s.network().availabilityZones());
        assertEquals(2, s.cluster().nodeGroups().get(0).minSize());
        assertEquals(List.of(), s.projects());
    }

    @Test
    void engineFractionsAreRejected() {
        Map<String, String> flat = Fixtures.flatten(Fixtures.reference());
        flat.put("bulkhead:network", "{\"cidr\":\"10.40.0.0/16\",\"availabilityZones\":2.5}");

        ConfigException e = assertThrows(ConfigException.class, () -> SettingsParser.fromEngineConfig("dev", flat));
        assertEquals(1, e.errors().size(), e.getMessage());
        assertError(e.errors().get(0), "bulkhead:network.availabilityZones", "expected an integer, got number 2.5");
    }

    @Test
    void engineValueThatIsNotJsonIsNamed() {
        Map<String, String> flat = Fixtures.flatten(Fixtures.reference());
        flat.put("bulkhead:network", "{\"cidr\": ");

        ConfigException e = assertThrows(ConfigException.class, () -> SettingsParser.fromEngineConfig("dev", flat));
        assertError(e.errors().get(0), "bulkhead:network", "is not valid JSON");
    }

    @Test
    void engineConfigIsReadFromItsJsonObject() {
        assertEquals(Map.of(), SettingsParser.engineConfigFromJson(null));
        assertEquals(Map.of("aws:region", "eu-west-1", "bulkhead:network", "{\"cidr\":\"10.40.0.0/16\"}"),
                SettingsParser.engineConfigFromJson(
                        "{\"aws:region\":\"eu-west-1\",\"bulkhead:network\":\"{\\\"cidr\\\":\\\"10.40.0.0/16\\\"}\"}"));
        assertThrows(IllegalStateException.class, () -> SettingsParser.engineConfigFromJson("[1]"));
    }

    @Test
    void unquotedKubernetesVersionInYamlSaysToQuoteIt() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> SettingsParser.fromStackFile(Fixtures.resources(), "unquoted"));
        assertEquals(1, e.errors().size(), e.getMessage());
        assertError(e.errors().get(0), "bulkhead:cluster.kubernetesVersion",
                "got number 1.31", "quote it", "kubernetesVersion: \"1.31\"");
    }

    @Test
    void duplicateYamlKeyIsAnErrorNamingTheKeyAndBothLines() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> SettingsParser.fromStackFile(Fixtures.resources(), "duplicate"));
        assertError(e.errors().get(0), "bulkhead:network.cidr", "duplicate key \"cidr\"", "already set at line 4");
        assertEquals(6, e.errors().get(0).line());
        assertTrue(e.getMessage().startsWith("bulkhead:network.cidr (line 6): duplicate key"), e.getMessage());
    }

    @Test
    void malformedYamlIsAnErrorNamingTheFileAndLine() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> SettingsParser.fromStackFile(Fixtures.resources(), "malformed"));
        assertTrue(e.getMessage().startsWith(Fixtures.resources().resolve("Pulumi.malformed.yaml") + ": malformed YAML"),
                e.getMessage());
        assertTrue(e.getMessage().contains("line 5"), e.getMessage());
    }

    @Test
    void missingStackFileIsAnErrorNamingTheFile(@TempDir Path dir) {
        ConfigException e = assertThrows(ConfigException.class, () -> SettingsParser.fromStackFile(dir, "staging"));
        assertError(e.errors().get(0), dir.resolve("Pulumi.staging.yaml").toString(), "stack file not found");
    }

    @Test
    void keysWithoutNamespaceBelongToBulkheadAsInPulumi(@TempDir Path dir) throws IOException, ConfigException {
        String minimal = Files.readString(Fixtures.resources().resolve("Pulumi.minimal.yaml"));
        Files.writeString(dir.resolve("Pulumi.dev.yaml"), minimal.replace("bulkhead:network:", "network:"));
        assertEquals("10.40.0.0/16", SettingsParser.fromStackFile(dir, "dev").network().cidr());
    }

    @Test
    void stackFileWithoutConfigSaysSoInOneError(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("Pulumi.dev.yaml"), "encryptionsalt: abc\n");
        ConfigException e = assertThrows(ConfigException.class, () -> SettingsParser.fromStackFile(dir, "dev"));
        assertEquals(1, e.errors().size(), e.getMessage());
        assertError(e.errors().get(0), dir.resolve("Pulumi.dev.yaml").toString(), "the file has no config: mapping");
    }

    @Test
    void messageListsOneErrorPerLine() {
        ConfigException e = new ConfigException(List.of(new ConfigError("a", "one"), new ConfigError("b.c", "two")));
        assertEquals("a: one\nb.c: two", e.getMessage());
    }
}

package dev.bulkhead.config;

import dev.bulkhead.model.EgressRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static dev.bulkhead.config.Fixtures.REMOVE;
import static dev.bulkhead.config.Fixtures.assertError;
import static dev.bulkhead.config.Fixtures.assertOnlyError;
import static dev.bulkhead.config.Fixtures.errors;
import static dev.bulkhead.config.Fixtures.list;
import static dev.bulkhead.config.Fixtures.map;
import static dev.bulkhead.config.Fixtures.reference;
import static dev.bulkhead.config.Fixtures.set;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The rules of {@code bulkhead:projects}, inside one project and across them. */
class ProjectRulesTest {

    private static final String SHOP = "bulkhead:projects[0]";
    private static final String BILLING = "bulkhead:projects[1]";

    @ParameterizedTest
    @ValueSource(strings = {"default", "kube-system", "kube-public", "kube-node-lease", "istio-system", "bulkhead-system",
        "bulkhead-egress", "kyverno", "pulumi-kubernetes-operator", "observability"})
    void reservedNamespaces(String namespace) {
        assertOnlyError(set(reference(), BILLING + ".namespaces[0]", namespace), BILLING + ".namespaces[0]",
                "\"" + namespace + "\" is reserved for the platform; use an RFC 1123 label that is not one of [default, "
                        + "kube-system, kube-public, kube-node-lease, istio-system, bulkhead-system, bulkhead-egress, kyverno, "
                        + "pulumi-kubernetes-operator, observability]");
    }

    @Test
    void defaultMonitoringNamespaceIsReserved() {
        var config = set(reference(), "bulkhead:platform.monitoringNamespace", REMOVE);
        set(config, BILLING + ".namespaces[0]", "monitoring");
        assertOnlyError(config, BILLING + ".namespaces[0]", "\"monitoring\" is reserved for the platform");
    }

    @Test
    void gatewayNamespacesBelongToBulkhead() {
        assertOnlyError(set(reference(), BILLING + ".namespaces[1]", "shop-gateway"), BILLING + ".namespaces[1]",
                "\"shop-gateway\" is the namespace Bulkhead creates for the ingress gateway of project \"shop\"");
    }

    @Test
    void namespaceBelongsToOneProject() {
        assertOnlyError(set(reference(), BILLING + ".namespaces[1]", "shop-api"), BILLING + ".namespaces[1]",
                "\"shop-api\" is already claimed by project \"shop\" (" + SHOP + ".namespaces[1]); a namespace belongs to "
                        + "exactly one project, not also to project \"billing\"");
    }

    @Test
    void namespaceListedTwiceInAProject() {
        assertOnlyError(set(reference(), SHOP + ".namespaces[2]", "shop-web"), SHOP + ".namespaces[2]",
                "\"shop-web\" is listed twice (also " + SHOP + ".namespaces[0])");
    }

    @Test
    void namespacesAreLabels() {
        assertOnlyError(set(reference(), SHOP + ".namespaces[0]", "Shop.Web"), SHOP + ".namespaces[0]",
                "\"Shop.Web\" is not a valid namespace; use an RFC 1123 label: at most 63");
        assertOnlyError(set(reference(), SHOP + ".namespaces", list()), SHOP + ".namespaces", "must not be empty");
    }

    @Test
    void projectNames() {
        var config = set(reference(), "bulkhead:projects[2]", map("name", "shop", "namespaces", list("shop-2")));
        assertOnlyError(config, "bulkhead:projects[2].name",
                "\"shop\" is already the name of " + SHOP + "; project names must be unique");
        assertOnlyError(set(reference(), BILLING + ".name", "b".repeat(41)), BILLING + ".name",
                "is not a valid project name; use an RFC 1123 label: at most 40");
    }

    @Test
    void routeServiceMustBeInTheProject() {
        assertOnlyError(set(reference(), SHOP + ".ingress.routes[0].service", "billing/api"),
                SHOP + ".ingress.routes[0].service",
                "\"billing/api\" is outside this project: namespace \"billing\" is not one of its namespaces "
                        + "[shop-web, shop-api]");
        assertOnlyError(set(reference(), SHOP + ".ingress.routes[0].service", "storefront"),
                SHOP + ".ingress.routes[0].service", "\"storefront\" is not a service reference; write namespace/name");
    }

    @Test
    void exportServiceMustBeInTheProject() {
        assertOnlyError(set(reference(), SHOP + ".exports[0].service", "billing/orders"), SHOP + ".exports[0].service",
                "is outside this project");
    }

    @Test
    void consumersAreOtherExistingProjects() {
        assertOnlyError(set(reference(), SHOP + ".exports[0].consumers[0]", "biling"), SHOP + ".exports[0].consumers[0]",
                "\"biling\" is not a project; did you mean \"billing\"? known projects: [shop, billing]");
        assertOnlyError(set(reference(), SHOP + ".exports[0].consumers[0]", "warehouse"), SHOP + ".exports[0].consumers[0]",
                "\"warehouse\" is not a project; known projects: [shop, billing]");
        assertOnlyError(set(reference(), SHOP + ".exports[0].consumers[0]", "shop"), SHOP + ".exports[0].consumers[0]",
                "\"shop\" is this export's own project");
    }

    @Test
    void anExportIsNotNamedLikeTheGatewaysOwnService() {
        assertOnlyError(set(reference(), SHOP + ".exports[0].name", "shop-gateway-istio"), SHOP + ".exports[0].name",
                "\"shop-gateway-istio\" is the name of the Service Istio creates for the project's gateway");
    }

    @Test
    void exportNamesAreUniqueInAProject() {
        var config = reference();
        set(config, SHOP + ".exports[1]", map("name", "orders", "service", "shop-api/orders2", "port", 8081,
                "consumers", list("billing")));
        assertOnlyError(config, SHOP + ".exports[1].name", "\"orders\" is already exported at " + SHOP + ".exports[0].name");
    }

    @Test
    void aRouteHostBelongsToOneProject() {
        var config = reference();
        set(config, BILLING + ".ingress", map(
                "certificateArn", "arn:aws:acm:eu-west-1:111122223333:certificate/11111111-2222-3333-4444-666666666666",
                "routes", list(map("host", "shop.example.com", "path", "/billing", "service", "billing/api", "port", 80))));
        assertOnlyError(config, BILLING + ".ingress.routes[0].host",
                "\"shop.example.com\" is already routed by project \"shop\" (" + SHOP + ".ingress.routes[0].host); "
                        + "a host belongs to one project's ALB, so project \"billing\" needs another host");
    }

    @Test
    void sameHostAndPathTwiceInAProject() {
        var config = reference();
        set(config, SHOP + ".ingress.routes[1].host", "shop.example.com");
        set(config, SHOP + ".ingress.routes[1].path", "/");
        assertOnlyError(config, SHOP + ".ingress.routes[1]", "\"shop.example.com/\" is already routed by "
                + SHOP + ".ingress.routes[0]");
    }

    @Test
    void routeFields() {
        assertOnlyError(set(reference(), SHOP + ".ingress.routes[0].host", "Shop.Example.com"),
                SHOP + ".ingress.routes[0].host", "\"Shop.Example.com\" is not a DNS name", "\"*.\" wildcard");
        assertOnlyError(set(reference(), SHOP + ".ingress.routes[0].path", "api"), SHOP + ".ingress.routes[0].path",
                "\"api\" is not a URL path; it must start with \"/\"");
        assertOnlyError(set(reference(), SHOP + ".ingress.routes[0].port", 0), SHOP + ".ingress.routes[0].port",
                "0 is not a port; use 1 to 65535");
        assertOnlyError(set(reference(), SHOP + ".ingress.routes", list()), SHOP + ".ingress.routes", "must not be empty");
    }

    @Test
    void certificateMustBeInTheStacksRegion() {
        assertOnlyError(set(reference(), SHOP + ".ingress.certificateArn",
                        "arn:aws:acm:us-east-1:111122223333:certificate/11111111-2222-3333-4444-555555555555"),
                SHOP + ".ingress.certificateArn", "is in region us-east-1 but aws:region is eu-west-1");
        assertOnlyError(set(reference(), SHOP + ".ingress.certificateArn", "arn:aws:acm:eu-west-1:111122223333:cert"),
                SHOP + ".ingress.certificateArn", "is not an ACM certificate ARN: arn:aws:acm:<region>");
    }

    @Test
    void webAclMustBeRegionalAndInTheStacksRegion() {
        assertOnlyError(set(reference(), SHOP + ".ingress.webAclArn",
                        "arn:aws:wafv2:us-east-1:111122223333:global/webacl/shop/abcd"),
                SHOP + ".ingress.webAclArn", "is not a regional WAFv2 web ACL ARN");
        assertOnlyError(set(reference(), SHOP + ".ingress.webAclArn",
                        "arn:aws:wafv2:eu-central-1:111122223333:regional/webacl/shop/abcd"),
                SHOP + ".ingress.webAclArn", "is in region eu-central-1 but aws:region is eu-west-1");
    }

    @Test
    void tlsPolicyMustBeTls13() {
        assertOnlyError(set(reference(), SHOP + ".ingress.tlsPolicy", "ELBSecurityPolicy-2016-08"),
                SHOP + ".ingress.tlsPolicy", "\"ELBSecurityPolicy-2016-08\" is not allowed: only TLS 1.3 policies",
                "ELBSecurityPolicy-TLS13-1-2-2021-06, ELBSecurityPolicy-TLS13-1-2-Res-2021-06");
    }

    @Test
    void egressEntryIsHostOrCidr() {
        assertOnlyError(set(reference(), SHOP + ".egress[0].cidr", "1.2.3.4/32"), SHOP + ".egress[0]",
                "has both host and cidr");
        assertOnlyError(set(reference(), SHOP + ".egress[0].host", REMOVE), SHOP + ".egress[0]",
                "needs exactly one of host (a DNS name such as api.stripe.com) or cidr");
        assertOnlyError(set(reference(), SHOP + ".egress[1].tlsOrigination", true), SHOP + ".egress[1].tlsOrigination",
                "tlsOrigination only applies to host entries");
        assertOnlyError(set(reference(), SHOP + ".egress[0].allowAny", false), SHOP + ".egress[0].allowAny",
                "allowAny only applies to cidr entries");
        assertOnlyError(set(reference(), SHOP + ".egress[0].port", REMOVE), SHOP + ".egress[0].port",
                "missing required key; expected a port from 1 to 65535");
    }

    @Test
    void egressWildcardsStayNarrow() {
        assertOnlyError(set(reference(), SHOP + ".egress[0].host", "*.com"), SHOP + ".egress[0].host",
                "\"*.com\" would admit every name under a top-level domain", "e.g. *.example.com");
        assertOnlyError(set(reference(), SHOP + ".egress[0].host", "*"), SHOP + ".egress[0].host",
                "\"*\" is not a DNS name");
        assertOnlyError(set(reference(), SHOP + ".egress[0].host", "api.*.example.com"), SHOP + ".egress[0].host",
                "\"api.*.example.com\" is not a DNS name");
        assertOnlyError(set(reference(), SHOP + ".egress[0].host", "52.1.2.3"), SHOP + ".egress[0].host",
                "\"52.1.2.3\" is an IP address, not a host name; write it as cidr: 52.1.2.3/32");
        assertOnlyError(set(reference(), SHOP + ".egress[0].host", "orders.shop-gateway.svc.cluster.local"),
                SHOP + ".egress[0].host", "is a name inside the cluster");
        var config = set(reference(), SHOP + ".egress[0].host", "*.stripe.com");
        set(config, SHOP + ".egress[0].tlsOrigination", true);
        assertOnlyError(config, SHOP + ".egress[0].tlsOrigination", "cannot originate TLS to the wildcard \"*.stripe.com\"");
        assertEquals(new EgressRule.Host("*.stripe.com", 443, false),
                Fixtures.parse(set(reference(), SHOP + ".egress[0].host", "*.stripe.com")).projects().get(0).egress().get(0));
    }

    @Test
    void sharedEgressTakesHostsAndKnownAwsServices() {
        var config = set(reference(), "bulkhead:egress", map("hosts", list(map("host", "oidc.example.com", "port", 443)),
                "awsServices", list("sts", "s3")));
        var shared = Fixtures.parse(config).sharedEgress();
        assertEquals(List.of(new EgressRule.Host("oidc.example.com", 443, false)), shared.hosts());
        assertEquals(List.of("sts", "s3"), shared.awsServices());

        assertOnlyError(set(reference(), "bulkhead:egress", map("awsServices", list("ec2"))),
                "bulkhead:egress.awsServices[0]", "\"ec2\" is not valid", "sts");
        assertOnlyError(set(reference(), "bulkhead:egress", map("hosts", list(map("cidr", "1.2.3.4/32", "port", 443)))),
                "bulkhead:egress.hosts[0]", "shared egress takes hosts only");
        assertOnlyError(set(reference(), "bulkhead:egress", map("awsServices", list("sts", "sts"))),
                "bulkhead:egress.awsServices[1]", "\"sts\" is listed twice");
        assertOnlyError(set(reference(), "bulkhead:egress", map("hostz", list())), "bulkhead:egress.hostz");
    }

    @Test
    void egressToAnyAddressMustBeExplicit() {
        assertOnlyError(set(reference(), SHOP + ".egress[1].cidr", "0.0.0.0/0"), SHOP + ".egress[1].cidr",
                "\"0.0.0.0/0\" allows every IPv4 address; list the exact networks, or set allowAny: true");
        assertOnlyError(set(reference(), SHOP + ".egress[1].allowAny", true), SHOP + ".egress[1].allowAny",
                "allowAny: true only applies to cidr 0.0.0.0/0, but this entry's cidr is 116.203.255.68/32");

        var config = set(reference(), SHOP + ".egress[1].cidr", "0.0.0.0/0");
        set(config, SHOP + ".egress[1].allowAny", true);
        assertEquals(new EgressRule.Cidr("0.0.0.0/0", 443, true), Fixtures.parse(config).projects().get(0).egress().get(1));
    }

    @Test
    void egressCidrStaysOutsideTheVpcAndServices() {
        assertOnlyError(set(reference(), SHOP + ".egress[1].cidr", "10.40.8.0/24"), SHOP + ".egress[1].cidr",
                "\"10.40.8.0/24\" lies in 10.0.0.0/8, which is not the internet");
        assertOnlyError(set(reference(), SHOP + ".egress[1].cidr", "172.16.0.0/12"), SHOP + ".egress[1].cidr",
                "\"172.16.0.0/12\" lies in 172.16.0.0/12, which is not the internet");
        assertOnlyError(set(reference(), SHOP + ".egress[1].cidr", "172.0.0.0/8"), SHOP + ".egress[1].cidr",
                "\"172.0.0.0/8\" overlaps the Service range (bulkhead:cluster.serviceCidr 172.20.0.0/16)");
        assertOnlyError(set(reference(), SHOP + ".egress[1].cidr", "116.203.255.68/24"), SHOP + ".egress[1].cidr",
                "is not a network address (host bits are set); write 116.203.255.0/24");
    }

    @Test
    void egressHostMayBeAWildcard() {
        var config = set(reference(), SHOP + ".egress[0].host", "*.stripe.com");
        assertEquals(new EgressRule.Host("*.stripe.com", 443, false), Fixtures.parse(config).projects().get(0).egress().get(0));
        assertOnlyError(set(reference(), SHOP + ".egress[0].host", "*stripe.com"), SHOP + ".egress[0].host",
                "is not a DNS name");
    }

    @Test
    void quota() {
        assertOnlyError(set(reference(), SHOP + ".quota.requestsMemory", "8 GB"), SHOP + ".quota.requestsMemory",
                "\"8 GB\" is not a Kubernetes quantity; write a number with an optional suffix");
        assertOnlyError(set(reference(), SHOP + ".quota.limitsCpu", true), SHOP + ".quota.limitsCpu",
                "expected a Kubernetes quantity, got boolean true");
        assertOnlyError(set(reference(), SHOP + ".quota.pods", 0), SHOP + ".quota.pods",
                "0 is too small; use an integer of at least 1");
        assertOnlyError(set(reference(), SHOP + ".quota.services", -1), SHOP + ".quota.services",
                "-1 is too small; use an integer of at least 0");
        assertOnlyError(set(reference(), SHOP + ".quota.limitsCpu", -2), SHOP + ".quota.limitsCpu",
                "\"-2\" is not a Kubernetes quantity");
    }

    @Test
    void quotaKeysDefaultOneByOne() {
        var config = reference();
        set(config, SHOP + ".quota", map("pods", 10));
        var quota = Fixtures.parse(config).projects().get(0).quota();
        assertEquals(10, quota.pods());
        assertEquals("8Gi", quota.requestsMemory());
    }

    @Test
    void metricsPorts() {
        assertOnlyError(set(reference(), SHOP + ".metricsPorts[1]", 70_000), SHOP + ".metricsPorts[1]",
                "70000 is not a port; use 1 to 65535");
        assertEquals(List.of(), Fixtures.parse(set(reference(), SHOP + ".metricsPorts", list()))
                .projects().get(0).metricsPorts());
    }

    @Test
    void aCrossProjectErrorNamesBothProjectsEvenWhenOneNameIsInvalid() {
        var config = reference();
        set(config, BILLING + ".name", "Billing");
        set(config, BILLING + ".namespaces[0]", "shop-web");
        List<ConfigError> errors = errors(config);
        assertEquals(2, errors.size(), errors::toString);
        assertError(errors.get(0), BILLING + ".name", "is not a valid project name");
        assertError(errors.get(1), BILLING + ".namespaces[0]", "already claimed by project \"shop\"", "not also to " + BILLING);
    }

    @Test
    void projectsAreOptional() {
        Map<String, Object> config = set(reference(), "bulkhead:projects", REMOVE);
        assertEquals(List.of(), Fixtures.parse(config).projects());
    }
}

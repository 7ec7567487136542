package dev.bulkhead.check;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static dev.bulkhead.check.MutatedRender.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A guard that exempts one identity or one namespace, however it names it, is caught for exactly that identity or
 * namespace: {@code check} judges admission once for all identities the guards see alike, and these exemptions are
 * what would make two identities look alike when they are not.
 */
class GuardExemptionTest {

    private static final String VAP = "kubernetes:admissionregistration.k8s.io/v1:ValidatingAdmissionPolicy";
    private static final String PERIMETER = "bulkhead-perimeter-objects";
    private static final String SHOP_DEVELOPERS = "access entry bulkhead-dev-dev-shop (groups bulkhead:shop:developers)";
    private static final Set<String> ALL_TENANTS = Set.of("access entry bulkhead-dev-auditor", SHOP_DEVELOPERS,
            "access entry bulkhead-dev-dev-billing (groups bulkhead:billing:developers)",
            "access entry bulkhead-dev-dev-analytics (groups bulkhead:analytics:developers)",
            "pods of analytics", "pods of analytics-jobs", "pods of billing", "pods of shop-api",
            "pods of shop-gateway", "pods of shop-web");
    private static final String ALL_NAMESPACES = "analytics, analytics-jobs, billing, shop-api, shop-gateway, shop-web";

    private final MutatedRender render = new MutatedRender();

    private JsonObject guard(String name) {
        return render.find(o -> o.get("type").getAsString().equals(VAP)
                && o.get("name").getAsString().endsWith("-" + name)).getAsJsonObject("inputs").getAsJsonObject("spec");
    }

    /** Adds {@code || exemption} to the perimeter guard's "platform" variable. */
    private void exempt(String exemption) {
        for (JsonElement variable : guard(PERIMETER).getAsJsonArray("variables")) {
            JsonObject v = variable.getAsJsonObject();
            if (v.get("name").getAsString().equals("platform")) {
                v.addProperty("expression", v.get("expression").getAsString() + " || " + exemption);
                return;
            }
        }
        throw new AssertionError("the perimeter guard has no platform variable");
    }

    /** The admission-guards findings: by identity, the message. */
    private Map<String, String> admitted() {
        CheckReport report = CheckReport.of(render.view());
        Map<String, String> out = new TreeMap<>();
        report.findings().stream().filter(f -> f.ruleId().equals("authority.admission-guards"))
                .forEach(f -> out.put(f.resource(), f.message()));
        return out;
    }

    @Test
    void anExemptionOfOneNamespacesPodsByUserName() {
        exempt("request.userInfo.username == 'system:serviceaccount:billing:default'");
        Map<String, String> admitted = admitted();
        assertEquals(Set.of("pods of billing"), admitted.keySet());
        assertTrue(admitted.get("pods of billing").contains("create NetworkPolicy in " + ALL_NAMESPACES),
                admitted.toString());
    }

    @Test
    void anExemptionOfOneProjectsDevelopersByGroup() {
        exempt("'bulkhead:shop:developers' in request.userInfo.groups");
        assertEquals(Set.of(SHOP_DEVELOPERS), admitted().keySet());
    }

    @Test
    void anExemptionByAPatternOfNames() {
        exempt("request.userInfo.username.startsWith('system:serviceaccount:shop-')");
        assertEquals(Set.of("pods of shop-api", "pods of shop-gateway", "pods of shop-web"), admitted().keySet());
    }

    @Test
    void anExemptionOfOneAccountThatOnlyTheRenderBindsIsCaughtForItsNamespace() {
        render.add("kubernetes:core/v1:ServiceAccount", "analytics-reporter", json("""
                {"metadata": {"name": "reporter", "namespace": "analytics"}, "automountServiceAccountToken": false}"""));
        exempt("request.userInfo.username == 'system:serviceaccount:analytics:reporter'");
        assertEquals(Set.of("pods of analytics"), admitted().keySet());
    }

    @Test
    void anExemptionOfOneNamespaceForEveryone() {
        exempt("request.namespace == 'analytics-jobs'");
        Map<String, String> admitted = admitted();
        assertEquals(ALL_TENANTS, admitted.keySet());
        admitted.values().forEach(message -> {
            assertTrue(message.contains("create NetworkPolicy in analytics-jobs;"), message);
            assertTrue(!message.contains("in analytics-jobs, ") && !message.contains(", analytics-jobs"), message);
        });
    }

    @Test
    void anExemptionOfOneIdentityInOneNamespace() {
        exempt("(request.userInfo.username == 'system:serviceaccount:billing:default' && request.namespace == "
                + "'shop-web')");
        Map<String, String> admitted = admitted();
        assertEquals(Set.of("pods of billing"), admitted.keySet());
        assertTrue(admitted.get("pods of billing").contains("create NetworkPolicy in shop-web;"), admitted.toString());
    }

    @Test
    void anExemptionThatReadsTheRequestWholeIsStillJudgedPerIdentity() {
        exempt("request['userInfo']['username'] == 'system:serviceaccount:billing:default'");
        assertEquals(Set.of("pods of billing"), admitted().keySet());
    }

    @Test
    void aKyvernoExclusionOfOneNamespacesAccounts() {
        // the ValidatingAdmissionPolicy lets NetworkPolicies through; a Kyverno rule refuses them to all but one
        JsonObject validation = guard(PERIMETER).getAsJsonArray("validations").get(0).getAsJsonObject();
        validation.addProperty("expression", validation.get("expression").getAsString()
                + " || request.resource.resource == 'networkpolicies'");
        render.add("kubernetes:kyverno.io/v1:ClusterPolicy", "network-policies", json("""
                {"metadata": {"name": "network-policies"}, "spec": {"rules": [{"name": "platform-only",
                 "match": {"any": [{"resources": {"kinds": ["NetworkPolicy"],
                   "operations": ["CREATE", "UPDATE", "DELETE"]}}]},
                 "exclude": {"any": [{"subjects": [{"kind": "Group", "name": "system:serviceaccounts:shop-api"}]}]},
                 "validate": {"failureAction": "Enforce", "message": "only the platform",
                  "deny": {"conditions": {"any": [{"key": "{{ request.operation }}", "operator": "AnyIn",
                   "value": ["CREATE", "UPDATE", "DELETE"]}]}}}}]}}"""));
        Map<String, String> admitted = admitted();
        assertEquals(Set.of("pods of shop-api"), admitted.keySet());
        assertTrue(admitted.get("pods of shop-api").contains("create NetworkPolicy in " + ALL_NAMESPACES),
                admitted.toString());
        assertEquals(new TreeSet<>(Set.of("create NetworkPolicy", "update NetworkPolicy", "delete NetworkPolicy")),
                whatIsAdmitted(admitted.get("pods of shop-api")));
    }

    /** The writes an admission-guards message lists, without the namespaces. */
    private static Set<String> whatIsAdmitted(String message) {
        Set<String> out = new TreeSet<>();
        for (String line : message.substring("is admitted by admission to ".length()).split("; ")) {
            out.add(line.substring(0, line.indexOf(" in ")));
        }
        return out;
    }
}

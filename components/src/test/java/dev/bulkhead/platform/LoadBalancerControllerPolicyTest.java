package dev.bulkhead.platform;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The controller's IAM policy: TargetGroupBinding only, scoped to this stack's target groups and cluster. */
class LoadBalancerControllerPolicyTest {

    private final JsonObject document = JsonParser.parseString(LoadBalancerControllerPolicy.document("aws",
            "eu-west-1", "111122223333", "dev", "bulkhead-dev", "dev-")).getAsJsonObject();

    @Test
    void onlyDescribeRegisterAndSecurityGroupRuleActions() {
        List<String> actions = new ArrayList<>();
        document.getAsJsonArray("Statement").forEach(s -> s.getAsJsonObject().getAsJsonArray("Action")
                .forEach(a -> actions.add(a.getAsString())));
        List<String> expected = new ArrayList<>(LoadBalancerControllerPolicy.DESCRIBE);
        expected.addAll(List.of("elasticloadbalancing:RegisterTargets", "elasticloadbalancing:DeregisterTargets",
                "ec2:AuthorizeSecurityGroupIngress", "ec2:RevokeSecurityGroupIngress"));
        assertEquals(expected, actions);
        for (String action : actions) {
            String verb = action.substring(action.indexOf(':') + 1);
            assertFalse(verb.startsWith("Create") || verb.startsWith("Delete") || verb.startsWith("Modify")
                    || action.startsWith("iam:") || action.contains("*"), action);
        }
    }

    @Test
    void unscopedResourcesAreOnlyForDescribeCalls() {
        for (var element : document.getAsJsonArray("Statement")) {
            var statement = element.getAsJsonObject();
            if (statement.get("Resource").getAsString().equals("*")) {
                statement.getAsJsonArray("Action").forEach(a ->
                        assertTrue(a.getAsString().contains(":Describe"), a.getAsString()));
            } else {
                assertTrue(statement.has("Condition"), statement.get("Sid").getAsString());
            }
        }
    }

    @Test
    void targetsOnlyInThisStacksTaggedTargetGroups() {
        var statement = statement("RegisterPodsInThisStacksTargetGroups");
        assertEquals("arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/dev-*/*",
                statement.get("Resource").getAsString());
        assertEquals("dev", statement.getAsJsonObject("Condition").getAsJsonObject("StringEquals")
                .get("aws:ResourceTag/bulkhead:stack").getAsString());
    }

    @Test
    void securityGroupRulesOnlyOnThisClustersGroups() {
        var statement = statement("AdmitTheAlbOnThisClustersSecurityGroups");
        assertEquals("arn:aws:ec2:eu-west-1:111122223333:security-group/*", statement.get("Resource").getAsString());
        assertEquals("owned", statement.getAsJsonObject("Condition").getAsJsonObject("StringEquals")
                .get("aws:ResourceTag/kubernetes.io/cluster/bulkhead-dev").getAsString());
    }

    private JsonObject statement(String sid) {
        for (var element : document.getAsJsonArray("Statement")) {
            if (element.getAsJsonObject().get("Sid").getAsString().equals(sid)) {
                return element.getAsJsonObject();
            }
        }
        throw new AssertionError("no statement " + sid);
    }
}

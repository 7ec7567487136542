package dev.bulkhead.workload;

import com.google.gson.Gson;
import com.pulumi.core.Output;
import com.pulumi.test.PulumiTest;
import dev.bulkhead.project.MockRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The AWS side of an app: whom its role trusts, what it may do, and the association that hands it out. */
class AppIdentityTest {

    private static final String ROLE = "aws:iam/role:Role";

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    private static MockRun storefront() {
        return MockRun.of(provider -> new AppIdentity("app-identity-shop-storefront", AppIdentityArgs.builder()
                .stack("dev").project("shop").app(Apps.storefront()).clusterName(Output.of("bulkhead-dev"))
                .build(), null));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(Object document) {
        return new Gson().fromJson((String) document, Map.class);
    }

    @Test
    void theRoleTrustsOnlyTheAppsServiceAccountInItsNamespaceClusterAndAccount() {
        Map<String, Object> role = storefront().find(ROLE, "app-identity-shop-storefront-role").inputs();
        assertEquals("bulkhead-dev-app-shop-storefront", role.get("name"));
        Map<String, Object> trust = json(role.get("assumeRolePolicy"));
        assertEquals(Map.of("Version", "2012-10-17", "Statement", List.of(Map.of(
                "Effect", "Allow",
                "Principal", Map.of("Service", "pods.eks.amazonaws.com"),
                "Action", List.of("sts:AssumeRole", "sts:TagSession"),
                "Condition", Map.of("StringEquals", Map.of(
                        "aws:SourceAccount", "111122223333",
                        "aws:RequestTag/eks-cluster-name", "bulkhead-dev",
                        "aws:RequestTag/kubernetes-namespace", "shop-web",
                        "aws:RequestTag/kubernetes-service-account", "storefront"))))), trust);
        assertEquals(Map.of("Name", "bulkhead-dev-app-shop-storefront", "bulkhead:stack", "dev",
                "bulkhead:project", "shop", "bulkhead:app", "storefront"), role.get("tags"));
    }

    @Test
    void theRoleCarriesItsPoliciesAndStatementsAndIsAssociatedWithTheServiceAccount() {
        MockRun run = storefront();
        assertEquals("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess",
                run.find("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "app-identity-shop-storefront-policy-0")
                        .inputs().get("policyArn"));
        Map<String, Object> inline = run.find("aws:iam/rolePolicy:RolePolicy",
                "app-identity-shop-storefront-statements").inputs();
        assertEquals(Map.of("Version", "2012-10-17", "Statement", List.of(Map.of("Sid", "App0", "Effect", "Allow",
                "Action", List.of("s3:GetObject"), "Resource", List.of("arn:aws:s3:::shop-assets/*")))),
                json(inline.get("policy")));
        Map<String, Object> association = run.find("aws:eks/podIdentityAssociation:PodIdentityAssociation",
                "app-identity-shop-storefront-association").inputs();
        assertEquals("bulkhead-dev", association.get("clusterName"));
        assertEquals("shop-web", association.get("namespace"));
        assertEquals("storefront", association.get("serviceAccount"));
    }

    @Test
    void anAppWithoutAwsAccessGetsNoRole() {
        var e = assertThrows(IllegalArgumentException.class, () -> AppIdentityArgs.builder().stack("dev")
                .project("shop").app(Apps.reports()).clusterName(Output.of("c")).build());
        assertEquals("AppIdentityArgs: app reports has no aws access; it needs no role", e.getMessage());
    }
}

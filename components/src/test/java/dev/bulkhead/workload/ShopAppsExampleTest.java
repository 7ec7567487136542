package dev.bulkhead.workload;

import com.example.shop.ShopApps;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import dev.bulkhead.mock.PlausibleMocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Java example of docs/workloads.md: it is the file compiled here, and it runs. */
class ShopAppsExampleTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    @Test
    void theExampleRunsAndCreatesBothAppsAndOneWaypoint() {
        var mocks = new PlausibleMocks("eu-west-1");
        TestResult result = PulumiTest.withMocks(mocks)
                .withOptions(TestOptions.builder().projectName("shop").stackName("dev").preview(false).build())
                .runTest(ShopApps::define);
        assertEquals(List.of(), result.exceptions());
        assertEquals(List.of(), result.errors());
        assertEquals(2, mocks.ofType("kubernetes:apps/v1:Deployment").size());
        assertEquals(1, mocks.ofType("kubernetes:gateway.networking.k8s.io/v1:Gateway").size());
        assertEquals(1, mocks.ofType("kubernetes:security.istio.io/v1:RequestAuthentication").size());
    }

    @Test
    void theDocsShowThisFile() throws IOException {
        String example = Files.readString(ROOT.resolve("components/src/test/java/com/example/shop/ShopApps.java"));
        String docs = Files.readString(ROOT.resolve("docs/workloads.md"));
        assertTrue(docs.contains("```java\n" + example + "```"),
                "docs/workloads.md must quote components/src/test/java/com/example/shop/ShopApps.java as it is");
    }
}

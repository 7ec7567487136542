package dev.bulkhead.project;

import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.ProviderArgs;
import com.pulumi.resources.Resource;
import com.pulumi.resources.ResourceOptions;
import com.pulumi.resources.ResourceTransformation;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import dev.bulkhead.mock.PlausibleMocks;
import dev.bulkhead.mock.RecordedResource;
import dev.bulkhead.runtime.MockEngineRun;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs a piece of program under the mock engine with a Kubernetes provider, and keeps what the tests look at: the
 * mocks' record of every resource's inputs, and each resource's options as a stack transformation saw them (the only
 * place dependsOn and parent can be read).
 */
public final class MockRun {

    /** A resource as registered, with the options it was given. */
    public record Registration(Resource resource, ResourceOptions options) {

        public String type() {
            return resource.pulumiResourceType();
        }

        public String name() {
            return resource.pulumiResourceName();
        }

        /** Logical names of the resources this one explicitly depends on. */
        public List<String> dependsOn() {
            List<Resource> resources = PulumiTest.extractValue(options.getDependsOn());
            return resources == null ? List.of() : resources.stream().map(Resource::pulumiResourceName).toList();
        }

        public Optional<String> parent() {
            return options.getParent().map(Resource::pulumiResourceName);
        }

        public Optional<String> provider() {
            return options.getProvider().map(Resource::pulumiResourceName);
        }
    }

    private final PlausibleMocks mocks = new PlausibleMocks("eu-west-1");
    private final List<Registration> registrations = Collections.synchronizedList(new ArrayList<>());
    private TestResult result;

    /** Runs {@code program} with a provider named {@code k8s}; fails on any error of the run. */
    public static MockRun of(Consumer<Provider> program) {
        var run = new MockRun();
        ResourceTransformation record = args -> {
            run.registrations.add(new Registration(args.resource(), args.options()));
            return Optional.empty();
        };
        run.result = MockEngineRun.run(run.mocks, TestOptions.builder().projectName("bulkhead").stackName("dev")
                        .resourceTransformations(List.of(record)).build(),
                ctx -> program.accept(new Provider("k8s", ProviderArgs.builder().kubeconfig("{}").build())));
        if (!run.result.errors().isEmpty() || !run.result.exceptions().isEmpty()) {
            throw new AssertionError("the run failed: " + run.result.errors() + " " + run.result.exceptions());
        }
        return run;
    }

    public PlausibleMocks mocks() {
        return mocks;
    }

    public List<RecordedResource> ofType(String type) {
        return mocks.ofType(type);
    }

    public RecordedResource find(String type, String name) {
        return mocks.find(type, name).orElseThrow(() -> new AssertionError("not registered: " + type + " " + name));
    }

    public Registration registration(String type, String name) {
        synchronized (registrations) {
            return registrations.stream().filter(r -> r.type().equals(type) && r.name().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("not registered: " + type + " " + name));
        }
    }

    public List<Registration> registrations() {
        synchronized (registrations) {
            return List.copyOf(registrations);
        }
    }

    /** Inputs as the Pulumi engine sends them: every number becomes a double. Use on expected values to compare. */
    @SuppressWarnings("unchecked")
    public static Object asEngineSees(Object value) {
        if (value instanceof Map<?, ?> map) {
            var copy = new java.util.LinkedHashMap<String, Object>();
            map.forEach((k, v) -> copy.put((String) k, asEngineSees(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(MockRun::asEngineSees).toList();
        }
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        return value;
    }
}

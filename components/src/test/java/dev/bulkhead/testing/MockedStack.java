package dev.bulkhead.testing;

import com.pulumi.resources.ResourceTransformation;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import dev.bulkhead.mock.PlausibleMocks;
import dev.bulkhead.mock.RecordedResource;
import dev.bulkhead.runtime.MockEngineRun;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/** Runs components under the mock engine and reads back what they registered. Call {@link #cleanup()} after. */
public final class MockedStack<T> {

    public static final String REGION = "eu-west-1";

    public final PlausibleMocks mocks;
    public final TestResult result;
    public final T value;
    /** {@code type::name} of every resource registered with {@code protect}. */
    public final Set<String> protectedResources;
    /** {@code type::name} of every resource registered with {@code retainOnDelete}. */
    public final Set<String> retainedResources;

    private MockedStack(PlausibleMocks mocks, TestResult result, T value, Set<String> protectedResources,
                        Set<String> retainedResources) {
        this.mocks = mocks;
        this.result = result;
        this.value = value;
        this.protectedResources = Set.copyOf(protectedResources);
        this.retainedResources = Set.copyOf(retainedResources);
    }

    public static <T> MockedStack<T> run(Supplier<T> program) {
        var mocks = new PlausibleMocks(REGION);
        AtomicReference<T> value = new AtomicReference<>();
        Set<String> protectedResources = ConcurrentHashMap.newKeySet();
        Set<String> retainedResources = ConcurrentHashMap.newKeySet();
        // a stack transformation runs after every component's own, so it sees the options as registered
        ResourceTransformation recorder = args -> {
            String key = PlausibleMocks.key(args.resource().pulumiResourceType(), args.resource().pulumiResourceName());
            if (args.options().isProtect()) {
                protectedResources.add(key);
            }
            if (args.options().isRetainOnDelete()) {
                retainedResources.add(key);
            }
            return Optional.empty();
        };
        TestResult result = MockEngineRun.run(mocks, TestOptions.builder().projectName("bulkhead").stackName("dev")
                        .preview(false).resourceTransformations(List.of(recorder)).build(),
                ctx -> value.set(program.get()));
        return new MockedStack<>(mocks, result, value.get(), protectedResources, retainedResources);
    }

    public static void cleanup() {
        PulumiTest.cleanup();
    }

    public MockedStack<T> assertNoErrors() {
        if (!result.exceptions().isEmpty()) {
            throw new AssertionError("program failed", result.exceptions().get(0));
        }
        if (!result.errors().isEmpty()) {
            throw new AssertionError("program logged errors: " + result.errors());
        }
        return this;
    }

    public List<RecordedResource> ofType(String type) {
        return mocks.ofType(type).stream().sorted(Comparator.comparing(RecordedResource::name)).toList();
    }

    public RecordedResource get(String type, String name) {
        return mocks.find(type, name).orElseThrow(() -> new AssertionError("no " + type + " named " + name
                + "; have " + mocks.recorded().keySet().stream().sorted().toList()));
    }

    public static <V> V extract(com.pulumi.core.Output<V> output) {
        return PulumiTest.extractValue(output);
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object value) {
        return (List<Object>) value;
    }
}

package dev.bulkhead.network;

import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import dev.bulkhead.mock.PlausibleMocks;
import dev.bulkhead.mock.RecordedResource;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/** Runs components under the mock engine and reads back what they registered. Call {@link #cleanup()} after. */
final class MockedStack<T> {

    static final String REGION = "eu-west-1";

    final PlausibleMocks mocks;
    final TestResult result;
    final T value;

    private MockedStack(PlausibleMocks mocks, TestResult result, T value) {
        this.mocks = mocks;
        this.result = result;
        this.value = value;
    }

    static <T> MockedStack<T> run(Supplier<T> program) {
        var mocks = new PlausibleMocks(REGION);
        AtomicReference<T> value = new AtomicReference<>();
        TestResult result = PulumiTest.withMocks(mocks)
                .withOptions(TestOptions.builder().projectName("bulkhead").stackName("dev").preview(false).build())
                .runTest(ctx -> value.set(program.get()));
        return new MockedStack<>(mocks, result, value.get());
    }

    static void cleanup() {
        PulumiTest.cleanup();
    }

    MockedStack<T> assertNoErrors() {
        if (!result.exceptions().isEmpty()) {
            throw new AssertionError("program failed", result.exceptions().get(0));
        }
        if (!result.errors().isEmpty()) {
            throw new AssertionError("program logged errors: " + result.errors());
        }
        return this;
    }

    List<RecordedResource> ofType(String type) {
        return mocks.ofType(type).stream().sorted(Comparator.comparing(RecordedResource::name)).toList();
    }

    RecordedResource get(String type, String name) {
        return mocks.find(type, name).orElseThrow(() -> new AssertionError("no " + type + " named " + name
                + "; have " + mocks.recorded().keySet().stream().sorted().toList()));
    }

    static <V> V extract(com.pulumi.core.Output<V> output) {
        return PulumiTest.extractValue(output);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return (List<Object>) value;
    }
}

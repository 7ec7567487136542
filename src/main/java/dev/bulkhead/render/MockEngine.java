package dev.bulkhead.render;

import com.pulumi.Context;
import com.pulumi.resources.Resource;
import com.pulumi.resources.ResourceTransformation;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import dev.bulkhead.mock.PlausibleMocks;
import dev.bulkhead.mock.RecordedResource;
import dev.bulkhead.runtime.MockEngineRun;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Runs a Pulumi program under the Java SDK's mock engine with {@link PlausibleMocks} and returns every resource
 * it registered, in the order the program constructed them (which is deterministic, unlike the order in which
 * the engine finishes resolving their inputs).
 */
public final class MockEngine {

    /** The Pulumi project name, as in Pulumi.yaml; part of every URN. */
    public static final String PROJECT = "bulkhead";
    static final String STACK_TYPE = "pulumi:pulumi:Stack";

    private MockEngine() {
    }

    /**
     * The result of one run: the resources in construction order, the mocks that saw them, and the stack's outputs
     * as plain values, as the mocks resolved them (sorted by name).
     */
    public record Run(List<RenderedResource> resources, PlausibleMocks mocks, Map<String, Object> outputs) {
    }

    public static synchronized Run run(String stack, String region, Consumer<Context> program) {
        var mocks = new PlausibleMocks(region);
        List<Resource> constructed = Collections.synchronizedList(new ArrayList<>());
        ResourceTransformation recorder = args -> {
            constructed.add(args.resource());
            return Optional.empty();
        };
        var options = TestOptions.builder()
                .projectName(PROJECT)
                .stackName(stack)
                .preview(false)
                .resourceTransformations(List.of(recorder))
                .build();
        TestResult result = MockEngineRun.run(mocks, options, program);
        if (!result.exceptions().isEmpty()) {
            var first = result.exceptions().get(0);
            throw new RenderException("the program failed under the mock engine: " + first.getMessage(), first);
        }
        if (!result.errors().isEmpty() || result.exitCode() != 0) {
            throw new RenderException("the program failed under the mock engine: " + result.errors());
        }
        Map<String, Object> outputs = new TreeMap<>();
        result.outputs().forEach((name, output) -> outputs.put(name,
                JsonValues.toPlain(JsonValues.toJson(PulumiTest.extractValue(output)))));
        return new Run(collect(result.resources(), constructed, mocks), mocks, outputs);
    }

    private static List<RenderedResource> collect(List<Resource> registered, List<Resource> constructed,
                                                  PlausibleMocks mocks) {
        Map<Resource, String> urns = new IdentityHashMap<>();
        for (Resource r : registered) {
            urns.put(r, PulumiTest.extractValue(r.urn()));
        }
        Map<Resource, String> parents = new IdentityHashMap<>();
        for (Resource r : registered) {
            for (Resource child : r.pulumiChildResources()) {
                parents.put(child, urns.get(r));
            }
        }
        String stackUrn = null;
        for (Resource r : registered) {
            if (r.pulumiResourceType().equals(STACK_TYPE)) {
                stackUrn = urns.get(r);
            }
        }
        // Construction order first; anything the recorder did not see (the root stack) goes before it.
        Set<Resource> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        seen.addAll(constructed);
        Map<Resource, Boolean> ordered = new LinkedHashMap<>();
        for (Resource r : registered) {
            if (!seen.contains(r)) {
                ordered.put(r, true);
            }
        }
        for (Resource r : constructed) {
            if (urns.containsKey(r)) {
                ordered.put(r, true);
            }
        }
        List<RenderedResource> out = new ArrayList<>();
        for (Resource r : ordered.keySet()) {
            String type = r.pulumiResourceType();
            String name = r.pulumiResourceName();
            Optional<RecordedResource> recorded = mocks.find(type, name);
            String parent = parents.get(r);
            if (parent == null && !type.equals(STACK_TYPE)) {
                parent = stackUrn; // a resource without an explicit parent belongs to the root stack
            }
            out.add(new RenderedResource(urns.get(r), type, name, Optional.ofNullable(parent),
                    recorded.flatMap(RecordedResource::providerUrn),
                    recorded.map(RecordedResource::inputs).orElse(Map.of())));
        }
        return out;
    }
}

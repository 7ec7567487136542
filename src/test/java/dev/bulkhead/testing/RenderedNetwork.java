package dev.bulkhead.testing;

import dev.bulkhead.check.RenderView;
import dev.bulkhead.netpol.NetworkPolicyEvaluator;
import dev.bulkhead.render.RenderedResource;

import java.util.List;

/**
 * The NetworkPolicy evaluator over a render, built exactly as {@code check} and {@code reach} build it
 * ({@link RenderView#evaluator()}): every rendered NetworkPolicy, namespace labels from Namespace objects.
 */
public final class RenderedNetwork {

    private RenderedNetwork() {
    }

    public static NetworkPolicyEvaluator evaluator(List<RenderedResource> resources) {
        return new RenderView(resources).evaluator();
    }
}

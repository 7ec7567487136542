package dev.bulkhead.check;

import dev.bulkhead.intent.IntentPlan;
import dev.bulkhead.testing.LayerStacks;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code reach} and {@code check} decide every flow alike: on the dev render (with its apps and their waypoint), a
 * platform layer, and with what the dev apps do not show.
 */
class ReachAgreementTest {

    @Test
    void onTheDevRender() throws Exception {
        assertTrue(Agreement.assertReachAgreesWithTheMatrix(new MutatedRender().view()) > 1000);
    }

    @Test
    void onAPlatformLayerRenderWithTheOperator() throws Exception {
        RenderView view = new RenderView(LayerStacks.rendered("platform"), IntentPlan.of(LayerStacks.platform()));
        assertTrue(Agreement.assertReachAgreesWithTheMatrix(view) > 1000);
    }

    @Test
    void withAnL7PolicyBoundBySelectorAndAHostNetworkPod() throws Exception {
        MutatedRender render = new MutatedRender();
        AppFixture.addTo(render);
        RenderView view = render.view();
        assertTrue(view.connectivity().probes().stream().anyMatch(p -> p.kind() == Probe.Kind.WAYPOINT));
        assertTrue(Agreement.assertReachAgreesWithTheMatrix(view) > 1000);
    }
}

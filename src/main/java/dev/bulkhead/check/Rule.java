package dev.bulkhead.check;

import dev.bulkhead.render.RenderedResource;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One promise of the platform, checked on a render. Rules are data: an id, a category, a severity, what it
 * demands and how to fix a violation, and a function from the render to the places that break it. Adding a rule is
 * adding one entry to a category's list ({@link RuleBook}).
 *
 * @param check returns one {@link Violation} per offending resource; empty when the rule holds
 */
public record Rule(String id, String category, Severity severity, String demands, String fix,
                   Function<RenderView, List<Violation>> check) {

    /**
     * Where and how a rule is broken, before it is tied to its rule.
     *
     * @param fix the fix for this violation in particular, or null for the rule's general fix
     */
    public record Violation(String resource, String message, String fix) {

        public Violation(String resource, String message) {
            this(resource, message, null);
        }
    }

    /** A check of every resource of {@code type}: {@code problem} says what is wrong with one, or null. */
    public static Function<RenderView, List<Violation>> eachOf(String type, Function<RenderedResource, String> problem) {
        return view -> {
            List<Violation> out = new ArrayList<>();
            for (RenderedResource r : view.ofType(type)) {
                String message = problem.apply(r);
                if (message != null) {
                    out.add(new Violation(RenderView.describe(r), message));
                }
            }
            return out;
        };
    }

    public List<Finding> apply(RenderView view) {
        return check.apply(view).stream()
                .map(v -> new Finding(id, severity, v.resource(), v.message(), v.fix() == null ? fix : v.fix()))
                .toList();
    }
}

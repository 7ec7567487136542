package dev.bulkhead.config;

import dev.bulkhead.model.ProtectionSpec;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.bulkhead.config.Fixtures.assertOnlyError;
import static dev.bulkhead.config.Fixtures.list;
import static dev.bulkhead.config.Fixtures.reference;
import static dev.bulkhead.config.Fixtures.set;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code bulkhead:protect} and the two steps of deleting a protected project. */
class ProtectionRulesTest {

    @Test
    void protectionFollowsTheEnvironmentUnlessSet() {
        assertEquals(new ProtectionSpec(true, List.of()), Fixtures.parse(reference()).protection(), "production");
        var development = set(reference(), "bulkhead:environment", "development");
        assertEquals(new ProtectionSpec(false, List.of()), Fixtures.parse(development).protection());
        assertTrue(Fixtures.parse(set(development, "bulkhead:protect", "true")).protection().enabled());
        assertFalse(Fixtures.parse(set(reference(), "bulkhead:protect", false)).protection().enabled());
    }

    @Test
    void protectTakesTrueOrFalseOnly() {
        assertOnlyError(set(reference(), "bulkhead:protect", "yes"), "bulkhead:protect",
                "expected true or false, got string \"yes\"");
    }

    @Test
    void aRetiredProjectIsStillConfiguredAndNoLongerProtected() {
        var config = set(reference(), "bulkhead:retiredProjects", list("billing"));
        ProtectionSpec protection = Fixtures.parse(config).protection();
        assertTrue(protection.protects("shop"));
        assertFalse(protection.protects("billing"));
    }

    @Test
    void retiringAProjectThatIsGoneOrRetiringTwiceIsAnError() {
        assertOnlyError(set(reference(), "bulkhead:retiredProjects", list("biling")), "bulkhead:retiredProjects[0]",
                "\"biling\" is not a configured project; did you mean \"billing\"?");
        assertOnlyError(set(reference(), "bulkhead:retiredProjects", list("payments")), "bulkhead:retiredProjects[0]",
                "a project stays in bulkhead:projects while it is retired, and leaves both lists together");
        assertOnlyError(set(reference(), "bulkhead:retiredProjects", list("shop", "shop")), "bulkhead:retiredProjects[1]",
                "is listed twice");
    }

    @Test
    void retiringWithoutProtectionHasNoEffectAndIsAnError() {
        var config = set(reference(), "bulkhead:protect", false);
        set(config, "bulkhead:retiredProjects", list("shop"));
        assertOnlyError(config, "bulkhead:retiredProjects", "has no effect while bulkhead:protect is false");
    }
}

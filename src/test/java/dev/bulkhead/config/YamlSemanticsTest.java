package dev.bulkhead.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The stack file is read as {@code pulumi up} reads it. Each tricky scalar is put in one place of a stack file, which
 * is then read both ways: by {@link SettingsParser#fromStackFile} and, through {@link PulumiEngineEncoding} (what the
 * Pulumi CLI hands the program), by {@link SettingsParser#fromEngineConfig}. Where both accept, they must read the
 * same settings; where the scalar is ambiguous, the stack file is refused with the key, the value and the fix.
 */
class YamlSemanticsTest {

    private static final String TEMPLATE = """
            config:
              aws:region: eu-west-1
              bulkhead:protect: @TOP@
              bulkhead:network:
                cidr: 10.40.0.0/16
                availabilityZones: @INT@
                singleNatGateway: @BOOL@
              bulkhead:cluster:
                kubernetesVersion: "1.31"
                nodeGroups:
                  - name: general
                    instanceTypes: [m6i.large]
                    labels:
                      tier: @STR@
              bulkhead:access:
                admins: [arn:aws:iam::111122223333:user/alice]
              bulkhead:projects:
                - name: shop
                  namespaces: [shop]
                  quota:
                    defaultRequestCpu: @QTY@
            """;
    private static final Map<String, String> DEFAULTS = Map.of(
            "@TOP@", "false", "@INT@", "3", "@BOOL@", "true", "@STR@", "general", "@QTY@", "100m");

    private static final String INT = "bulkhead:network.availabilityZones";
    private static final String BOOL = "bulkhead:network.singleNatGateway";
    private static final String STR = "bulkhead:cluster.nodeGroups[0].labels.tier";
    private static final String QTY = "bulkhead:projects[0].quota.defaultRequestCpu";

    @TempDir
    Path dir;

    /** The settings, or the errors, of one read. */
    private record Outcome(StackSettings settings, List<ConfigError> errors) {
    }

    @Test
    void plainValuesReadTheSameBothWays() throws IOException {
        for (var c : List.of(place("@INT@", "3"), place("@INT@", "+3"), place("@INT@", "~"), place("@BOOL@", "false"),
                place("@BOOL@", "TRUE"), place("@STR@", "\"0443\""), place("@STR@", "'on'"), place("@STR@", "null"),
                place("@QTY@", "0.25"), place("@QTY@", "0.50"), place("@QTY@", "0"), place("@QTY@", "1e-1"),
                place("@TOP@", "true"), place("@TOP@", "\"false\""))) {
            Outcome file = fromFile(c);
            Outcome engine = fromEngine(c);
            assertNull(file.errors(), () -> c + " from the file: " + file.errors());
            assertEquals(file.settings(), engine.settings(), c::toString);
        }
    }

    @Test
    void numbersReadAsTheirShortestTextInBothWays() throws IOException {
        assertEquals("0.5", fromFile(place("@QTY@", "0.50")).settings().projects().get(0).quota().defaultRequestCpu());
        assertEquals("0.1", fromFile(place("@QTY@", "1e-1")).settings().projects().get(0).quota().defaultRequestCpu());
    }

    @Test
    void leadingZeroIsRefusedNamingBothReadings() throws IOException {
        refused(place("@INT@", "03"), INT, "\"03\" has a leading zero", "write 3", "quote it (\"03\")");
        refused(place("@STR@", "0443"), STR, "\"0443\" has a leading zero: pulumi (go-yaml v3) reads it as 291 (octal)",
                "YAML 1.2 readers as 443", "write 443, or quote it (\"0443\")");
    }

    @Test
    void yaml11BooleansAreRefused() throws IOException {
        for (String word : List.of("on", "off", "yes", "no", "y", "N", "On", "YES")) {
            refused(place("@BOOL@", word), BOOL, "\"" + word + "\" is text to pulumi (go-yaml v3)", "for the boolean",
                    "quote it");
            refused(place("@STR@", word), STR, "\"" + word + "\" is text to pulumi (go-yaml v3)");
        }
    }

    @Test
    void sexagesimalUnderscoresAndOtherBasesAreRefused() throws IOException {
        refused(place("@INT@", "7:23"), INT, "\"7:23\" is text to pulumi (go-yaml v3) but a base-60 number");
        refused(place("@STR@", "1:30:00"), STR, "base-60");
        refused(place("@INT@", "1_000"), INT, "\"1_000\" is the number 1000 to pulumi", "write 1000");
        refused(place("@INT@", "0x1F"), INT, "\"0x1F\" is the number 31 written in another base", "(31)");
        refused(place("@INT@", "0o17"), INT, "is the number 15");
        refused(place("@INT@", ".inf"), INT, "is not a finite number");
    }

    @Test
    void aFractionWhereAnIntegerGoesIsRefusedInTheFile() throws IOException {
        refused(place("@INT@", "3.0"), INT, "expected an integer, got number 3.0; write it as an integer: 3");
        refused(place("@INT@", "2.5"), INT, "got number 2.5 (it has a fraction)");
        // the engine hands 3.0 over as the JSON number 3, which nothing can tell from 3
        assertEquals(3, fromEngine(place("@INT@", "3.0")).settings().network().availabilityZones());
    }

    @Test
    void topLevelScalarsAreTextBothWays() throws IOException {
        for (String value : List.of("on", "yes", "1", "True")) {
            var c = place("@TOP@", value);
            Outcome file = fromFile(c);
            Outcome engine = fromEngine(c);
            assertNotNull(file.errors(), c::toString);
            assertEquals(engine.errors(), file.errors().stream().map(e -> new ConfigError(e.path(), e.message()))
                    .toList(), c::toString);
            assertEquals("bulkhead:protect", file.errors().get(0).path());
            assertTrue(file.errors().get(0).message().contains("expected true or false, got string \"" + value + "\""),
                    file.errors()::toString);
        }
    }

    @Test
    void noTrickyValueIsAcceptedDifferentlyByTheTwoPaths() throws IOException {
        List<String> tricky = List.of("03", "0443", "08", "on", "off", "yes", "no", "y", "7:23", "1_000", "0x1F", "0o17",
                "0b101", "3.0", "1e3", "1.50", "0.50", "5e-1", ".5", "-0", "+3", "~", "null", "NULL", "true", "False", "2024-01-02",
                "\"3\"", "'07'", ".nan", "-.inf", "12345678901234567890");
        for (String placeholder : DEFAULTS.keySet()) {
            for (String value : tricky) {
                var c = place(placeholder, value);
                Outcome file = fromFile(c);
                Outcome engine = fromEngine(c);
                if (file.errors() == null && engine.errors() == null) {
                    assertEquals(file.settings(), engine.settings(), () -> c + " is read differently");
                } else if (file.errors() == null) {
                    fail(c + " is accepted by render but refused under pulumi up: " + engine.errors());
                }
            }
        }
    }

    @Test
    void explicitTagsMergeKeysAndDuplicatesAreRefusedWithTheirLine() throws IOException {
        ConfigError tag = only(place("@INT@", "!!float 3"));
        assertEquals(INT, tag.path());
        assertEquals(6, tag.line());
        assertTrue(tag.message().contains("explicit tag"), tag::toString);
        assertEquals("3", fromFile(place("@STR@", "!!str 3")).settings().cluster().nodeGroups().get(0).labels()
                .get("tier"), "!!str is text, as the engine reads it");

        Path file = write("""
                config:
                  aws:region: eu-west-1
                  bulkhead:network: &net
                    cidr: 10.40.0.0/16
                  bulkhead:platform:
                    <<: *net
                """);
        List<ConfigError> errors = errors(file);
        assertTrue(errors.stream().anyMatch(e -> e.message().contains("merge key (<<)") && e.line() == 6),
                errors::toString);
    }

    private record Case(String placeholder, String value, String yaml) {
        @Override
        public String toString() {
            return placeholder + " = " + value;
        }
    }

    private static Case place(String placeholder, String value) {
        String yaml = TEMPLATE.replace(placeholder, value);
        for (var d : DEFAULTS.entrySet()) {
            yaml = yaml.replace(d.getKey(), d.getValue());
        }
        return new Case(placeholder, value, yaml);
    }

    private void refused(Case c, String path, String... fragments) throws IOException {
        Outcome file = fromFile(c);
        assertNotNull(file.errors(), () -> c + " was accepted from the file");
        ConfigError error = file.errors().stream().filter(e -> e.path().equals(path)).findFirst()
                .orElseGet(() -> fail(c + ": no error at " + path + ": " + file.errors()));
        for (String fragment : fragments) {
            assertTrue(error.message().contains(fragment), () -> "\"" + fragment + "\" not in: " + error);
        }
        assertTrue(error.line() > 0, () -> "no line in " + error);
    }

    private ConfigError only(Case c) throws IOException {
        List<ConfigError> errors = fromFile(c).errors();
        assertNotNull(errors, c::toString);
        assertEquals(1, errors.size(), errors::toString);
        return errors.get(0);
    }

    private Outcome fromFile(Case c) throws IOException {
        Path file = write(c.yaml());
        try {
            return new Outcome(SettingsParser.fromStackFile(file.getParent(), "dev"), null);
        } catch (ConfigException e) {
            return new Outcome(null, e.errors());
        }
    }

    private List<ConfigError> errors(Path file) {
        try {
            SettingsParser.fromStackFile(file.getParent(), "dev");
            return fail("accepted");
        } catch (ConfigException e) {
            return e.errors();
        }
    }

    private static Outcome fromEngine(Case c) {
        try {
            return new Outcome(SettingsParser.fromEngineConfig("dev", PulumiEngineEncoding.of(c.yaml())), null);
        } catch (ConfigException e) {
            return new Outcome(null, e.errors());
        }
    }

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("Pulumi.dev.yaml");
        Files.writeString(file, yaml);
        return file;
    }
}

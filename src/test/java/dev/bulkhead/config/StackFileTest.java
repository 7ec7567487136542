package dev.bulkhead.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.bulkhead.config.Fixtures.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a stack file as a whole can get wrong, each said in one error that points into the file. */
class StackFileTest {

    private static final String MINIMAL = """
            config:
              aws:region: eu-west-1
              bulkhead:network:
                cidr: 10.40.0.0/16
              bulkhead:cluster:
                kubernetesVersion: "1.31"
                nodeGroups:
                  - name: general
                    instanceTypes: [m6i.large]
              bulkhead:access:
                admins: [arn:aws:iam::111122223333:user/alice]
              bulkhead:projects:
                - name: shop
                  namespaces: [shop]
                - name: billing
                  namespaces: [billing]
            """;

    @TempDir
    Path dir;

    @Test
    void anEmptyFileSaysSo() throws IOException {
        for (String text : List.of("", "# nothing yet\n", "---\n")) {
            ConfigError only = only(text);
            assertError(only, file().toString(), "the file is empty; a stack file holds a config: mapping");
        }
    }

    @Test
    void aMisspeltConfigKeySaysSoInsteadOfListingMissingKeys() throws IOException {
        ConfigError only = only(MINIMAL.replace("config:", "confg:"));
        assertError(only, file().toString(), "unknown top-level key \"confg\"; did you mean \"config\"?");
        assertEquals(1, only.line());
        assertError(only("config:\n"), file().toString(), "config: is empty");
        assertError(only("environment: [aws-creds]\n" + MINIMAL), file().toString(), "imports Pulumi ESC environments");
    }

    @Test
    void aByteThatIsNotUtf8NamesItsLine() throws IOException, ConfigException {
        byte[] text = MINIMAL.replace("name: billing", "name: b\u00e9lling").getBytes(StandardCharsets.UTF_8);
        byte[] latin1 = MINIMAL.replace("name: billing", "name: b\u00e9lling").getBytes(StandardCharsets.ISO_8859_1);
        Files.write(file(), latin1);
        ConfigException e = assertThrows(ConfigException.class, () -> SettingsParser.fromStackFile(dir, "dev"));
        assertError(e.errors().get(0), file().toString(), "byte 0xE9 at line 15 is not UTF-8", "save the file as UTF-8");
        assertEquals(15, e.errors().get(0).line());

        Files.write(file(), text);
        ConfigException utf8 = assertThrows(ConfigException.class, () -> SettingsParser.fromStackFile(dir, "dev"));
        assertEquals("bulkhead:projects[1].name", utf8.errors().get(0).path(), "UTF-8 is read; the name is then wrong");

        Files.writeString(file(), "\uFEFF" + MINIMAL);
        assertEquals(List.of("shop", "billing"), SettingsParser.fromStackFile(dir, "dev").projects().stream()
                .map(p -> p.name()).toList(), "a byte-order mark is allowed");
    }

    @Test
    void aSecretIsRefusedWithWhatToDoAndNeverShown() throws IOException {
        String ciphertext = "v1:ZmFrZWNpcGhlcnRleHQ=:AAAAAAAA";
        ConfigException e = error(MINIMAL + "  bulkhead:environment:\n    secure: " + ciphertext + "\n"
                + "  aws:secretKey:\n    secure: " + ciphertext + "\n");
        assertEquals(1, e.errors().size(), e::getMessage);
        assertError(e.errors().get(0), "bulkhead:environment", "is a Pulumi secret (secure:)",
                "write this setting in plain text", "Kubernetes Secret");
        assertEquals(17, e.errors().get(0).line());
        assertFalse(e.getMessage().contains("ZmFrZWNpcGhlcnRleHQ"), e::getMessage);

        ConfigException nested = error(MINIMAL.replace("cidr: 10.40.0.0/16", "cidr:\n      secure: " + ciphertext));
        assertError(nested.errors().get(0), "bulkhead:network.cidr", "is a Pulumi secret");
        assertEquals(1, nested.errors().size(), nested::getMessage);
    }

    @Test
    void theEngineRefusesASecretKeyAsTheFileRefusesSecure() {
        Map<String, String> flat = SettingsParser.withSecretsMarked(Fixtures.flatten(Fixtures.reference()),
                "[\"bulkhead:environment\",\"aws:secretKey\"]");
        assertFalse(flat.get("bulkhead:environment").contains("production"), "the secret's value is dropped");
        ConfigException e = assertThrows(ConfigException.class, () -> SettingsParser.fromEngineConfig("dev", flat));
        assertEquals(1, e.errors().size(), e::getMessage);
        assertError(e.errors().get(0), "bulkhead:environment", "is a Pulumi secret (secure:)");
    }

    @Test
    void aMissingFileNamesTheStacksThatExist() throws IOException {
        Files.writeString(dir.resolve("Pulumi.dev.yaml"), MINIMAL);
        Files.writeString(dir.resolve("Pulumi.prod.yaml"), MINIMAL);
        Files.writeString(dir.resolve("Pulumi.yaml"), "name: bulkhead\n");
        ConfigException e = assertThrows(ConfigException.class, () -> SettingsParser.fromStackFile(dir, "staging"));
        assertError(e.errors().get(0), dir.resolve("Pulumi.staging.yaml").toString(), "stack file not found",
                "the stacks here are dev, prod");
    }

    @Test
    void thousandsOfUnknownKeysAreCounted() throws IOException {
        StringBuilder text = new StringBuilder(MINIMAL);
        StringBuilder nested = new StringBuilder(MINIMAL.replace("    cidr: 10.40.0.0/16\n", "    cidr: 10.40.0.0/16\n"
                + "@KEYS@"));
        StringBuilder keys = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            text.append("  bulkhead:stray").append(i).append(": x\n");
            keys.append("    stray").append(i).append(": x\n");
        }
        ConfigException top = error(text.toString());
        assertEquals(ConfigReader.UNKNOWN_KEYS_LISTED + 1, top.errors().size(), () -> top.errors().subList(0, 3).toString());
        assertError(top.errors().get(ConfigReader.UNKNOWN_KEYS_LISTED), "config", "and 4990 more unknown keys");
        assertTrue(top.getMessage().length() < 5000, "the message stays readable");

        ConfigException inner = error(nested.toString().replace("@KEYS@", keys));
        assertError(inner.errors().get(ConfigReader.UNKNOWN_KEYS_LISTED), "bulkhead:network", "and 4990 more unknown keys");
    }

    @Test
    void aTopLevelKeyTypoGetsADidYouMean() throws IOException {
        ConfigException e = error(MINIMAL.replace("bulkhead:projects:", "bulkhead:project:"));
        assertEquals(1, e.errors().size(), e::getMessage);
        assertError(e.errors().get(0), "bulkhead:project", "this value is a list; did you mean \"bulkhead:projects\"");
        assertEquals(12, e.errors().get(0).line());
        assertError(error(MINIMAL.replace("bulkhead:access:", "bulkhead:acess:")).errors().get(0), "bulkhead:acess",
                "did you mean \"bulkhead:access\"?");
    }

    @Test
    void errorsNameTheProjectAndTheLine() throws IOException {
        ConfigException e = error(MINIMAL.replace("namespaces: [billing]", "namespaces: [kube-system]"));
        ConfigError error = e.errors().get(0);
        assertEquals("bulkhead:projects[1].namespaces[0]", error.path());
        assertEquals("billing", error.project());
        assertEquals(16, error.line());
        assertTrue(e.getMessage().startsWith("bulkhead:projects[billing].namespaces[0] (line 16): \"kube-system\" is "
                + "reserved"), e::getMessage);
    }

    @Test
    void aDuplicateTopLevelKeyNamesBothLines() throws IOException {
        ConfigException e = error(MINIMAL + "  network:\n    cidr: 10.50.0.0/16\n");
        assertError(e.errors().get(0), file().toString(), "duplicate key \"network\" (\"bulkhead:network\")",
                "already set at line 3");
        assertEquals(17, e.errors().get(0).line());
    }

    private ConfigError only(String text) throws IOException {
        ConfigException e = error(text);
        assertEquals(1, e.errors().size(), e::getMessage);
        return e.errors().get(0);
    }

    private ConfigException error(String text) throws IOException {
        Files.writeString(file(), text);
        return assertThrows(ConfigException.class, () -> SettingsParser.fromStackFile(dir, "dev"));
    }

    private Path file() {
        return dir.resolve("Pulumi.dev.yaml");
    }
}

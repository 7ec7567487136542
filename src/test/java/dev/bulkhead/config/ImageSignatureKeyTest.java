package dev.bulkhead.config;

import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

import static dev.bulkhead.config.Fixtures.assertOnlyError;
import static dev.bulkhead.config.Fixtures.reference;
import static dev.bulkhead.config.Fixtures.set;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** {@code bulkhead:platform.imageSignatureKey}: optional, and when set a PEM public key cosign could have written. */
class ImageSignatureKeyTest {

    private static final String KEY = "bulkhead:platform.imageSignatureKey";

    @Test
    void absentMeansNoSignatureVerification() {
        assertNull(Fixtures.parse(reference()).platform().imageSignatureKey());
    }

    @Test
    void aGeneratedEcPublicKeyIsAccepted() throws Exception {
        String pem = pem("PUBLIC KEY", keyPair().getPublic().getEncoded());
        var spec = Fixtures.parse(set(reference(), KEY, pem)).platform();
        assertEquals(pem.strip() + "\n", spec.imageSignatureKey());
    }

    @Test
    void aPrivateKeyIsRejectedWithItsOwnMessage() throws Exception {
        assertOnlyError(set(reference(), KEY, pem("PRIVATE KEY", keyPair().getPrivate().getEncoded())), KEY,
                "\"-----BEGIN PRIVATE KEY-----\" is a private key",
                "give the cosign public key (cosign.pub)");
    }

    @Test
    void textThatIsNotPemIsRejected() {
        assertOnlyError(set(reference(), KEY, "ssh-ed25519 AAAAC3Nza alice@laptop"), KEY,
                "\"ssh-ed25519 AAAAC3Nza alice@laptop\" is not a PEM public key",
                "from -----BEGIN PUBLIC KEY----- to -----END PUBLIC KEY-----");
    }

    @Test
    void aBodyThatIsNotBase64IsRejected() {
        assertOnlyError(set(reference(), KEY, "-----BEGIN PUBLIC KEY-----\nnot*base64!\n-----END PUBLIC KEY-----"),
                KEY, "has a body that is not base64");
    }

    @Test
    void base64ThatIsNoKeyIsRejected() {
        assertOnlyError(set(reference(), KEY, pem("PUBLIC KEY", "certainly not a key".getBytes())), KEY,
                "is not an EC, RSA or Ed25519 public key");
    }

    private static KeyPair keyPair() throws Exception {
        var generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}

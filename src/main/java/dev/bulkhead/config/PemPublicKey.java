package dev.bulkhead.config;

import java.security.KeyFactory;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Checks that a config value is a PEM public key as cosign writes it ({@code cosign.pub}): one
 * {@code PUBLIC KEY} block whose body is an X.509 SubjectPublicKeyInfo of an EC, RSA or Ed25519 key. Returns the
 * problem, if any, as text for a config error; a private key gets its own message, as pasting one into stack
 * config is the mistake that matters most.
 */
final class PemPublicKey {

    static final String BEGIN = "-----BEGIN PUBLIC KEY-----";
    static final String END = "-----END PUBLIC KEY-----";
    private static final List<String> ALGORITHMS = List.of("EC", "RSA", "Ed25519");

    private PemPublicKey() {
    }

    static Optional<String> problem(String text) {
        String pem = text.strip();
        if (pem.contains("PRIVATE KEY")) {
            return Optional.of("is a private key; give the cosign public key (cosign.pub) and keep the private key "
                    + "out of stack config");
        }
        if (!pem.startsWith(BEGIN) || !pem.endsWith(END)) {
            return Optional.of("is not a PEM public key; paste the cosign public key from " + BEGIN + " to " + END);
        }
        String body = pem.substring(BEGIN.length(), pem.length() - END.length()).replaceAll("\\s", "");
        byte[] der;
        try {
            der = Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            return Optional.of("has a body that is not base64; paste the key exactly as cosign wrote it");
        }
        for (String algorithm : ALGORITHMS) {
            try {
                KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
                return Optional.empty();
            } catch (InvalidKeySpecException | java.security.NoSuchAlgorithmException | RuntimeException e) {
                // try the next algorithm
            }
        }
        return Optional.of("is not an EC, RSA or Ed25519 public key; paste the cosign public key (cosign.pub)");
    }
}

package dev.bulkhead.mock;

import java.util.Map;

/**
 * The outputs Pulumi's {@code tls} provider computes: PEM text that is plainly a placeholder, so that nothing
 * rendered offline can be mistaken for (or used as) a real key or certificate.
 */
final class TlsOutputs {

    private TlsOutputs() {
    }

    static void add(String type, String name, Map<String, Object> state) {
        switch (type) {
            case "tls:index/privateKey:PrivateKey" -> {
                state.put("privateKeyPem", "-----BEGIN EC PRIVATE KEY-----\nMOCK " + name + "\n-----END EC PRIVATE KEY-----\n");
                state.put("publicKeyPem", "-----BEGIN PUBLIC KEY-----\nMOCK " + name + "\n-----END PUBLIC KEY-----\n");
            }
            case "tls:index/selfSignedCert:SelfSignedCert" -> {
                state.put("certPem", "-----BEGIN CERTIFICATE-----\nMOCK " + name + "\n-----END CERTIFICATE-----\n");
                state.put("readyForRenewal", false);
            }
            default -> {
            }
        }
    }
}

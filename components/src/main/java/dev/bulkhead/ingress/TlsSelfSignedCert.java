package dev.bulkhead.ingress;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ResourceArgs;

import javax.annotation.Nullable;
import java.util.List;
import java.util.Map;

/**
 * A self-signed server certificate made by Pulumi's {@code tls} provider ({@value #TYPE}), registered through this
 * class for the reason given on {@link TlsPrivateKey}. Once the certificate is within {@code earlyRenewalHours} of
 * its end, the provider plans its replacement on the next {@code pulumi up}: that is how it rotates.
 */
public final class TlsSelfSignedCert extends CustomResource {

    public static final String TYPE = "tls:index/selfSignedCert:SelfSignedCert";

    @Export(name = "certPem", refs = {String.class}, tree = "[0]")
    private Output<String> certPem;

    public TlsSelfSignedCert(String name, Output<String> privateKeyPem, String commonName, List<String> dnsNames,
                             int validityHours, int earlyRenewalHours, @Nullable CustomResourceOptions options) {
        super(TYPE, name, new Args(privateKeyPem, commonName, dnsNames, validityHours, earlyRenewalHours),
                TlsProvider.options(options));
    }

    /** The certificate in PEM. */
    public Output<String> certPem() {
        return certPem;
    }

    private static final class Args extends ResourceArgs {

        @Import(name = "privateKeyPem", required = true)
        private final Output<String> privateKeyPem;

        @Import(name = "subject")
        private final Output<Map<String, String>> subject;

        @Import(name = "dnsNames")
        private final Output<List<String>> dnsNames;

        @Import(name = "validityPeriodHours", required = true)
        private final Output<Integer> validityPeriodHours;

        @Import(name = "earlyRenewalHours")
        private final Output<Integer> earlyRenewalHours;

        @Import(name = "allowedUses", required = true)
        private final Output<List<String>> allowedUses =
                Output.of(List.of("digital_signature", "key_encipherment", "server_auth"));

        Args(Output<String> privateKeyPem, String commonName, List<String> dnsNames, int validityHours,
             int earlyRenewalHours) {
            this.privateKeyPem = privateKeyPem.asSecret();
            this.subject = Output.of(Map.of("commonName", commonName, "organization", "bulkhead"));
            this.dnsNames = Output.of(List.copyOf(dnsNames));
            this.validityPeriodHours = Output.of(validityHours);
            this.earlyRenewalHours = Output.of(earlyRenewalHours);
        }
    }
}

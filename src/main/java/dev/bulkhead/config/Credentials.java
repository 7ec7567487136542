package dev.bulkhead.config;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Keeps credentials out of error messages. A config value may carry one by mistake (a token in a repository URL, an
 * access key pasted into the wrong key, a private key instead of a public one); a message names the value so the
 * user can find it, and CI logs keep messages, so the secret part is replaced before the value is shown.
 */
final class Credentials {

    static final String REDACTED = "<redacted>";

    /** {@code user:password@} in a URL. */
    private static final Pattern USER_INFO = Pattern.compile("(?<=://)[^/@\\s]+@");
    /** A query parameter whose name says it holds a secret. */
    private static final Pattern SECRET_PARAMETER = Pattern.compile(
            "(?i)([?&;][^=&#\\s]*(token|secret|password|passwd|pwd|key|signature|credential|auth)[^=&#\\s]*=)[^&#\\s]*");
    /** Well-known token formats: AWS access key ids, GitHub, GitLab, Slack, Pulumi and Stripe tokens, JWTs. */
    private static final List<Pattern> TOKENS = List.of(
            Pattern.compile("\\b(AKIA|ASIA)[A-Z0-9]{16}\\b"),
            Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{20,}"),
            Pattern.compile("\\bgithub_pat_[A-Za-z0-9_]{20,}"),
            Pattern.compile("\\bglpat-[A-Za-z0-9_-]{20,}"),
            Pattern.compile("\\bxox[abprs]-[A-Za-z0-9-]{10,}"),
            Pattern.compile("\\bpul-[a-f0-9]{40}\\b"),
            Pattern.compile("\\b[sr]k_(live|test)_[A-Za-z0-9]{10,}"),
            Pattern.compile("\\beyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}"));
    /** A PEM private key: its header stays, to say what it is; everything after it goes. */
    private static final Pattern PRIVATE_KEY = Pattern.compile("(-----BEGIN [A-Z ]*PRIVATE KEY-----)\\s*\\S[\\s\\S]*");

    private Credentials() {
    }

    /** {@code text} with every credential it carries replaced by {@value #REDACTED}. */
    static String redact(String text) {
        String out = PRIVATE_KEY.matcher(text).replaceAll("$1 " + REDACTED);
        out = USER_INFO.matcher(out).replaceAll(REDACTED + "@");
        out = SECRET_PARAMETER.matcher(out).replaceAll("$1" + REDACTED);
        for (Pattern token : TOKENS) {
            out = token.matcher(out).replaceAll(REDACTED);
        }
        return out;
    }
}

package dev.bulkhead.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean" for typos: the closest candidate within a small edit distance. Config errors and {@code reach}'s
 * unknown names both use it.
 */
public final class Suggestions {

    /** Further than this many single-character edits, a candidate is not offered. */
    static final int MAX_DISTANCE = 2;

    private Suggestions() {
    }

    /** The candidate closest to {@code input} (ignoring case) if it is at most {@link #MAX_DISTANCE} edits away. */
    public static Optional<String> closest(String input, Collection<String> candidates) {
        String best = null;
        int bestDistance = MAX_DISTANCE + 1;
        for (String candidate : candidates) {
            int d = distance(input.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** {@code "; did you mean "x"? <then>"}, or {@code "; <then>"} when nothing is close. */
    static String didYouMean(String input, Collection<String> candidates, String then) {
        return closest(input, candidates).map(c -> "; did you mean " + ConfigReader.quote(c) + "? ").orElse("; ") + then;
    }

    /** Edit distance where insertions, deletions, substitutions and swaps of neighbours each cost one. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}

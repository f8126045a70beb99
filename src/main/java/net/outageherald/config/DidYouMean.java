package net.outageherald.config;

import java.util.Collection;
import java.util.Locale;
import java.util.TreeSet;

/** Suggests the known key an unknown one was probably meant to be, by edit distance. */
final class DidYouMean {

    private DidYouMean() {
    }

    /** {@code " (did you mean 'detection'?)"}, or {@code ""} when no known key is close enough. */
    static String hint(String unknown, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        // sorted so that ties give the same suggestion on every run
        for (String candidate : new TreeSet<>(known)) {
            int d = squashed(unknown).equals(squashed(candidate)) ? 0 : distance(unknown.toLowerCase(Locale.ROOT), candidate);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        // a third of the word, at least one and at most three edits: beyond that the guess is noise
        int allowed = Math.max(1, Math.min(3, unknown.length() / 3));
        return best != null && bestDistance <= allowed ? " (did you mean '" + best + "'?)" : "";
    }

    /** pollInterval, poll_interval and Poll-Interval all squash to the same word as poll-interval. */
    private static String squashed(String key) {
        return key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    }

    /** Levenshtein distance with two rows. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}

package net.outageherald.chat.telegram;

import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * Shortens one text so a message fits: a list (lines, or comma-separated items) keeps its first items
 * and says how many it left out; plain text is cut at a character boundary with an ellipsis.
 */
final class Shorten {

    /** Texts this short are not worth shortening further. */
    static final int MIN_WORTH = 40;

    private Shorten() {
    }

    /** {@code text} cut to {@code max} characters (without splitting a surrogate pair), with "…" if cut. */
    static String clip(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        if (max < 2) {
            return "…";
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }

    /**
     * The longest shortening of {@code text} that is {@code enough}; if none is, the shortest one, so the
     * caller can go on with the next part. {@code enough} must hold for every text shorter than one it
     * holds for.
     */
    static String by(String text, Predicate<String> enough) {
        String sep = text.contains("\n") ? "\n" : text.contains(", ") ? ", " : null;
        if (sep != null) {
            List<String> items = Arrays.asList(text.split(sep.equals("\n") ? "\n" : ", "));
            if (items.size() > 1) {
                return keepItems(items, sep, enough);
            }
        }
        int lo = 1;
        int hi = text.length() - 1;
        while (lo < hi) { // largest length that is enough
            int mid = (lo + hi + 1) >>> 1;
            if (enough.test(clip(text, mid))) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return clip(text, Math.max(2, lo));
    }

    private static String keepItems(List<String> items, String sep, Predicate<String> enough) {
        int lo = 0;
        int hi = items.size() - 1;
        while (lo < hi) { // most items kept that fit
            int mid = (lo + hi + 1) >>> 1;
            if (enough.test(kept(items, mid, sep))) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return kept(items, lo, sep);
    }

    private static String kept(List<String> items, int keep, String sep) {
        String more = "… and " + (items.size() - keep) + " more";
        if (keep == 0) {
            return more;
        }
        return String.join(sep, items.subList(0, keep)) + (sep.equals("\n") ? "\n" : ", ") + more;
    }
}

package net.outageherald.source.rislive;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.time.Instant;

/**
 * Reads the small values of a RIS Live frame straight from the parser's characters, so that the ~10,000
 * frames a second cost no string for their type, their collector, their peer AS or their timestamp: a value
 * is matched against the few it can be ({@code "ris_message"}, {@code "UPDATE"}, {@code "rrc21.ripe.net"}…)
 * and only anything else is read as a string. The parser stands on the value.
 */
final class FrameText {

    private static final String RIPE_NET = ".ripe.net";
    /** {@code rrcNN} by NN, made on first sight. Racy but benign: a String is immutable. */
    private static final String[] RRC = new String[100];

    private FrameText() {
    }

    /** The value if it is one of {@code known} (the very instance), else the value read as a new string. */
    static String oneOf(JsonParser p, String[] known) throws IOException {
        char[] c = p.getTextCharacters();
        int off = p.getTextOffset();
        int len = p.getTextLength();
        for (String k : known) {
            if (equal(c, off, len, k)) {
                return k;
            }
        }
        return p.getText();
    }

    /** {@code rrc21.ripe.net} → {@code rrc21} without a string per frame; null if the host is not of that form. */
    static String rrc(JsonParser p) throws IOException {
        char[] c = p.getTextCharacters();
        int off = p.getTextOffset();
        int len = p.getTextLength();
        if (len != 5 + RIPE_NET.length() || c[off] != 'r' || c[off + 1] != 'r' || c[off + 2] != 'c') {
            return null;
        }
        int d1 = c[off + 3] - '0';
        int d2 = c[off + 4] - '0';
        if (d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9 || !equal(c, off + 5, RIPE_NET.length(), RIPE_NET)) {
            return null;
        }
        int n = d1 * 10 + d2;
        String name = RRC[n];
        if (name == null) {
            name = "rrc" + d1 + d2;
            RRC[n] = name;
        }
        return name;
    }

    /** A string of 1 to 18 decimal digits as a number; -1 if it is anything else. */
    static long digits(JsonParser p) throws IOException {
        char[] c = p.getTextCharacters();
        int off = p.getTextOffset();
        int len = p.getTextLength();
        if (len == 0 || len > 18) {
            return -1;
        }
        long v = 0;
        for (int i = off; i < off + len; i++) {
            int d = c[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    /**
     * A timestamp written as decimal seconds ({@code 1795343389.317}), to the microsecond (rounded half up on
     * the seventh digit), read from its characters; null for any other spelling (an exponent, a sign), which
     * the caller reads as a double.
     */
    static Instant seconds(JsonParser p) throws IOException {
        char[] c = p.getTextCharacters();
        int off = p.getTextOffset();
        int end = off + p.getTextLength();
        long whole = 0;
        int i = off;
        for (; i < end && c[i] != '.'; i++) {
            int d = c[i] - '0';
            if (d < 0 || d > 9 || i - off >= 15) {
                return null;
            }
            whole = whole * 10 + d;
        }
        if (i == off) {
            return null;
        }
        long micros = 0;
        int digits = 0;
        boolean roundUp = false;
        if (i < end) {
            for (i++; i < end; i++) {
                int d = c[i] - '0';
                if (d < 0 || d > 9) {
                    return null;
                }
                if (digits < 6) {
                    micros = micros * 10 + d;
                } else if (digits == 6) {
                    roundUp = d >= 5;
                }
                digits++;
            }
        }
        for (int k = digits; k < 6; k++) {
            micros *= 10;
        }
        if (roundUp && ++micros == 1_000_000) {
            whole++;
            micros = 0;
        }
        return Instant.ofEpochSecond(whole, micros * 1_000);
    }

    private static boolean equal(char[] c, int off, int len, String s) {
        if (len != s.length()) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (c[off + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}

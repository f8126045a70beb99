package net.outageherald.command;

import java.text.Normalizer;

/**
 * What people type, made safe to parse and to echo back. Full-width and other compatibility forms are
 * folded (NFKC: "ＡＳ１３１２７９" reads as "AS131279"); controls (NUL, tabs, newlines, line separators)
 * become spaces; invisible format characters (zero-width spaces and joiners, direction marks, embeddings,
 * overrides and isolates, byte-order marks) and unpaired surrogates are removed. So a target pasted with
 * invisible characters still parses, and an echo of it can neither reverse the rest of a reply nor carry
 * text the platform's encoding refuses.
 */
public final class CommandText {

    private CommandText() {
    }

    /** The cleaned text; never null ({@code null} gives ""). */
    public static String clean(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String folded = Normalizer.normalize(pairedSurrogatesOnly(text), Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(folded.length());
        folded.codePoints().forEach(cp -> {
            switch (Character.getType(cp)) {
                case Character.CONTROL, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> out.append(' ');
                case Character.FORMAT -> { } // invisible: dropped
                default -> out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    /** Drops every surrogate that is not half of a pair: no encoding can carry one. */
    private static String pairedSurrogatesOnly(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (paired) {
                if (out != null) {
                    out.append(c).append(text.charAt(i + 1));
                }
                i++;
            } else if (Character.isSurrogate(c)) {
                if (out == null) {
                    out = new StringBuilder(text.length()).append(text, 0, i);
                }
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }
}

package net.outageherald.chat.telegram;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a reply as Telegram's HTML parse mode reads it: only the tags the renderer emits ({@code b},
 * {@code i}, {@code a href}), balanced and nested; only the four entities it escapes with; no character
 * Telegram refuses; and the text a person sees within 4,096 characters.
 */
final class TelegramHtml {

    /** {@code <b>}, {@code <i>}, {@code <a href="…">} and their closing tags; nothing else. */
    private static final Pattern TAG = Pattern.compile("<(?:(?<open>b|i)|/(?<close>b|i|a)|(?<link>a) href=\"[^\"<>]*\")>");
    private static final Pattern ENTITY = Pattern.compile("&(amp|lt|gt|quot);");

    private TelegramHtml() {
    }

    /** What is wrong with {@code html}; empty when Telegram would accept and show it. */
    static List<String> problems(String html) {
        List<String> problems = new ArrayList<>();
        Deque<String> open = new ArrayDeque<>();
        for (int i = 0; i < html.length(); i++) {
            char c = html.charAt(i);
            if (c == '<') {
                Matcher tag = TAG.matcher(html).region(i, html.length());
                if (!tag.lookingAt()) {
                    problems.add("a tag we never emit at " + i + ": " + excerpt(html, i));
                    continue;
                }
                String close = tag.group("close");
                if (close == null) {
                    open.push(tag.group("open") != null ? tag.group("open") : tag.group("link"));
                } else if (open.isEmpty() || !open.pop().equals(close)) {
                    problems.add("unbalanced </" + close + "> at " + i);
                }
                i = tag.end() - 1;
            } else if (c == '>') {
                problems.add("a bare '>' at " + i);
            } else if (c == '&' && !ENTITY.matcher(html).region(i, html.length()).lookingAt()) {
                problems.add("a bare '&' at " + i + ": " + excerpt(html, i));
            } else if (Character.isHighSurrogate(c) && i + 1 < html.length() && Character.isLowSurrogate(html.charAt(i + 1))) {
                i++; // a pair: one character outside the BMP
            } else if (Character.isSurrogate(c)) {
                problems.add("an unpaired surrogate at " + i);
            } else if (Character.isISOControl(c) && c != '\n') {
                problems.add("control character U+" + Integer.toHexString(c) + " at " + i);
            }
        }
        if (!open.isEmpty()) {
            problems.add("unclosed " + open);
        }
        if (visible(html).length() > TelegramRenderer.MAX_LENGTH) {
            problems.add("too long: " + visible(html).length() + " characters after entities");
        }
        return problems;
    }

    /** The text as Telegram counts it: tags gone, entities decoded. */
    static String visible(String html) {
        return html.replaceAll("</?(b|i|a)( href=\"[^\"<>]*\")?>", "")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
    }

    private static String excerpt(String html, int at) {
        return html.substring(at, Math.min(html.length(), at + 30));
    }
}

package net.outageherald.source.ripestat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.OptionalLong;

/** Forgiving readers for the value shapes RIPEstat uses inconsistently across data calls. */
final class RipeStatJson {

    private static final long MAX_ASN = 4_294_967_295L;

    private RipeStatJson() {
    }

    /** An ASN given as a number ({@code 3333}) or a string ({@code "3333"}, {@code "AS3333"}); empty otherwise. */
    static OptionalLong asn(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return OptionalLong.empty();
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? validAsn(node.longValue()) : OptionalLong.empty();
        }
        return node.isTextual() ? asn(node.textValue()) : OptionalLong.empty();
    }

    static OptionalLong asn(String text) {
        String s = text.trim();
        if (s.regionMatches(true, 0, "AS", 0, 2)) {
            s = s.substring(2);
        }
        // digits only: no signs, no AS_SETs such as {1,2}, no asdot
        if (s.isEmpty() || s.length() > 10 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.empty();
        }
        return validAsn(Long.parseLong(s));
    }

    private static OptionalLong validAsn(long asn) {
        return asn >= 0 && asn <= MAX_ASN ? OptionalLong.of(asn) : OptionalLong.empty();
    }

    /**
     * A RIPEstat timestamp. Most calls leave out the zone ({@code 2025-06-11T16:08:51.989470}, UTC implied);
     * some add {@code +00:00} or {@code Z}. Throws {@link DateTimeParseException} on anything else.
     */
    static Instant time(String text) {
        String s = text.trim().replace(' ', 'T');
        TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parse(s);
        if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
            return OffsetDateTime.from(parsed).toInstant();
        }
        return LocalDateTime.from(parsed).toInstant(ZoneOffset.UTC);
    }

    /** How RIPEstat writes times in its own answers (UTC, no zone), which is therefore what it surely accepts. */
    static String formatTime(Instant instant) {
        return DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT)
                .format(instant.atOffset(ZoneOffset.UTC));
    }

    /** Text of a field, or null when absent, null or not a string. */
    static String text(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        return node != null && node.isTextual() ? node.textValue() : null;
    }
}

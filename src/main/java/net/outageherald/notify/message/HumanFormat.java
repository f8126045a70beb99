package net.outageherald.notify.message;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import net.outageherald.model.Country;
import java.util.stream.Collectors;

/**
 * Numbers, times and durations the way people read them: "9 h 31 min", "16:15 UTC (01:15 KST)".
 *
 * <p>The rule for local times, the same in every message: a time about a target is shown in UTC and, when
 * the target's country is known, in that country's time. A country that keeps one clock shows its zone's
 * abbreviation ("23 Dec 01:15 KST"); a country of several clocks (US, RU, CA, AU, BR, ...) shows its main
 * zone and names that zone's city, so nobody in Los Angeles takes it for theirs ("22 Dec 11:15 EST, New
 * York"). Times about our own monitoring (when a check ran, since when data is missing) stay in UTC.
 */
public final class HumanFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter ZONE = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);

    private HumanFormat() {
    }

    /** "22 Dec 16:15 UTC", plus the local time in brackets when a zone other than UTC is given. */
    public static String time(Instant at, ZoneId local) {
        String utc = TIME.format(at.atZone(ZoneOffset.UTC)) + " UTC";
        if (local == null || local.normalized().equals(ZoneOffset.UTC)) {
            return utc;
        }
        var z = at.atZone(local);
        return utc + " (" + TIME.format(z) + " " + ZONE.format(z) + ")";
    }

    /**
     * A time about a target of {@code country} (null when unknown: UTC only), by the rule in the class
     * comment: "22 Dec 16:15 UTC (23 Dec 01:15 KST)", or "22 Dec 16:15 UTC (22 Dec 11:15 EST, New York)".
     */
    public static String timeIn(Instant at, Country country) {
        if (country == null) {
            return time(at, null);
        }
        String both = time(at, country.zone());
        if (!country.severalClocks() || !both.endsWith(")")) {
            return both;
        }
        return both.substring(0, both.length() - 1) + ", " + city(country.zone()) + ")";
    }

    /** "America/New_York" → "New York", "America/Argentina/Buenos_Aires" → "Buenos Aires". */
    static String city(ZoneId zone) {
        String id = zone.getId();
        return id.substring(id.lastIndexOf('/') + 1).replace('_', ' ');
    }

    /** 1024 → "1,024". */
    public static String number(long n) {
        // by hand: String.format parses its pattern and looks up the locale's symbols on every call
        String digits = n < 0 ? Long.toString(n).substring(1) : Long.toString(n);
        StringBuilder out = new StringBuilder(digits.length() + digits.length() / 3 + 1);
        if (n < 0) {
            out.append('-');
        }
        int lead = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        out.append(digits, 0, lead);
        for (int i = lead; i < digits.length(); i += 3) {
            out.append(',').append(digits, i, i + 3);
        }
        return out.toString();
    }

    /** The first {@code max} items joined, then "… and N more". */
    public static String list(List<String> items, int max) {
        if (items.size() <= max) {
            return String.join(", ", items);
        }
        return items.stream().limit(max).collect(Collectors.joining(", ")) + " … and " + (items.size() - max) + " more";
    }

    /** "1 prefix", "4 prefixes". */
    public static String count(long n, String one, String many) {
        return number(n) + " " + (n == 1 ? one : many);
    }
}

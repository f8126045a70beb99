package net.outageherald.notify.message;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Numbers, times and durations the way people read them: "9 h 31 min", "16:15 UTC (01:15 KST)". */
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

    /** 1024 → "1,024". */
    public static String number(long n) {
        return String.format(Locale.ENGLISH, "%,d", n);
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

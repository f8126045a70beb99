package net.outageherald.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every country we know by code or English name. Names come from the JDK's CLDR data ("North Korea"),
 * time zones and alternative names from the tz database table shipped as {@code countries.tsv}, which
 * also lists each country's other zones so that a country keeping several clocks is known as such.
 */
public final class Countries {

    private static final Countries INSTANCE = load();
    /** "North Korea (KP)": a name and its code, as our messages show a country. */
    private static final Pattern LABEL = Pattern.compile("(.+?)\\s*\\(([A-Za-z]{2})\\)");

    private final Map<String, Country> byCode;
    private final Map<String, Country> byName;
    /** Each country's own name as {@link #key} makes it, by code: matching compares these at every keystroke. */
    private final Map<String, String> nameKeys = new HashMap<>();

    private Countries(Map<String, Country> byCode, Map<String, Country> byName) {
        this.byCode = byCode;
        this.byName = byName;
        byCode.forEach((code, c) -> nameKeys.put(code, key(c.name())));
    }

    public static Countries all() {
        return INSTANCE;
    }

    public Optional<Country> byCode(String code) {
        return Optional.ofNullable(byCode.get(code.trim().toUpperCase(Locale.ROOT)));
    }

    /**
     * Looks up a code ("kp"), a name ("North Korea", "korea (north)", "cote d'ivoire", "USA") or a name with its
     * code as messages show it ("North Korea (KP)").
     */
    public Optional<Country> find(String text) {
        String t = text.trim();
        if (t.length() == 2) {
            Optional<Country> c = byCode(t);
            if (c.isPresent()) {
                return c;
            }
        }
        Optional<Country> named = Optional.ofNullable(byName.get(key(t)));
        Matcher labelled = LABEL.matcher(t);
        if (named.isEmpty() && labelled.matches()) {
            Optional<Country> c = byCode(labelled.group(2));
            if (c.isPresent() && c.equals(find(labelled.group(1)))) {
                return c; // the name and the code agree: "North Korea (KP)", never "France (KP)"
            }
        }
        return named;
    }

    /**
     * Countries for what someone is typing, best first: the code itself, then names (or other names: "USA",
     * "DPRK") that are the text, then codes and names that start with it, then names with a word that starts
     * with it ("korea"), then, from three letters on, names that contain it. Each group in name order.
     */
    public List<Country> matching(String partial, int max) {
        String p = key(partial == null ? "" : partial);
        Map<Country, Integer> rank = new HashMap<>();
        for (Country c : byCode.values()) {
            int r = p.isEmpty() ? NO_MATCH : rank(c.code().toLowerCase(Locale.ROOT), p, true);
            r = Math.min(r, rank(nameKeys.get(c.code()), p, false));
            if (r < NO_MATCH) {
                rank.put(c, r);
            }
        }
        byName.forEach((name, c) -> {
            int r = rank(name, p, false);
            if (r < NO_MATCH) {
                rank.merge(c, r + 1, Math::min); // another name of it: just after its own name's rank
            }
        });
        return rank.entrySet().stream()
                .sorted(Map.Entry.<Country, Integer>comparingByValue()
                        .thenComparing(e -> nameKeys.get(e.getKey().code())))
                .limit(Math.max(0, max)).map(Map.Entry::getKey).toList();
    }

    private static final int NO_MATCH = 100;

    private static int rank(String name, String p, boolean code) {
        if (name.equals(p)) {
            return 0;
        }
        if (name.startsWith(p)) {
            return code ? 2 : 3;
        }
        if (code) {
            return NO_MATCH;
        }
        if ((" " + name).contains(" " + p)) {
            return 5;
        }
        return p.length() >= 3 && name.contains(p) ? 7 : NO_MATCH;
    }

    public List<Country> list() {
        return Collections.unmodifiableList(new ArrayList<>(byCode.values()));
    }

    static String key(String name) {
        String n = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return n.toLowerCase(Locale.ROOT).replace('’', '\'').replaceAll("[^a-z0-9]+", " ").trim();
    }

    private static Countries load() {
        Map<String, Country> byCode = new LinkedHashMap<>();
        Map<String, Country> byName = new HashMap<>();
        InputStream in = Countries.class.getResourceAsStream("countries.tsv");
        if (in == null) {
            throw new IllegalStateException("countries.tsv missing from the class path");
        }
        Set<String> zones = ZoneId.getAvailableZoneIds(); // their names only: no zone's rules are read here
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                String code = f[0];
                String cldr = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
                String name = cldr.isBlank() || cldr.equals(code) ? f[1] : cldr;
                if (!zones.contains(f[2])) {
                    throw new IllegalStateException("countries.tsv: " + code + " names an unknown zone " + f[2]);
                }
                Country c = new Country(code, name, f[2], f.length > 3 ? List.of(f[3].split(" ")) : List.of());
                byCode.put(code, c);
                byName.put(key(name), c);
                byName.putIfAbsent(key(f[1]), c);
                byName.putIfAbsent(key(name.replaceAll("\\s*\\(.*\\)", "")), c); // "Myanmar (Burma)" -> "Myanmar"
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        alias(byName, byCode, "KP", "DPRK", "Democratic People's Republic of Korea");
        alias(byName, byCode, "KR", "Republic of Korea");
        alias(byName, byCode, "US", "USA", "United States of America", "America");
        alias(byName, byCode, "GB", "UK", "Great Britain", "England");
        alias(byName, byCode, "RU", "Russian Federation");
        alias(byName, byCode, "IR", "Islamic Republic of Iran");
        alias(byName, byCode, "SY", "Syrian Arab Republic");
        alias(byName, byCode, "CI", "Ivory Coast");
        alias(byName, byCode, "CD", "DRC", "DR Congo", "Democratic Republic of the Congo");
        alias(byName, byCode, "TR", "Turkiye");
        alias(byName, byCode, "AE", "UAE");
        return new Countries(byCode, byName);
    }

    /**
     * Whether any of {@code others} keeps a different time from {@code main} at some point of this year or
     * the next (sampled every two weeks, which no DST period is shorter than). Zones the JDK does not know
     * count as the same clock: better to name no city than to fail.
     */
    static boolean severalClocks(ZoneId main, List<String> others) {
        int year = Year.now(ZoneOffset.UTC).getValue();
        Instant from = LocalDate.of(year, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
        for (String other : others) {
            ZoneRules rules;
            try {
                rules = ZoneId.of(other).getRules();
            } catch (DateTimeException e) {
                continue;
            }
            for (Instant t = from; t.isBefore(from.plus(Duration.ofDays(730))); t = t.plus(Duration.ofDays(14))) {
                if (!rules.getOffset(t).equals(main.getRules().getOffset(t))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void alias(Map<String, Country> byName, Map<String, Country> byCode, String code, String... names) {
        Country c = byCode.get(code);
        if (c != null) {
            for (String n : names) {
                byName.putIfAbsent(key(n), c);
            }
        }
    }
}

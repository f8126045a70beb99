package net.outageherald.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every country we know by code or English name. Names come from the JDK's CLDR data ("North Korea"),
 * time zones and alternative names from the tz database table shipped as {@code countries.tsv}.
 */
public final class Countries {

    private static final Countries INSTANCE = load();

    private final Map<String, Country> byCode;
    private final Map<String, Country> byName;

    private Countries(Map<String, Country> byCode, Map<String, Country> byName) {
        this.byCode = byCode;
        this.byName = byName;
    }

    public static Countries all() {
        return INSTANCE;
    }

    public Optional<Country> byCode(String code) {
        return Optional.ofNullable(byCode.get(code.trim().toUpperCase(Locale.ROOT)));
    }

    /** Looks up a code ("kp") or a name ("North Korea", "korea (north)", "cote d'ivoire"). */
    public Optional<Country> find(String text) {
        String t = text.trim();
        if (t.length() == 2) {
            Optional<Country> c = byCode(t);
            if (c.isPresent()) {
                return c;
            }
        }
        return Optional.ofNullable(byName.get(key(t)));
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
                Country c = new Country(code, name, ZoneId.of(f[2]));
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

    private static void alias(Map<String, Country> byName, Map<String, Country> byCode, String code, String... names) {
        Country c = byCode.get(code);
        if (c != null) {
            for (String n : names) {
                byName.putIfAbsent(key(n), c);
            }
        }
    }
}

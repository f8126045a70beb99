package net.outageherald.model;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what people type ("as131279", "AS 131279", "175.45.176.0/22", "kp", "North Korea") into a
 * {@link Target}, or explains what forms are accepted.
 */
public final class TargetParser {

    public static final String ACCEPTED_FORMS =
            "Use an AS number (AS131279), a prefix (175.45.176.0/22 or 2001:db8::/32), "
                    + "or a country (KP or North Korea).";

    private static final int MAX_LENGTH = 100;
    private static final Pattern AS = Pattern.compile("(?i)^AS\\s*-?\\s*(\\d{1,10})$");
    private static final Pattern BARE_NUMBER = Pattern.compile("^\\d{1,10}$");

    private final Countries countries;

    public TargetParser(Countries countries) {
        this.countries = countries;
    }

    public TargetParser() {
        this(Countries.all());
    }

    /** Parses or throws {@link InvalidTargetException} with a message fit to show a user. */
    public Target parse(String input) {
        String text = input == null ? "" : input.strip();
        if (text.isEmpty()) {
            throw new InvalidTargetException("No target given. " + ACCEPTED_FORMS);
        }
        if (text.length() > MAX_LENGTH) {
            throw new InvalidTargetException("That target is too long (" + text.length() + " characters). " + ACCEPTED_FORMS);
        }
        Matcher m = AS.matcher(text);
        if (m.matches()) {
            return asn(m.group(1), text);
        }
        if (BARE_NUMBER.matcher(text).matches()) {
            throw new InvalidTargetException("'" + text + "' is a bare number: write AS" + text
                    + " if you mean the autonomous system. " + ACCEPTED_FORMS);
        }
        if (text.contains("/")) {
            try {
                return new Target.Net(Prefix.parse(text));
            } catch (IllegalArgumentException e) {
                throw new InvalidTargetException(e.getMessage() + ". " + ACCEPTED_FORMS);
            }
        }
        if (text.matches("[0-9.]+") || text.matches("[0-9a-fA-F:]+") && text.contains(":")) {
            throw new InvalidTargetException("'" + text + "' looks like an address without a length: add one, e.g. "
                    + (text.contains(":") ? text + "/48" : text + "/24") + ". " + ACCEPTED_FORMS);
        }
        Optional<Country> country = countries.find(text);
        if (country.isPresent()) {
            return new Target.Land(country.get());
        }
        throw new InvalidTargetException("'" + text + "' is not an AS, a prefix or a country we know. " + ACCEPTED_FORMS);
    }

    private static Target asn(String digits, String text) {
        long n = Long.parseLong(digits);
        if (n == 0 || n > 4_294_967_295L) {
            throw new InvalidTargetException("'" + text + "': AS numbers go from 1 to 4294967295. " + ACCEPTED_FORMS);
        }
        return new Target.As(n);
    }
}

package net.outageherald.source.ioda;

import java.util.Locale;

/**
 * Where people can see IODA's view of an entity for themselves, and the credit line IODA's data asks for.
 * Every IODA answer carries "This data is Copyright (c) 2021-2025 Georgia Tech Research Corporation. All
 * Rights Reserved."; a message that quotes IODA names it as the source.
 */
public final class IodaLinks {

    /** IODA's public dashboard, not the API: a link for people. */
    public static final String DASHBOARD = "https://ioda.inetintel.cc.gatech.edu";
    /** The credit line while no answer has told us otherwise. */
    public static final String DEFAULT_ATTRIBUTION = "Data: IODA, Georgia Tech";

    private IodaLinks() {
    }

    /** {@code https://ioda.inetintel.cc.gatech.edu/country/KP} or {@code .../asn/131279}. */
    public static String dashboard(IodaEntity entity) {
        return DASHBOARD + "/" + entity.path();
    }

    /**
     * A short credit line derived from an answer's {@code copyright} field: "Data: IODA, Georgia Tech" while the
     * notice names Georgia Tech (as it has since IODA moved there), else "Data: IODA, " and the holder it names,
     * so that a change of hands shows in our messages without a release.
     */
    public static String attribution(String copyright) {
        if (copyright == null || copyright.isBlank() || copyright.toLowerCase(Locale.ROOT).contains("georgia tech")) {
            return DEFAULT_ATTRIBUTION;
        }
        String holder = holder(copyright);
        return holder.isEmpty() ? DEFAULT_ATTRIBUTION : "Data: IODA, " + holder;
    }

    /** "... Copyright (c) 2021-2025 Some Body. All Rights Reserved." gives "Some Body". */
    private static String holder(String copyright) {
        String s = copyright.replaceAll("(?i).*copyright\\s*(\\(c\\)|©)?\\s*", "")
                .replaceAll("^[0-9]{4}(\\s*-\\s*[0-9]{4})?\\s*", "")
                .replaceAll("(?i)\\.?\\s*all rights reserved\\.?\\s*$", "")
                .strip();
        // a notice we cannot take apart must not put a paragraph into every message
        return s.length() > 60 ? "" : s;
    }
}

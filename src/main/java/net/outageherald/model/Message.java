package net.outageherald.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A platform-neutral message: what each renderer (plain text, Telegram HTML, Discord embed) turns into
 * its own markup. All values are raw text; renderers escape them.
 *
 * @param status    colours and the emoji (UP is green: restorations and recoveries)
 * @param headline  one line: "North Korea (KP) is offline"
 * @param summary   the main sentence(s) under the headline, may be empty
 * @param fields    named facts, in order
 * @param timestamp when it happened
 * @param link      evidence link, or null
 * @param footer    data attribution, or null
 */
public record Message(Status status, String headline, String summary, List<Field> fields, Instant timestamp,
                      String link, String footer) {

    public Message {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(headline, "headline");
        summary = summary == null ? "" : summary;
        fields = List.copyOf(fields);
    }

    /** A short reply with no facts (help texts, errors, confirmations). */
    public static Message text(Status status, String headline, String summary) {
        return new Message(status, headline, summary, List.of(), null, null, null);
    }

    /** One named fact: "Prefixes" → "175.45.176.0/24, …". {@code inline} suits side-by-side layouts. */
    public record Field(String name, String value, boolean inline) {
        public Field {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }
}

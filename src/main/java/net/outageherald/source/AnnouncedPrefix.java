package net.outageherald.source;

import java.time.Instant;
import java.util.Objects;
import net.outageherald.model.Prefix;

/** A prefix an AS originated, and the end of the last time span it was seen announced. */
public record AnnouncedPrefix(Prefix prefix, Instant lastSeen) {
    public AnnouncedPrefix {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(lastSeen, "lastSeen");
    }
}

package net.outageherald.detect;

import java.util.List;
import net.outageherald.model.Prefix;
import net.outageherald.model.Target;

/**
 * A target with its prefixes and presentation. {@code fresh} is false when the source failed and the
 * cached resolution (or none, with no prefixes) is used.
 */
public record Resolved(Target target, TargetInfo info, List<Prefix> prefixes, boolean fresh) {
    public Resolved {
        prefixes = List.copyOf(prefixes);
    }
}

package net.outageherald.source.rislive;

import java.util.List;
import net.outageherald.model.Prefix;

/**
 * What one frame has told so far, while {@link RisMessageParser} reads it: fields arrive in any order, and
 * only at the end is it clear what kind of message they make. One per frame, never shared.
 */
final class FrameFields {

    /** Stands for an AS_SET of several ASes in a path. */
    static final long AS_SET = -1;
    /** Stands for "no hop read". */
    static final long NONE = -2;

    double timestamp = Double.NaN;
    /** The timestamp read from its characters, when it was plain decimal seconds; else {@link #timestamp}. */
    java.time.Instant at;
    String peer;
    long peerAsn;
    String host;
    String bgpType;
    String state;
    String message;
    long origin = NONE;
    long upstream = NONE;
    boolean routeFields;
    List<Prefix> announced;
    List<Prefix> withdrawn;
    List<String> strings;
    /** Only prefixes in (or inside) these are read into {@link #announced} and {@link #withdrawn}; null: all. */
    PrefixTrie keep;
}

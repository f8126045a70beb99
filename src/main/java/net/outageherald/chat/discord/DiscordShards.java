package net.outageherald.chat.discord;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which of the bot's gateway shards this instance runs. Discord splits the servers over {@link #total()}
 * shards by {@code (guild id >> 22) % total}; every instance of a cluster must give the same total, and
 * between them hold each id once. Written {@code total/ids}: {@code 1/0} (the default: one shard, this
 * instance has every server), {@code 2/0} and {@code 2/1} for two instances, {@code 8/0-3} for the first
 * half of eight; {@code 4} alone means all four here.
 *
 * @param total how many shards the bot has across all instances
 * @param ids   the shard ids this instance connects, ascending, each in 0..total-1
 */
public record DiscordShards(int total, List<Integer> ids) {

    /** Far above any bot this service serves; it catches a stray digit before JDA plans thousands of sockets. */
    public static final int MAX_TOTAL = 16_384;
    private static final Pattern FORM = Pattern.compile("(\\d{1,9})(?:/(.*))?");
    private static final Pattern ITEM = Pattern.compile("(\\d{1,9})(?:-(\\d{1,9}))?");
    private static final String EXAMPLE = "write total/ids, e.g. 2/0 (shard 0 of 2), 4/0,1 or 8/0-3";

    public DiscordShards {
        if (total < 1 || total > MAX_TOTAL) {
            throw new IllegalArgumentException("the total " + total + " is out of range; use 1 to " + MAX_TOTAL
                    + " (1 unless the bot is in thousands of servers)");
        }
        if (ids == null || ids.isEmpty()) {
            throw new IllegalArgumentException("no shard ids; " + EXAMPLE);
        }
        TreeSet<Integer> seen = new TreeSet<>();
        for (int id : ids) {
            if (id < 0 || id >= total) {
                throw new IllegalArgumentException("shard id " + id + " is out of range for " + total
                        + (total == 1 ? " shard" : " shards") + "; ids go from 0 to " + (total - 1));
            }
            if (!seen.add(id)) {
                throw new IllegalArgumentException("shard id " + id + " is listed twice; list each shard once");
            }
        }
        ids = List.copyOf(seen);
    }

    /** One shard, held here: a single instance, as before sharding. */
    public static DiscordShards single() {
        return new DiscordShards(1, List.of(0));
    }

    /** Reads {@code total/ids} (see the class comment); an {@link IllegalArgumentException} says what to write. */
    public static DiscordShards parse(String text) {
        String s = text == null ? "" : text.replaceAll("\\s+", "");
        Matcher m = FORM.matcher(s);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a shard set; " + EXAMPLE);
        }
        int total = Integer.parseInt(m.group(1));
        if (m.group(2) == null) {
            return new DiscordShards(total, range(0, total - 1, total));
        }
        if (m.group(2).isEmpty()) {
            throw new IllegalArgumentException("'" + text + "' names no shard ids after '/'; " + EXAMPLE);
        }
        List<Integer> ids = new ArrayList<>();
        for (String item : m.group(2).split(",", -1)) {
            Matcher i = ITEM.matcher(item);
            if (!i.matches()) {
                throw new IllegalArgumentException("'" + item + "' in '" + text + "' is not a shard id or a range"
                        + " like 0-3; " + EXAMPLE);
            }
            int from = Integer.parseInt(i.group(1));
            int to = i.group(2) == null ? from : Integer.parseInt(i.group(2));
            if (to < from) {
                throw new IllegalArgumentException("the range " + item + " in '" + text + "' runs backwards; write "
                        + to + "-" + from);
            }
            ids.addAll(range(from, to, total));
        }
        return new DiscordShards(total, ids);
    }

    /** Whether this instance runs every shard, so that its cache sees every server the bot is in. */
    public boolean holdsAll() {
        return ids.size() == total;
    }

    public boolean holds(int shardId) {
        return ids.contains(shardId);
    }

    /** The shard Discord puts a server on. */
    public static int shardOf(long guildId, int total) {
        return (int) ((guildId >>> 22) % total);
    }

    @Override
    public String toString() {
        return total + "/" + String.join(",", ids.stream().map(String::valueOf).toList());
    }

    private static List<Integer> range(int from, int to, int total) {
        if (to >= total || total > MAX_TOTAL) {
            // the constructor reports it with the allowed range; no huge list first
            return List.of(to);
        }
        List<Integer> out = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            out.add(i);
        }
        return out;
    }
}

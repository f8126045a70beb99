package net.outageherald.chat.discord;

import static net.outageherald.chat.discord.DiscordJson.obj;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * INTERACTION_CREATE payloads for {@link FakeDiscord}: slash commands (type 2) with string and channel options
 * (a channel option comes with its {@code resolved} entry, as Discord sends it) and autocompletes (type 4).
 */
final class FakeInteractions {

    private FakeInteractions() {
    }

    static Map<String, Object> slash(String id, String userId, String channelId, String command,
                                     Map<String, Object> options) {
        List<Object> opts = new ArrayList<>();
        Map<String, Object> resolvedChannels = new LinkedHashMap<>();
        options.forEach((name, value) -> {
            boolean channel = name.equals("channel");
            opts.add(obj("name", name, "type", channel ? 7 : 3, "value", value));
            if (channel) {
                Map<String, Object> c = new LinkedHashMap<>(FakeGuilds.channel((String) value));
                c.put("permissions", Long.toString(FakeGuilds.memberPermissions(userId)));
                resolvedChannels.put((String) value, c);
            }
        });
        Map<String, Object> data = command(command, opts, channelId);
        if (!resolvedChannels.isEmpty()) {
            data.put("resolved", obj("channels", resolvedChannels));
        }
        return interaction(id, 2, userId, channelId, data);
    }

    static Map<String, Object> autocomplete(String id, String userId, String channelId, String command,
                                            String partial) {
        return autocomplete(id, userId, channelId, command, partial, null);
    }

    /** With the command's channel option already filled in ({@code channelOption}), as Discord sends it: an id. */
    static Map<String, Object> autocomplete(String id, String userId, String channelId, String command,
                                            String partial, String channelOption) {
        List<Object> opts = new java.util.ArrayList<>();
        opts.add(obj("name", "target", "type", 3, "value", partial, "focused", true));
        if (channelOption != null) {
            opts.add(obj("name", "channel", "type", 7, "value", channelOption));
        }
        return interaction(id, 4, userId, channelId, command(command, opts, channelId));
    }

    private static Map<String, Object> command(String name, List<Object> options, String channelId) {
        return obj("id", "1200000000000000" + Math.abs(name.hashCode() % 1000), "name", name, "type", 1,
                "options", options, "guild_id", FakeGuilds.guildOf(channelId));
    }

    private static Map<String, Object> interaction(String id, int type, String userId, String channelId,
                                                   Map<String, Object> data) {
        return DiscordJson.interaction(id, FakeDiscord.BOT_ID, type, data, FakeGuilds.guildOf(channelId),
                FakeGuilds.channel(channelId), FakeGuilds.member(userId), FakeGuilds.memberPermissions(userId),
                FakeGuilds.botPermissions(channelId));
    }
}

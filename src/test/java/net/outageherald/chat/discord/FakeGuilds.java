package net.outageherald.chat.discord;

import static net.outageherald.chat.discord.DiscordJson.EMBED_LINKS;
import static net.outageherald.chat.discord.DiscordJson.EVERYONE;
import static net.outageherald.chat.discord.DiscordJson.MANAGE_GUILD;
import static net.outageherald.chat.discord.DiscordJson.SEND_MESSAGES;
import static net.outageherald.chat.discord.FakeDiscord.ADMIN;
import static net.outageherald.chat.discord.FakeDiscord.ADMIN_ROLE;
import static net.outageherald.chat.discord.FakeDiscord.BOT_ID;
import static net.outageherald.chat.discord.FakeDiscord.BOT_ROLE;
import static net.outageherald.chat.discord.FakeDiscord.GUILD_ID;
import static net.outageherald.chat.discord.FakeDiscord.LOCKED_CHANNEL;
import static net.outageherald.chat.discord.FakeDiscord.MEMBER;
import static net.outageherald.chat.discord.FakeDiscord.OPEN_CHANNEL;
import static net.outageherald.chat.discord.FakeDiscord.OTHER_CHANNEL;
import static net.outageherald.chat.discord.FakeDiscord.OTHER_GUILD_ID;

import java.util.List;
import java.util.Map;

/**
 * The servers {@link FakeDiscord} knows. In {@link FakeDiscord#GUILD_ID}: #outages (everyone may post) and
 * #read-only (the bot is denied Send Messages and Embed Links there); an admin with Manage Server and a plain
 * member. {@link FakeDiscord#OTHER_GUILD_ID} has one channel, #elsewhere.
 */
final class FakeGuilds {

    private static final long LOCKED_DENY = SEND_MESSAGES | EMBED_LINKS;

    private FakeGuilds() {
    }

    static List<Map<String, Object>> all() {
        return List.of(main(), other());
    }

    /** The main server; its system channel (where Discord posts joins) is the open channel. */
    static Map<String, Object> main() {
        Map<String, Object> guild = new java.util.LinkedHashMap<>(mainWithoutSystemChannel());
        guild.put("system_channel_id", OPEN_CHANNEL);
        return guild;
    }

    private static Map<String, Object> mainWithoutSystemChannel() {
        return DiscordJson.guild(GUILD_ID, "Network Watchers", ADMIN, List.of(
                        DiscordJson.role(GUILD_ID, "@everyone", EVERYONE, 0, false),
                        DiscordJson.role(ADMIN_ROLE, "Moderators", MANAGE_GUILD, 2, false),
                        DiscordJson.role(BOT_ROLE, "Outage Herald", EVERYONE, 1, true)),
                List.of(channel(OPEN_CHANNEL), channel(LOCKED_CHANNEL)),
                List.of(DiscordJson.member(bot(), List.of(BOT_ROLE)), member(ADMIN), member(MEMBER)));
    }

    static Map<String, Object> other() {
        return DiscordJson.guild(OTHER_GUILD_ID, "Elsewhere", MEMBER,
                List.of(DiscordJson.role(OTHER_GUILD_ID, "@everyone", EVERYONE, 0, false)),
                List.of(channel(OTHER_CHANNEL)), List.of(DiscordJson.member(bot(), List.of())));
    }

    static Map<String, Object> channel(String id) {
        return switch (id) {
            case OPEN_CHANNEL -> DiscordJson.textChannel(id, GUILD_ID, "outages", 0, List.of());
            case LOCKED_CHANNEL -> DiscordJson.textChannel(id, GUILD_ID, "read-only", 1,
                    List.of(DiscordJson.overwrite(BOT_ID, 1, 0, LOCKED_DENY)));
            case OTHER_CHANNEL -> DiscordJson.textChannel(id, OTHER_GUILD_ID, "elsewhere", 0, List.of());
            default -> DiscordJson.textChannel(id, GUILD_ID, "unknown-" + id, 9, List.of());
        };
    }

    static String guildOf(String channelId) {
        return OTHER_CHANNEL.equals(channelId) ? OTHER_GUILD_ID : GUILD_ID;
    }

    static Map<String, Object> bot() {
        return DiscordJson.user(BOT_ID, "Outage Herald", true);
    }

    static Map<String, Object> member(String userId) {
        return DiscordJson.member(DiscordJson.user(userId, ADMIN.equals(userId) ? "admin" : "member", false),
                ADMIN.equals(userId) ? List.of(ADMIN_ROLE) : List.of());
    }

    /** What Discord puts in {@code member.permissions}: the member's permissions in the channel. */
    static long memberPermissions(String userId) {
        return ADMIN.equals(userId) ? EVERYONE | MANAGE_GUILD : EVERYONE;
    }

    /** What Discord puts in {@code app_permissions}. */
    static long botPermissions(String channelId) {
        return LOCKED_CHANNEL.equals(channelId) ? EVERYONE & ~LOCKED_DENY : EVERYONE;
    }
}

package net.outageherald.chat.discord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Discord API objects as Discord documents them (users, roles with {@code colors}, channels, guilds, members,
 * interactions, messages), as plain maps for Jackson. Ids are snowflake strings, permissions decimal strings.
 */
final class DiscordJson {

    static final long VIEW_CHANNEL = 1L << 10;
    static final long SEND_MESSAGES = 1L << 11;
    static final long EMBED_LINKS = 1L << 14;
    static final long ATTACH_FILES = 1L << 15;
    static final long READ_MESSAGE_HISTORY = 1L << 16;
    static final long USE_APPLICATION_COMMANDS = 1L << 31;
    static final long MANAGE_GUILD = 1L << 5;
    static final long EVERYONE = VIEW_CHANNEL | SEND_MESSAGES | EMBED_LINKS | ATTACH_FILES | READ_MESSAGE_HISTORY
            | USE_APPLICATION_COMMANDS;
    static final String TIMESTAMP = "2024-01-01T00:00:00.000000+00:00";

    private DiscordJson() {
    }

    /** A JSON object from key, value pairs; values may be null. */
    static Map<String, Object> obj(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    static Map<String, Object> user(String id, String name, boolean bot) {
        return obj("id", id, "username", name, "discriminator", "0", "global_name", name, "avatar", null,
                "bot", bot, "public_flags", 0);
    }

    static Map<String, Object> role(String id, String name, long permissions, int position, boolean managed) {
        return obj("id", id, "name", name, "color", 0,
                "colors", obj("primary_color", 0, "secondary_color", null, "tertiary_color", null),
                "hoist", false, "icon", null, "unicode_emoji", null, "position", position,
                "permissions", Long.toString(permissions), "managed", managed, "mentionable", false, "flags", 0);
    }

    static Map<String, Object> overwrite(String id, int type, long allow, long deny) {
        return obj("id", id, "type", type, "allow", Long.toString(allow), "deny", Long.toString(deny));
    }

    static Map<String, Object> textChannel(String id, String guildId, String name, int position,
                                           List<Map<String, Object>> overwrites) {
        return obj("id", id, "type", 0, "guild_id", guildId, "name", name, "position", position,
                "permission_overwrites", overwrites, "parent_id", null, "topic", null, "nsfw", false,
                "rate_limit_per_user", 0, "last_message_id", null, "flags", 0);
    }

    static Map<String, Object> member(Map<String, Object> user, List<String> roles) {
        return obj("user", user, "roles", roles, "nick", null, "avatar", null, "joined_at", TIMESTAMP,
                "premium_since", null, "deaf", false, "mute", false, "flags", 0, "pending", false,
                "communication_disabled_until", null);
    }

    static Map<String, Object> guild(String id, String name, String ownerId, List<Map<String, Object>> roles,
                                     List<Map<String, Object>> channels, List<Map<String, Object>> members) {
        List<Map<String, Object>> guildChannels = new ArrayList<>();
        for (Map<String, Object> c : channels) {
            Map<String, Object> copy = new LinkedHashMap<>(c);
            copy.remove("guild_id"); // channels inside GUILD_CREATE carry no guild_id
            guildChannels.add(copy);
        }
        return obj("id", id, "name", name, "icon", null, "splash", null, "discovery_splash", null,
                "owner_id", ownerId, "afk_channel_id", null, "afk_timeout", 300, "verification_level", 0,
                "default_message_notifications", 0, "explicit_content_filter", 0, "roles", roles,
                "emojis", List.of(), "stickers", List.of(), "features", List.of(), "mfa_level", 0,
                "system_channel_id", null, "system_channel_flags", 0, "rules_channel_id", null,
                "vanity_url_code", null, "description", null, "banner", null, "premium_tier", 0,
                "premium_subscription_count", 0, "preferred_locale", "en-US", "public_updates_channel_id", null,
                "nsfw_level", 0, "premium_progress_bar_enabled", false, "joined_at", TIMESTAMP, "large", false,
                "unavailable", false, "member_count", members.size(), "voice_states", List.of(),
                "members", members, "channels", guildChannels, "threads", List.of(), "presences", List.of(),
                "stage_instances", List.of(), "guild_scheduled_events", List.of(), "soundboard_sounds", List.of());
    }

    /** An INTERACTION_CREATE payload; {@code type} 2 is a command, 4 an autocomplete. */
    static Map<String, Object> interaction(String id, String applicationId, int type, Map<String, Object> data,
                                           String guildId, Map<String, Object> channel, Map<String, Object> member,
                                           long memberPermissions, long appPermissions) {
        Map<String, Object> m = new LinkedHashMap<>(member);
        m.put("permissions", Long.toString(memberPermissions));
        Map<String, Object> ch = new LinkedHashMap<>(channel);
        ch.put("permissions", Long.toString(memberPermissions));
        return obj("id", id, "application_id", applicationId, "type", type, "data", data, "guild_id", guildId,
                "guild", obj("id", guildId, "locale", "en-US", "features", List.of()),
                "channel_id", channel.get("id"), "channel", ch, "member", m, "token", "token-" + id, "version", 1,
                "app_permissions", Long.toString(appPermissions), "locale", "en-GB", "guild_locale", "en-US",
                "entitlements", List.of(), "authorizing_integration_owners", obj("0", guildId), "context", 0,
                "attachment_size_limit", 26214400);
    }

    static Map<String, Object> message(String id, String channelId, Map<String, Object> author, Map<String, Object> body) {
        List<Map<String, Object>> embeds = new ArrayList<>();
        if (body.get("embeds") instanceof List<?> sent) {
            for (Object e : sent) {
                @SuppressWarnings("unchecked")
                Map<String, Object> embed = new LinkedHashMap<>((Map<String, Object>) e);
                embed.put("type", "rich"); // Discord adds the type to every embed it returns
                embeds.add(embed);
            }
        }
        return obj("id", id, "channel_id", channelId, "author", author, "content", body.getOrDefault("content", ""),
                "timestamp", TIMESTAMP, "edited_timestamp", null, "tts", false, "mention_everyone", false,
                "mentions", List.of(), "mention_roles", List.of(), "attachments", List.of(), "embeds", embeds,
                "pinned", false, "type", 0, "flags", body.getOrDefault("flags", 0), "nonce", body.get("nonce"),
                "components", List.of());
    }
}

package net.outageherald.chat.discord;

import java.util.EnumSet;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message.MentionType;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.requests.Route;
import net.dv8tion.jda.api.utils.AttachedFile;
import net.dv8tion.jda.api.utils.data.DataObject;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import net.dv8tion.jda.internal.requests.RestActionImpl;
import okhttp3.RequestBody;

/**
 * Posts and edits by channel id alone, for channels of servers on shards another instance holds: this
 * instance's cache has no channel object for them, but Discord's REST API needs none. The bodies are the
 * ones JDA sends for a cached channel (embed, nonce with {@code enforce_nonce}, no mentions, an optional
 * reply reference); they go through the given shard's requester, so its rate limits and retries apply.
 * JDA has no public action for a bare route, hence its {@code RestActionImpl}.
 */
final class ChannelRest {

    private ChannelRest() {
    }

    /** {@code POST channels/{id}/messages}; gives the new message's id. */
    static RestAction<String> send(JDA jda, String channelId, MessageEmbed embed, String nonce, String replyTo,
                                   byte[] chart) {
        MessageCreateBuilder builder = new MessageCreateBuilder()
                .setEmbeds(chart == null ? embed : DiscordCharts.withImage(embed))
                .setAllowedMentions(EnumSet.noneOf(MentionType.class));
        if (chart != null) {
            builder.setFiles(DiscordCharts.upload(chart));
        }
        try (MessageCreateData data = builder.build()) {
            DataObject body = data.toData().put("nonce", nonce).put("enforce_nonce", true);
            if (replyTo != null) {
                body.put("message_reference", DataObject.empty().put("message_id", replyTo)
                        .put("channel_id", channelId).put("fail_if_not_exists", false));
            }
            Route.CompiledRoute route = Route.Messages.SEND_MESSAGE.compile(channelId);
            if (data.getFiles().isEmpty()) {
                return action(jda, route, body);
            }
            // multipart, as JDA sends a message with files: the JSON payload beside the attachment
            RequestBody multipart = AttachedFile.createMultipartBody(data.getFiles(), body).build();
            return new RestActionImpl<>(jda, route, multipart,
                    (response, request) -> response.getObject().getString("id"));
        }
    }

    /** {@code PATCH channels/{id}/messages/{message}} with the new embed only; gives the message's id. */
    static RestAction<String> edit(JDA jda, String channelId, String messageId, MessageEmbed embed) {
        DataObject body;
        try (MessageEditData data = MessageEditData.fromEmbeds(embed)) {
            body = data.toData();
        }
        return action(jda, Route.Messages.EDIT_MESSAGE.compile(channelId, messageId), body);
    }

    private static RestAction<String> action(JDA jda, Route.CompiledRoute route, DataObject body) {
        return new RestActionImpl<>(jda, route, body, (response, request) -> response.getObject().getString("id"));
    }
}

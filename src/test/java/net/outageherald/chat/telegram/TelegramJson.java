package net.outageherald.chat.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Bot API objects (Update, Message, Chat, User, ChatMember) shaped as the documentation describes them. */
final class TelegramJson {

    static final ObjectMapper JSON = new ObjectMapper();
    static final long DATE = 1_419_265_000L;

    private TelegramJson() {
    }

    static ObjectNode user(long id, String firstName, String username, boolean bot) {
        ObjectNode u = JSON.createObjectNode().put("id", id).put("is_bot", bot).put("first_name", firstName);
        if (username != null) {
            u.put("username", username);
        }
        return u;
    }

    static ObjectNode privateChat(long userId) {
        return JSON.createObjectNode().put("id", userId).put("type", "private").put("first_name", "Ann");
    }

    static ObjectNode group(long chatId) {
        return JSON.createObjectNode().put("id", chatId).put("type", "supergroup").put("title", "Ops <team> & friends");
    }

    static ObjectNode channel(long chatId) {
        return JSON.createObjectNode().put("id", chatId).put("type", "channel").put("title", "NK watch").put("username", "nk_watch");
    }

    /** {"message": …} from a user in a private chat. */
    static ObjectNode privateMessage(int messageId, long userId, String text) {
        return wrap("message", message(messageId, privateChat(userId), user(userId, "Ann", "ann", false), text));
    }

    /** {"message": …} from a user in a supergroup. */
    static ObjectNode groupMessage(int messageId, long chatId, long userId, String text) {
        return wrap("message", message(messageId, group(chatId), user(userId, "Bob", null, false), text));
    }

    /** {"channel_post": …}: no "from", the channel itself as sender_chat. */
    static ObjectNode channelPost(int messageId, long chatId, String text) {
        ObjectNode m = message(messageId, channel(chatId), null, text);
        m.set("sender_chat", channel(chatId));
        return wrap("channel_post", m);
    }

    static ObjectNode message(int messageId, ObjectNode chat, ObjectNode from, String text) {
        ObjectNode m = JSON.createObjectNode().put("message_id", messageId).put("date", DATE);
        m.set("chat", chat);
        if (from != null) {
            m.set("from", from);
        }
        m.put("text", text);
        if (text.startsWith("/")) {
            int end = text.indexOf(' ') < 0 ? text.length() : text.indexOf(' ');
            m.set("entities", JSON.createArrayNode().add(JSON.createObjectNode()
                    .put("type", "bot_command").put("offset", 0).put("length", end)));
        }
        return m;
    }

    /** The Message a send or edit returns: the chat (numeric; @names get a made-up id) and the text. */
    static ObjectNode sentMessage(int messageId, JsonNode request) {
        String chatId = request.path("chat_id").asText();
        long id = chatId.startsWith("@") ? -1_009_999_999_999L : Long.parseLong(chatId);
        ObjectNode chat = id > 0 ? privateChat(id) : id < -1_000_000_000_000L ? group(id) : group(id).put("type", "group");
        ObjectNode m = message(messageId, chat, user(FakeBotApi.BOT_ID, "Outage Herald", FakeBotApi.BOT_USERNAME, true),
                request.path("text").asText());
        m.remove("entities");
        return m;
    }

    /** A ChatMember: status "creator", "administrator", "member", "restricted", "left" or "kicked". */
    static ObjectNode member(long userId, String status) {
        ObjectNode m = JSON.createObjectNode().put("status", status);
        m.set("user", user(userId, "Bob", null, false));
        if (status.equals("administrator")) {
            m.put("can_be_edited", false).put("is_anonymous", false).put("can_manage_chat", true)
                    .put("can_delete_messages", true).put("can_manage_video_chats", true).put("can_restrict_members", true)
                    .put("can_promote_members", false).put("can_change_info", true).put("can_invite_users", true)
                    .put("can_post_stories", false).put("can_edit_stories", false).put("can_delete_stories", false);
        } else if (status.equals("creator")) {
            m.put("is_anonymous", false);
        }
        return m;
    }

    private static ObjectNode wrap(String field, ObjectNode message) {
        ObjectNode u = JSON.createObjectNode();
        u.set(field, message);
        return u;
    }
}

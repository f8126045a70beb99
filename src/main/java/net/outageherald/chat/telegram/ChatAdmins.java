package net.outageherald.chat.telegram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChatMember;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMember;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Decides whether the sender of a command may change what a chat follows: in a private chat the user
 * owns it, a channel post comes from the channel's admins, and in a group the sender must be an admin
 * (asked with {@code getChatMember}, cached briefly so a burst of commands costs one call).
 */
final class ChatAdmins {

    private static final Logger log = LoggerFactory.getLogger(ChatAdmins.class);
    private static final int PRUNE_ABOVE = 1_000;

    /** Whether a sender may manage subscriptions; {@code why} explains a refusal to the person. */
    record Verdict(boolean allowed, String why) {
        static final Verdict YES = new Verdict(true, "");
    }

    private record Key(long chatId, long userId) {
    }

    private record Entry(boolean admin, Instant until) {
    }

    private final TelegramClient client;
    private final Clock clock;
    private final Duration ttl;
    private final TelegramBotToken token;
    private final Map<Key, Entry> cache = new ConcurrentHashMap<>();

    ChatAdmins(TelegramClient client, Clock clock, Duration ttl, TelegramBotToken token) {
        this.client = client;
        this.clock = clock;
        this.ttl = ttl;
        this.token = token;
    }

    Verdict mayManage(Message message) {
        Chat chat = message.getChat();
        if (chat.isUserChat() || chat.isChannelChat()) {
            return Verdict.YES;
        }
        // an admin posting anonymously speaks as the group itself; only admins can do that
        if (message.getSenderChat() != null && chat.getId().equals(message.getSenderChat().getId())) {
            return Verdict.YES;
        }
        if (message.getSenderChat() != null || message.getFrom() == null) {
            return new Verdict(false, "Only the group's admins can change its subscriptions, "
                    + "and this message was sent on behalf of a channel. Send it from an admin's own account.");
        }
        return isAdmin(chat.getId(), message.getFrom().getId());
    }

    private Verdict isAdmin(long chatId, long userId) {
        Key key = new Key(chatId, userId);
        Instant now = clock.instant();
        Entry cached = cache.get(key);
        if (cached == null || !now.isBefore(cached.until())) {
            try {
                ChatMember member = client.execute(GetChatMember.builder().chatId(chatId).userId(userId).build());
                String status = member == null ? "" : member.getStatus();
                cached = new Entry("administrator".equals(status) || "creator".equals(status), now.plus(ttl));
            } catch (TelegramApiException | RuntimeException e) {
                log.warn("Telegram: cannot check admin rights in chat {}: {}", chatId, TelegramFailures.describe(e, token));
                return new Verdict(false, "I could not check your admin rights just now (is the bot still in this group?). "
                        + "Please try again in a minute.");
            }
            prune(now);
            cache.put(key, cached);
        }
        return cached.admin() ? Verdict.YES
                : new Verdict(false, "Only the group's admins can change what this group follows. "
                + "Anyone can use /status, /history and /subscriptions.");
    }

    private void prune(Instant now) {
        if (cache.size() > PRUNE_ABOVE) {
            cache.values().removeIf(e -> !now.isBefore(e.until()));
        }
    }
}

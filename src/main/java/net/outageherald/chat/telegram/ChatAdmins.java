package net.outageherald.chat.telegram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChatAdministrators;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMember;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Decides whether the sender of a command may change what a chat follows: in a private chat the user
 * owns it, a channel post comes from the channel's admins, and in a group the sender must be one of the
 * group's admins. Those are asked with {@code getChatAdministrators}, which Telegram answers for any
 * member, where {@code getChatMember} about another user is only guaranteed when the bot itself is an
 * admin; the list is cached per chat, so a burst of commands costs one call.
 */
final class ChatAdmins {

    private static final Logger LOG = LoggerFactory.getLogger(ChatAdmins.class);
    private static final int PRUNE_ABOVE = 1_000;

    /** Whether a sender may manage subscriptions; {@code why} explains a refusal to the person. */
    record Verdict(boolean allowed, String why) {
        static final Verdict YES = new Verdict(true, "");
    }

    private record Entry(Set<Long> admins, Instant until) {
    }

    private final TelegramClient client;
    private final Clock clock;
    private final Duration ttl;
    private final TelegramBotToken token;
    private final Map<Long, Entry> cache = new ConcurrentHashMap<>();

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
        Instant now = clock.instant();
        Entry cached = cache.get(chatId);
        if (cached == null || !now.isBefore(cached.until())) {
            try {
                cached = new Entry(ids(client.execute(GetChatAdministrators.builder().chatId(chatId).build())),
                        now.plus(ttl));
            } catch (TelegramApiException | RuntimeException e) {
                LOG.warn("Telegram: cannot list the admins of chat {}: {}", chatId, TelegramFailures.describe(e, token));
                return new Verdict(false, "I could not check your admin rights just now (is the bot still in this group?). "
                        + "Please try again in a minute.");
            }
            prune(now);
            cache.put(chatId, cached);
        }
        return cached.admins().contains(userId) ? Verdict.YES
                : new Verdict(false, "Only the group's admins can change what this group follows. "
                + "Anyone can use /status, /history and /subscriptions.");
    }

    /** The creator and the administrators: the list holds nobody else, but its statuses are checked anyway. */
    private static Set<Long> ids(List<ChatMember> members) {
        Set<Long> ids = new HashSet<>();
        for (ChatMember m : members == null ? List.<ChatMember>of() : members) {
            String status = m == null ? "" : m.getStatus();
            if (("administrator".equals(status) || "creator".equals(status)) && m.getUser() != null) {
                ids.add(m.getUser().getId());
            }
        }
        return Set.copyOf(ids);
    }

    private void prune(Instant now) {
        if (cache.size() > PRUNE_ABOVE) {
            cache.values().removeIf(e -> !now.isBefore(e.until()));
        }
    }
}

package net.outageherald.chat.telegram;

import net.outageherald.model.Destination;
import net.outageherald.model.Platform;
import net.outageherald.outbox.ChatKinds;

/**
 * Telegram's chat kinds as its chat ids show them: groups, supergroups and channels have negative ids
 * ({@code -1001234567890}) or a public {@code @name}, private chats the user's positive id. Telegram
 * allows a group about 20 messages a minute but a private chat about one a second, so the rate limiter
 * must tell them apart.
 */
public final class TelegramChatKinds implements ChatKinds {

    @Override
    public boolean isGroup(Destination destination) {
        String id = destination.id();
        return destination.platform() == Platform.TELEGRAM && (id.startsWith("-") || id.startsWith("@"));
    }
}

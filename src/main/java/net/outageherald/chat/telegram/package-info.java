/**
 * Telegram: the bot that answers commands in private chats, groups and channels (long polling through
 * telegrambots), the {@link net.outageherald.outbox.Sender} the delivery pipeline uses to post, reply
 * and edit, and the HTML rendering of our messages. Everything here is translation; the command logic
 * is {@link net.outageherald.command.ChatCommands}.
 */
package net.outageherald.chat.telegram;

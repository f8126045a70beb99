/**
 * Discord: a JDA bot that answers the slash commands through the platform-neutral command logic, keeps
 * per-channel subscriptions in step with servers and channels, and delivers outage messages as embeds
 * (edited in place when resolved, restorations as replies). {@link net.outageherald.chat.discord.DiscordFrontEnd}
 * is the one entry point the application wires.
 */
package net.outageherald.chat.discord;

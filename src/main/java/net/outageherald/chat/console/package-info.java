/**
 * The console destination: every message printed as plain text, so the bot does its job without any
 * chat token and operators see what it would send.
 */
package net.outageherald.chat.console;

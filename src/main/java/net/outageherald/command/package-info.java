/**
 * Platform-neutral chat commands: the same logic answers /status, /subscribe and the rest on Discord and
 * Telegram; the platform adapters only translate.
 */
package net.outageherald.command;

/**
 * Our own vocabulary, shared by every stage: targets, prefixes, countries, statuses, events, prefix and
 * target state, destinations, platforms and platform-neutral messages. No vendor JSON past the sources.
 */
package net.outageherald.model;

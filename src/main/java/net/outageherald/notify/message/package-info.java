/**
 * The words: platform-neutral messages for events, and the human formats of times, durations and
 * numbers, written once for every platform and for command replies.
 */
package net.outageherald.notify.message;

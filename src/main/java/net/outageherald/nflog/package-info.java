/**
 * The notification log: what was told to whom, behind one interface. Fan-out, delivery and subscriptions
 * use it; only {@code store} knows how it is kept.
 */
package net.outageherald.nflog;

/**
 * Who follows what: subscriptions made by chat commands (limited per destination) and by the config
 * (synced at start), ended or moved when delivery learns a destination is gone or has a new id.
 */
package net.outageherald.subscribe;

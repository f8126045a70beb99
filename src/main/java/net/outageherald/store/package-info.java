/**
 * Storage, and the only place that writes SQL: SQLite by default, PostgreSQL for several instances, one
 * schema through versioned Flyway migrations, plain JDBC repositories for targets, prefix states,
 * outages, events, subscriptions, the notification log and the outbox. Every write that belongs
 * together runs in one transaction of the caller's.
 */
package net.outageherald.store;

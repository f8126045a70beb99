/**
 * Storage: SQLite by default, PostgreSQL for several instances, one schema through versioned Flyway
 * migrations, plain JDBC repositories. Every write that belongs together runs in one transaction.
 */
package net.outageherald.store;

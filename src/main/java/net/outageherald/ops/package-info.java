/**
 * Running the service in production: the health and metrics endpoint, the meters that feed it, the
 * container's health probe, log format and level from the config, and an orderly stop on SIGTERM.
 *
 * <p>Nothing here decides anything about outages: the composition root builds these from the config
 * and hands them the parts they watch (scheduler, database, RIPEstat client). Other stages register
 * their own meters on the one {@link io.micrometer.core.instrument.MeterRegistry} that
 * {@link net.outageherald.ops.Metrics} owns.
 */
package net.outageherald.ops;

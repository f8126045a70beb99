/**
 * RIPEstat Data API as a {@link net.outageherald.source.RoutingSource} (looking-glass) and a
 * {@link net.outageherald.source.ResolutionSource} (announced-prefixes, as-overview, country-resource-list).
 *
 * <p>{@link net.outageherald.source.ripestat.RipeStatClient} owns everything about talking to RIPEstat politely:
 * {@code sourceapp} on every call, a cap on requests in flight, a shared per-minute request budget, retries with
 * capped backoff for what is worth retrying, and a failure state per data call so one broken endpoint backs off
 * alone. The two sources turn the answers into our own records; RIPEstat JSON never leaves this package.
 */
package net.outageherald.source.ripestat;

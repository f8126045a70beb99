/**
 * IODA API v2 (Georgia Tech's Internet Outage Detection and Analysis): the country-wide view that a large
 * country needs, where polling each of its prefixes would be too much, and independent evidence beside our own.
 *
 * <p>{@link net.outageherald.source.ioda.IodaClient} fetches raw signals ({@code /signals/raw/{type}/{code}}) and
 * IODA's alerts ({@code /outages/alerts}) and turns them into our records,
 * {@link net.outageherald.source.ioda.IodaSignal} and {@link net.outageherald.source.ioda.IodaAlert}; IODA JSON
 * never leaves this package. Every failure is a {@link net.outageherald.source.SourceUnavailableException}
 * ("unknown", never "down"), and a failing IODA backs off alone. On top of it, without any network:
 * {@link net.outageherald.source.ioda.IodaCountryJudge} gives a status from the {@code bgp} signal with IODA's
 * thresholds (below 99 % of the 24 h median: PARTIAL, below 50 %: DOWN, stale or no data: UNKNOWN), and
 * {@link net.outageherald.source.ioda.IodaCorroboration} writes evidence lines such as "IODA active probing:
 * 12 % of usual up /24s"; {@link net.outageherald.source.ioda.IodaPoller} keeps every watched entity's latest
 * series and answers messages' {@link net.outageherald.model.DataPlaneReports} from memory. {@link net.outageherald.source.ioda.IodaLinks} has the dashboard link and the credit
 * line ("Data: IODA, Georgia Tech") that every message quoting IODA carries.
 *
 * <h2>What one watched country costs IODA</h2>
 * IODA publishes no rate limit, so we count. At the default {@code poll-interval} of 5 minutes there are
 * 86,400 s / 300 s = <b>288 polls a day</b>. {@link net.outageherald.source.ioda.IodaPoller} fetches the three
 * signals ({@code bgp}, {@code ping-slash24}, {@code merit-nt}) on every poll, so that a message never waits for
 * IODA: 3 calls per poll, <b>864 calls a day</b>. Since {@code /signals/raw} takes a comma list of codes, one call
 * covers up to 50 watched countries ({@link net.outageherald.source.ioda.IodaClient#signals(java.util.List,
 * IodaDatasource, java.time.Instant, java.time.Instant)}), so the 864 a day do not grow with the number of
 * countries (another 864 for the watched ASes). IODA's alerts are not fetched. Each call covers 25 h at IODA's
 * native bins, 300 five-minute values per entity, a few kB.
 *
 * <h2>Configuration ({@code ioda:})</h2>
 * <pre>
 * key                  default                                       meaning
 * enabled              true                                          whether IODA is asked at all
 * url                  https://api.ioda.inetintel.cc.gatech.edu/v2   API base (env HERALD_IODA_URL)
 * request-timeout      20s                                           one whole request (100ms to 5m)
 * poll-interval        5m                                            how often signals are fetched (1m to 6h)
 * max-data-lag         30m                                           newest bin older than this: unknown (10m to 1d)
 * failure-backoff      1m                                            a failing IODA is left alone this long, doubling (1s to 1d)
 * failure-backoff-max  30m                                           cap of that (1s to 1d, at least failure-backoff)
 * </pre>
 */
package net.outageherald.source.ioda;

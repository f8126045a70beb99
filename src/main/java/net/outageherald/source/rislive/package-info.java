/**
 * RIS Live (RIPE NCC's real-time BGP stream, {@code wss://ris-live.ripe.net/v1/ws/}) as a source of route
 * updates for the watched prefixes: seconds after a RIS peer withdraws a prefix, not minutes.
 *
 * <p>{@link net.outageherald.source.rislive.RisLiveClient} holds the websocket: it subscribes to each
 * watched prefix (with its more-specifics), to peer session changes and to the RIS beacons as a canary,
 * paced as RIS Live's heavy users do, and above {@code max-prefix-subscriptions} takes every UPDATE and
 * filters here instead. It reconnects with capped backoff and subscribes again in full, and says whether the
 * stream can be trusted ({@link net.outageherald.source.rislive.StreamState}: LIVE, LAGGING, DOWN).
 * {@link net.outageherald.source.rislive.RisMessageParser} turns each frame into our own records
 * ({@link net.outageherald.source.rislive.RouteUpdate}, {@link net.outageherald.source.rislive.PeerState}, …);
 * RIS JSON never leaves this package. {@link net.outageherald.source.rislive.CaptureReader} reads recorded
 * streams for replays. The {@code rislive:} config section is
 * {@link net.outageherald.source.rislive.RisLiveConfig}.
 *
 * <p>What a detector must know: a peer's session going down ({@link net.outageherald.source.rislive.PeerState})
 * removes its routes without per-prefix withdrawals, and one peer re-sending or flushing its table produces
 * thousands of updates in a fraction of a second; neither is an outage of the prefixes. While the stream is
 * LAGGING or DOWN, silence about a prefix proves nothing.
 */
package net.outageherald.source.rislive;

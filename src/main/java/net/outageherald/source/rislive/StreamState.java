package net.outageherald.source.rislive;

/** How far the RIS Live stream can be trusted right now. */
public enum StreamState {
    /** Opening the websocket; nothing arrives yet. */
    CONNECTING,
    /** Connected, and messages arrive within {@code max-lag} of the collectors seeing them. */
    LIVE,
    /**
     * Connected, but messages arrive later than {@code max-lag}: a withdrawal may already be old news, and
     * silence proves nothing.
     */
    LAGGING,
    /** Not connected (failed, closed, refused, disabled); a reconnect may be pending. */
    DOWN
}

package net.outageherald.detect;

import java.time.Duration;
import java.util.Map;

/**
 * Hears how each poll round went, for metrics and health; {@link PollJob} calls it on its own thread
 * at the end of every round. Keeps the detector free of any metrics library.
 */
public interface PollListener {

    /** Nobody listens. */
    PollListener NONE = new PollListener() {
        @Override
        public void roundFinished(int observed, Map<String, Integer> failures, Duration took) {
        }

        @Override
        public void roundFailed(Throwable error, Duration took) {
        }
    };

    /**
     * A round ran to its end.
     *
     * @param observed prefixes observed
     * @param failures prefixes not observed, counted by reason ({@code timeout}, {@code http_error},
     *                 {@code backing_off}, … as in {@link net.outageherald.source.SourceUnavailableException.Reason},
     *                 or {@code error} for anything unexpected)
     */
    void roundFinished(int observed, Map<String, Integer> failures, Duration took);

    /** A round ended with an exception (not the interruption of a shutdown). */
    void roundFailed(Throwable error, Duration took);
}

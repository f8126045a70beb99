package net.outageherald.app;

import net.outageherald.chat.telegram.TelegramFrontEnd;
import net.outageherald.schedule.Scheduler;

/**
 * What only the leader does besides its leader-only jobs: follow RIS Live (the stream, the looking glass's
 * looks, judging) and take Telegram's updates. The poll rounds, when the stream is off, are a
 * {@link LeaderOnly} job.
 */
final class LeaderWork implements Leadership.Role {

    private final TelegramFrontEnd telegram;
    private final StreamDetection stream;
    private final Scheduler scheduler;

    /** @param stream the stream-driven detection, or null when poll rounds do the job */
    LeaderWork(TelegramFrontEnd telegram, StreamDetection stream, Scheduler scheduler) {
        this.telegram = telegram;
        this.stream = stream;
        this.scheduler = scheduler;
    }

    @Override
    public void gained() {
        telegram.poll(true);
        if (stream != null) {
            stream.lead(scheduler);
        }
    }

    /** Stops writing first, then polling: it returns once the last getUpdates has ended. */
    @Override
    public void lost() {
        if (stream != null) {
            stream.follow();
        }
        telegram.poll(false);
    }
}

package net.outageherald.ops;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Turns the first SIGTERM or SIGINT into a request for an orderly stop, and a second one into an
 * immediate exit with 128 + the signal's number (143 for SIGTERM, 130 for SIGINT), as a shell reports a
 * process killed by it.
 *
 * <p>Why our own handlers rather than a shutdown hook: with the JVM's default handling a signal starts
 * the shutdown at once and the process ends with 143 whatever the hooks do, a second signal is ignored
 * while the hooks run, and {@code System.exit} from the main thread blocks. With these handlers the main
 * thread stops the application and chooses the exit code, and a second signal can still cut it short.
 * {@code sun.misc.Signal} is in the {@code jdk.unsupported} module, present in every HotSpot 17.
 */
public final class StopSignals {

    private static final Logger LOG = LoggerFactory.getLogger(StopSignals.class);
    private static final List<String> SIGNALS = List.of("TERM", "INT");

    private final Runnable stop;
    private final IntConsumer halt;
    private final AtomicBoolean received = new AtomicBoolean();

    /**
     * @param stop asks the application to stop; it must return at once (it runs on the signal's thread)
     * @param halt ends the process with the given code, without further ado ({@code Runtime::halt})
     */
    public StopSignals(Runnable stop, IntConsumer halt) {
        this.stop = stop;
        this.halt = halt;
    }

    /**
     * Installs the handlers. Gives false if the JVM refused one (run with {@code -Xrs}, or the signal
     * ignored by the parent, as {@code nohup} does): the JVM's own handling, and so the shutdown hook,
     * stays in place for that signal.
     */
    public boolean install() {
        boolean all = true;
        for (String name : SIGNALS) {
            try {
                Signal.handle(new Signal(name), s -> received(s.getName(), s.getNumber()));
            } catch (IllegalArgumentException e) {
                LOG.debug("SIG{} stays with the JVM: {}", name, e.getMessage());
                all = false;
            }
        }
        return all;
    }

    /** Whether a stop signal has arrived. */
    public boolean received() {
        return received.get();
    }

    void received(String name, int number) {
        if (received.compareAndSet(false, true)) {
            LOG.info("SIG{} received: stopping (send it again to exit at once)", name);
            stop.run();
        } else {
            LOG.warn("SIG{} received again: exiting now without waiting for the stop to finish", name);
            halt.accept(128 + number);
        }
    }
}

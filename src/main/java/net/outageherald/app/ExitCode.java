package net.outageherald.app;

/**
 * The exit codes of {@code run}, which README and {@code run --help} list; a supervisor (systemd,
 * Docker's restart policy) tells a crash from a clean stop by them.
 */
final class ExitCode {

    /** Stopped by SIGTERM or Ctrl-C, and everything closed in time. */
    static final int STOPPED = 0;
    /** The config has problems; each one was printed with its path. */
    static final int BAD_CONFIG = 2;
    /** Could not start: the database cannot be opened or migrated, the endpoint's port is taken, …. */
    static final int CANNOT_START = 4;
    /** The stop took longer than {@code shutdown.timeout}; the process exited anyway. */
    static final int SHUTDOWN_TIMED_OUT = 5;

    /** A second SIGTERM (143) or Ctrl-C (130) during the stop: 128 + the signal's number, at once. */
    static final String FORCED = "128 + signal (143 SIGTERM, 130 SIGINT)";

    private ExitCode() {
    }
}

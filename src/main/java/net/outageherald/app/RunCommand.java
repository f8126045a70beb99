package net.outageherald.app;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import net.outageherald.config.Durations;
import net.outageherald.ops.LogSetup;
import net.outageherald.ops.StopSignals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code run}: the main job, until the process is stopped. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Follows RIS Live (the looking glass seeding and reconciling within its budget) and reports "
                + "outages and restorations of the watched targets (to the console when no chat token is set) until "
                + "stopped with Ctrl-C or SIGTERM.",
                "On SIGTERM or Ctrl-C it stops the stream and polling, lets messages being sent finish and closes its connections "
                        + "and database within shutdown.timeout; a second signal exits at once.",
                "Exit codes: " + ExitCode.STOPPED + " stopped cleanly, " + ExitCode.BAD_CONFIG + " bad config, "
                        + ExitCode.CANNOT_START + " could not start (database, endpoint port), "
                        + ExitCode.SHUTDOWN_TIMED_OUT + " the stop took longer than shutdown.timeout, "
                        + ExitCode.FORCED + " stopped by a second signal."})
final class RunCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    @Mixin
    ConfigOption config;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        HeraldConfig cfg = config.loadOrReport(System.getenv(), spec.commandLine().getErr(), "");
        if (cfg == null) {
            return ExitCode.BAD_CONFIG;
        }
        LogSetup.apply(cfg.logging().format(), cfg.logging().level());
        LOG.debug("Config: {}", cfg); // secrets print as ***
        App app;
        try {
            app = App.build(cfg, Clock.systemUTC(), new PrintStream(System.out, true, StandardCharsets.UTF_8));
        } catch (RuntimeException e) { // mostly StoreException; whatever fails while wiring, it could not start
            spec.commandLine().getErr().println("error: cannot start: " + e.getMessage());
            return ExitCode.CANNOT_START;
        }
        CountDownLatch stop = new CountDownLatch(1);
        new StopSignals(stop::countDown, Runtime.getRuntime()::halt).install();
        // for the ways to end a JVM that the signal handlers do not cover (SIGHUP, or -Xrs)
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.countDown();
            app.close();
        }, "herald-shutdown"));
        try {
            app.start();
        } catch (UncheckedIOException | IllegalStateException e) {
            spec.commandLine().getErr().println("error: cannot start: " + e.getMessage());
            app.close();
            return ExitCode.CANNOT_START;
        }
        stop.await();
        return stop(app, cfg.shutdown().timeout());
    }

    private static int stop(App app, Duration timeout) {
        long start = System.nanoTime();
        if (app.close(timeout)) {
            LOG.info("Stopped cleanly in {} ms", Duration.ofNanos(System.nanoTime() - start).toMillis());
            return ExitCode.STOPPED;
        }
        LOG.error("The stop took longer than shutdown.timeout ({}); exiting anyway", Durations.format(timeout));
        return ExitCode.SHUTDOWN_TIMED_OUT;
    }
}

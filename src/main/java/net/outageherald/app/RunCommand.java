package net.outageherald.app;

import java.io.PrintStream;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import net.outageherald.config.HeraldConfig;
import net.outageherald.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code run}: the main job, until the process is stopped. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Polls RIPEstat on schedule and reports outages and restorations of the watched targets "
                + "(to the console when no chat token is set) until stopped with Ctrl-C or SIGTERM.",
                "Exit codes: 0 stopped cleanly, 2 bad config, 4 could not start."})
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
            return 2;
        }
        App app;
        try {
            app = App.build(cfg, Clock.systemUTC(), new PrintStream(System.out, true, java.nio.charset.StandardCharsets.UTF_8));
        } catch (StoreException | IllegalArgumentException e) {
            spec.commandLine().getErr().println("error: cannot start: " + e.getMessage());
            return 4;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Stopping");
            app.close();
            stopped.countDown();
        }, "herald-shutdown"));
        app.start();
        stopped.await();
        return 0;
    }
}

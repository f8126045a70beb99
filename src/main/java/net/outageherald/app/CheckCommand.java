package net.outageherald.app;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import net.outageherald.detect.CheckResult;
import net.outageherald.model.InvalidTargetException;
import net.outageherald.model.PrefixState;
import net.outageherald.model.Target;
import net.outageherald.model.TargetParser;
import net.outageherald.ops.LogSetup;
import net.outageherald.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code check TARGET}: one live check with the exit codes of a monitoring plugin. */
@Command(name = "check", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 3,
        exitCodeOnExecutionException = 3,
        description = {"Checks one target now and prints its status and the facts behind it.",
                "TARGET is an AS (AS131279), a prefix (175.45.176.0/22) or a country (KP, \"North Korea\").",
                "Exit codes, as monitoring plugins use them: 0 up, 1 partial, 2 down, 3 unknown (also for a "
                        + "malformed target or option)."})
final class CheckCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "TARGET", description = "what to check")
    String target;

    @Mixin
    ConfigOption config;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Target t;
        try {
            t = new TargetParser().parse(target);
        } catch (InvalidTargetException e) {
            err.println("UNKNOWN: " + e.getMessage());
            return 3;
        }
        HeraldConfig cfg = config.loadOrReport(System.getenv(), err, "UNKNOWN: ");
        if (cfg == null) {
            return 3;
        }
        LogSetup.apply(cfg.logging().format(), cfg.logging().level());
        try (OneShotCheck check = new OneShotCheck(cfg, Clock.systemUTC())) {
            CheckResult r = check.check(t);
            print(r, out);
            return r.exitCode();
        } catch (StoreException e) {
            err.println("UNKNOWN: cannot open the database: " + e.getMessage());
            return 3;
        }
    }

    static void print(CheckResult r, PrintWriter out) {
        var e = r.evaluation();
        out.println(r.status() + ": " + r.resolved().info().name() + " is " + r.status().words()
                + (r.reason() == null ? "" : " (" + r.reason() + ")"));
        out.println("prefixes: " + r.resolved().prefixes().size() + " watched, " + r.observed() + " observed, "
                + r.failed() + " failed, " + e.dark().size() + " dark");
        if (r.status() != net.outageherald.model.Status.UNKNOWN) {
            out.println("peers: best-seen prefix seen by " + e.peersNow() + " RIS peers (normally "
                    + e.peersNormally() + ")");
        }
        for (PrefixState s : e.dark()) {
            out.println("dark: " + s.prefix() + " seen by " + s.peersNow() + " peers");
        }
        if (!e.upstreams().isEmpty()) {
            out.println("upstreams: " + String.join(" ", e.upstreams().stream().map(a -> "AS" + a).toList()));
        }
        out.println("evidence: " + r.resolved().info().evidenceUrl());
        out.flush();
    }
}

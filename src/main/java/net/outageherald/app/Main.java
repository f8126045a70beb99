package net.outageherald.app;

import java.io.PrintWriter;
import net.outageherald.ops.LogSetup;
import net.outageherald.ops.LoggingConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The command line: {@code run} (the main job) and {@code check TARGET} (one live check). */
@Command(name = "outage-herald", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Watches the global routing table (RIPE NCC RIS via RIPEstat) and tells Discord, "
                + "Telegram or the console when networks go dark and when they come back."},
        subcommands = {RunCommand.class, CheckCommand.class, ReplayCommand.class},
        footer = {"", "Environment: HERALD_CONFIG (config file), HERALD_RIPESTAT_URL, HERALD_DB_URL, HERALD_DB_USER, "
                + "HERALD_DB_PASSWORD, HERALD_LOG_FORMAT, HERALD_HTTP_ENABLED, HERALD_HTTP_ADDRESS, HERALD_HTTP_PORT, "
                + "TELEGRAM_BOT_TOKEN, DISCORD_BOT_TOKEN. Every config key: docs/configuration.md."})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // JSON from the first line when the environment asks for it; the config's choice follows once loaded
        String format = System.getenv(LoggingConfig.FORMAT_ENV);
        if (format != null && format.strip().equalsIgnoreCase("json")) {
            LogSetup.apply("json", null);
        }
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line and returns the exit code (tests call this instead of main). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            err.println("error: " + e.getMessage());
            return cmd.getCommandSpec().exitCodeOnExecutionException();
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        // no subcommand: show what there is
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

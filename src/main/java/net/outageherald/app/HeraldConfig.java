package net.outageherald.app;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import net.outageherald.chart.ChartsConfig;
import net.outageherald.chat.discord.DiscordConfig;
import net.outageherald.chat.discord.DiscordConfigBinder;
import net.outageherald.chat.telegram.TelegramConfig;
import net.outageherald.chat.telegram.TelegramConfigBinder;
import net.outageherald.config.ConfigLoader;
import net.outageherald.config.ConfigNode;
import net.outageherald.config.KeyDescription;
import net.outageherald.detect.DetectionConfig;
import net.outageherald.model.Target;
import net.outageherald.model.TargetParser;
import net.outageherald.ops.HttpConfig;
import net.outageherald.ops.LoggingConfig;
import net.outageherald.ops.ShutdownConfig;
import net.outageherald.outbox.NotifyConfig;
import net.outageherald.outbox.NotifyConfigBinder;
import net.outageherald.source.ioda.IodaConfig;
import net.outageherald.source.ioda.IodaConfigBinder;
import net.outageherald.source.ripestat.RipeStatConfig;
import net.outageherald.source.rislive.RisLiveConfig;
import net.outageherald.source.rislive.RisLiveConfigBinder;
import net.outageherald.store.DatabaseConfig;

/**
 * The whole configuration, one record per section, as {@link ConfigLoader} gives it after checking
 * everything. {@link #watch()} is the targets watched from start-up, duplicates merged.
 */
public record HeraldConfig(
        List<Target> watch,
        DetectionConfig detection,
        RipeStatConfig ripestat,
        RisLiveConfig rislive,
        IodaConfig ioda,
        DatabaseConfig database,
        LoggingConfig logging,
        NotifyConfig notifications,
        TelegramConfig telegram,
        DiscordConfig discord,
        HttpConfig http,
        ShutdownConfig shutdown,
        ChartsConfig charts) {

    public HeraldConfig {
        watch = List.copyOf(watch);
        Objects.requireNonNull(detection, "detection");
        Objects.requireNonNull(ripestat, "ripestat");
        Objects.requireNonNull(rislive, "rislive");
        Objects.requireNonNull(ioda, "ioda");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(logging, "logging");
        Objects.requireNonNull(notifications, "notify");
        Objects.requireNonNull(telegram, "telegram");
        Objects.requireNonNull(discord, "discord");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(shutdown, "shutdown");
        Objects.requireNonNull(charts, "charts");
    }

    /** Loads {@code file}, which must exist; {@code env} is the process environment (or a test's map). */
    public static HeraldConfig load(Path file, Map<String, String> env) {
        return ConfigLoader.load(file, env, HeraldConfig::from);
    }

    /** Loads the file named by {@code HERALD_CONFIG}, else {@code config/herald.yaml} if it exists, else defaults. */
    public static HeraldConfig loadDefault(Map<String, String> env) {
        return ConfigLoader.loadDefault(env, HeraldConfig::from);
    }

    /** Every key the binders know, in binding order, for the reference docs. */
    public static List<KeyDescription> describeKeys() {
        return ConfigLoader.describeKeys(HeraldConfig::from);
    }

    /** What an empty config file gives: no targets, every section at its defaults. */
    public static HeraldConfig defaults() {
        return new HeraldConfig(List.of(), DetectionConfig.defaults(), RipeStatConfig.defaults(), RisLiveConfig.defaults(),
                IodaConfig.defaults(), DatabaseConfig.defaults(), LoggingConfig.defaults(), NotifyConfig.defaults(),
                TelegramConfig.defaults(), DiscordConfig.defaults(), HttpConfig.defaults(), ShutdownConfig.defaults(),
                ChartsConfig.defaults());
    }

    /**
     * The binder: one line per top-level section. A new section is a record with
     * {@code static X from(ConfigNode)} and {@code static X defaults()}, a component here, a line below
     * and its defaults in {@link #defaults()}.
     */
    public static HeraldConfig from(ConfigNode root) {
        List<Target> watch = watch(root);
        DetectionConfig detection = DetectionConfig.from(root.section("detection"));
        RipeStatConfig ripestat = RipeStatConfig.from(root.section("ripestat"));
        RisLiveConfig rislive = RisLiveConfigBinder.from(root.section("rislive"));
        IodaConfig ioda = IodaConfigBinder.from(root.section("ioda"));
        DatabaseConfig database = DatabaseConfig.from(root.section("database"));
        LoggingConfig logging = LoggingConfig.from(root.section("logging"));
        NotifyConfig notifications = NotifyConfigBinder.from(root.section("notify"));
        TelegramConfig telegram = TelegramConfigBinder.from(root.section("telegram"));
        DiscordConfig discord = DiscordConfigBinder.from(root.section("discord"));
        HttpConfig http = HttpConfig.from(root.section("http"));
        ShutdownConfig shutdown = ShutdownConfig.from(root.section("shutdown"));
        ChartsConfig charts = ChartsConfig.from(root.section("charts"));
        return root.build(() -> new HeraldConfig(watch, detection, ripestat, rislive, ioda, database, logging,
                notifications, telegram, discord, http, shutdown, charts));
    }

    /** Targets in the parser's words at {@code watch[i]}; the same target twice counts once. */
    private static List<Target> watch(ConfigNode root) {
        TargetParser parser = new TargetParser();
        Map<String, Target> byKey = new LinkedHashMap<>();
        root.stringList("watch", parser::parse).forEach(t -> byKey.putIfAbsent(t.key(), t));
        return List.copyOf(byKey.values());
    }
}

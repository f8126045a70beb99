/**
 * The machinery that binds YAML into immutable records and checks it completely at start-up. It knows no
 * section: each section's record and binder sit beside the code they configure, and the composition root
 * ({@code app.HeraldConfig}) puts them together.
 *
 * <p>{@link net.outageherald.config.ConfigLoader} reads the file ({@code HERALD_CONFIG}, else
 * {@code config/herald.yaml}, else built-in defaults), binds it with the binder it is given, or throws one {@link net.outageherald.config.ConfigException} listing every problem with its path:
 * bad values, wrong types, missing required keys, and keys that no binder asked for (with a
 * did-you-mean). Nothing else in the service sees YAML.
 *
 * <h2>Adding a section</h2>
 * A section lives beside the code it configures ({@code chat.telegram.TelegramConfig}) and is
 * a record with its defaults and a binder (a static {@code from(ConfigNode)}, or a {@code …ConfigBinder}
 * beside it when the binding is long):
 * <pre>{@code
 * public record TelegramConfig(Optional<Secret> token, Duration timeout, List<Subscription> subscriptions) {
 *     public static TelegramConfig defaults() { ... }          // the one place its defaults are written
 *     public static TelegramConfig from(ConfigNode n) {
 *         TelegramConfig d = defaults();
 *         Optional<Secret> token = n.secret("token", "TELEGRAM_BOT_TOKEN");
 *         Duration timeout = n.duration("timeout", d.timeout(), Duration.ofSeconds(1), Duration.ofMinutes(1));
 *         List<Subscription> subscriptions = n.list("subscriptions", Subscription::from);
 *         n.check(token.isPresent() || subscriptions.isEmpty(), "token", "missing; subscriptions need a bot");
 *         return n.build(() -> new TelegramConfig(token, timeout, subscriptions));
 *     }
 * }
 * }</pre>
 * Then add it to {@code HeraldConfig}: a record component, one line in its binder
 * ({@code TelegramConfig telegram = TelegramConfigBinder.from(root.section("telegram"));}) and its
 * {@code defaults()} in {@code HeraldConfig.defaults()}. Add the keys, with defaults and a comment, to
 * {@code config/herald.yaml}, and a row per key to {@code docs/configuration.md}; the tests check that
 * both list every key with its default and that the example loads to the defaults.
 *
 * <h2>Rules for binders</h2>
 * <ul>
 *   <li>Read each key once, through a {@link net.outageherald.config.ConfigNode} getter: that is what
 *       makes it known, puts it in {@link net.outageherald.config.ConfigLoader#describeKeys}, and
 *       leaves every other key to be reported as unknown.</li>
 *   <li>Getters never throw on bad input: they record the problem at the key's path and give the
 *       default (or {@code null}/empty), so binding goes on and every problem is found in one run. The
 *       loader throws before a config built from such stand-ins reaches anyone.</li>
 *   <li>Check rules between keys with {@link net.outageherald.config.ConfigNode#check} at the key that
 *       should change, and normalise single values with
 *       {@link net.outageherald.config.ConfigNode#validate}; build the record with
 *       {@link net.outageherald.config.ConfigNode#build}, which turns a constructor's refusal into a
 *       problem.</li>
 *   <li>Paths are {@code section.key}, and list elements count from 0: {@code telegram.subscriptions[2].chat}.
 *       In {@code describeKeys()} they show as {@code telegram.subscriptions[].chat}: describing binds
 *       one empty element of each absent list.</li>
 *   <li>Durations are written {@code 30s}, {@code 5m}, {@code 1h30m} (see
 *       {@link net.outageherald.config.Durations}); bare numbers are refused.</li>
 *   <li>Environment variables win over the file for {@code env(...)} and {@code secret(...)} keys; a blank
 *       variable counts as unset. A secret may also come from {@code <key>-file}, a path relative to the
 *       config file's folder whose trimmed content is the secret.</li>
 * </ul>
 */
package net.outageherald.config;

package net.outageherald.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One section of the YAML config as section binders see it: typed getters that take the default,
 * never throw on bad input but record a problem at the key's path and hand back the default, and
 * remember each key they were asked for so that everything else in the file is reported as unknown.
 * Read each key once; see the package documentation for how a section binder uses this.
 */
public final class ConfigNode {

    private final JsonNode json;
    private final String path;
    private final String schemaPath;
    private final BindContext context;
    private final Set<String> known = new HashSet<>();
    private final Map<String, String> envSources = new HashMap<>();
    private final Map<String, ConfigNode> children = new LinkedHashMap<>();

    private ConfigNode(JsonNode json, String path, String schemaPath, BindContext context) {
        this.json = json;
        this.path = path;
        this.schemaPath = schemaPath;
        this.context = context;
    }

    static ConfigNode root(JsonNode json, BindContext context) {
        return new ConfigNode(json, "", "", context);
    }

    /** Where this node is, as shown in problems: {@code ""} for the root, {@code telegram.subscriptions[2]}. */
    public String path() {
        return path;
    }

    /** The full path of {@code key} in this node. */
    public String path(String key) {
        return join(path, key);
    }

    public String string(String key, String defaultValue) {
        return read(key, defaultValue == null ? "" : defaultValue, defaultValue, Scalars::text);
    }

    public Optional<String> optionalString(String key) {
        return Optional.ofNullable(read(key, "", null, Scalars::text));
    }

    /** A value that must be given; when absent or blank, reports {@code path.key: missing} and gives null. */
    public String requiredString(String key) {
        String value = read(key, "(required)", null, Scalars::text);
        if ((value == null || value.isBlank()) && !context.hasProblemsUnder(path(key))) {
            problem(key, "missing");
            return null;
        }
        return value;
    }

    public int integer(String key, int defaultValue, int min, int max) {
        return read(key, String.valueOf(defaultValue), defaultValue, v -> (int) Scalars.inRange(Scalars.whole(v), min, max));
    }

    public double decimal(String key, double defaultValue, double min, double max) {
        return read(key, Scalars.plain(defaultValue), defaultValue, v -> Scalars.inRange(Scalars.number(v), min, max));
    }

    public boolean bool(String key, boolean defaultValue) {
        return read(key, String.valueOf(defaultValue), defaultValue, Scalars::bool);
    }

    /** A duration written as {@code 30s}, {@code 5m}, {@code 1h30m}…; see {@link Durations}. */
    public Duration duration(String key, Duration defaultValue) {
        return read(key, Durations.format(defaultValue), defaultValue, Scalars::duration);
    }

    /** A duration that must lie between {@code min} and {@code max}, both included. */
    public Duration duration(String key, Duration defaultValue, Duration min, Duration max) {
        return read(key, Durations.format(defaultValue), defaultValue, v -> Scalars.inRange(Scalars.duration(v), min, max));
    }

    public List<String> stringList(String key) {
        return stringList(key, s -> s);
    }

    /**
     * A list of single values, each turned into a {@code T} by {@code parse}; an
     * {@link IllegalArgumentException} from it becomes a problem at {@code key[i]} and the item is left out.
     */
    public <T> List<T> stringList(String key, Function<String, T> parse) {
        List<T> out = new ArrayList<>();
        List<JsonNode> items = items(key);
        for (int i = 0; i < items.size(); i++) {
            String itemPath = path(key) + "[" + i + "]";
            try {
                out.add(parse.apply(Scalars.text(items.get(i))));
            } catch (IllegalArgumentException e) {
                context.problem(itemPath, itemPath, e.getMessage());
            }
        }
        return List.copyOf(out);
    }

    /**
     * A list of sections, each bound by {@code element} from its own node at {@code key[i]}. An element
     * that gives {@code null} or throws {@link IllegalArgumentException} is left out (the exception becomes
     * a problem). When describing keys (an empty document) one empty element is bound at {@code key[]},
     * so that its keys are declared as {@code key[].name}.
     */
    public <T> List<T> list(String key, Function<ConfigNode, T> element) {
        List<JsonNode> items = items(key);
        String elementSchema = join(schemaPath, key) + "[]";
        if (context.describing()) {
            ConfigNode empty = child(key + "[]", JsonNodeFactory.instance.objectNode(), elementSchema);
            empty.build(() -> element.apply(empty));
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String segment = key + "[" + i + "]";
            if (!items.get(i).isObject()) {
                context.problem(path(segment), path(segment), "expected a section of key: value pairs, got " + Scalars.kind(items.get(i)));
                continue;
            }
            ConfigNode node = child(segment, items.get(i), elementSchema);
            T value = node.build(() -> element.apply(node));
            if (value != null) {
                out.add(value);
            }
        }
        return List.copyOf(out);
    }

    /** The section under {@code key}; absent or empty gives an empty node, so every default applies. */
    public ConfigNode section(String key) {
        known.add(key);
        JsonNode v = raw(key);
        if (!Scalars.absent(v) && !v.isObject()) {
            problem(key, "expected a section of key: value pairs, got " + Scalars.kind(v));
            v = null;
        }
        return child(key, Scalars.absent(v) ? JsonNodeFactory.instance.objectNode() : v, join(schemaPath, key));
    }

    /**
     * A value that an environment variable overrides, as a URL that differs per deployment: the
     * variable if set and not blank, else the file's value, else {@code defaultValue}.
     */
    public String env(String key, String envVar, String defaultValue) {
        String fromEnv = context.env(envVar);
        context.declare(join(schemaPath, key), defaultValue == null ? "" : defaultValue, envVar);
        known.add(key);
        if (fromEnv != null) {
            envSources.put(key, envVar);
            return fromEnv;
        }
        return string(key, defaultValue);
    }

    /**
     * A password or token: from {@code envVar} if set, else {@code key} in the file, else the trimmed
     * content of the file named by {@code key-file} (relative to the config file's folder). Blank means
     * not set; giving both {@code key} and {@code key-file} is a problem.
     */
    public Optional<Secret> secret(String key, String envVar) {
        context.declare(join(schemaPath, key), "", envVar);
        return Secrets.resolve(this, key, context.env(envVar), context.baseDir());
    }

    /**
     * Passes a value already read from {@code key} through {@code check}, which may also normalise it
     * (strip a trailing slash, upper-case a level). Its {@link IllegalArgumentException} becomes a
     * problem at the key, and {@code fallback} is given instead.
     */
    public <T, R> R validate(String key, T value, Function<T, R> check, R fallback) {
        try {
            return check.apply(value);
        } catch (IllegalArgumentException e) {
            problem(key, e.getMessage());
            return fallback;
        }
    }

    /** Reports a problem with {@code key} of this node, e.g. one that involves two keys. */
    public void problem(String key, String message) {
        String label = envSources.containsKey(key) ? path(key) + " (from " + envSources.get(key) + ")" : path(key);
        context.problem(path(key), label, message);
    }

    /** Reports {@code message} at {@code key} unless {@code ok}; gives {@code ok}. */
    public boolean check(boolean ok, String key, String message) {
        if (!ok) {
            problem(key, message);
        }
        return ok;
    }

    /**
     * Calls the section record's constructor. If it refuses ({@link IllegalArgumentException} or
     * {@link NullPointerException}) the refusal becomes a problem at this node, unless a problem here is
     * already reported: then it is the expected result of a value replaced by its default or null, and
     * adds nothing. Gives {@code null} on refusal; the loader throws before anyone sees it.
     */
    public <T> T build(Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            if (!context.hasProblemsUnder(path)) {
                context.problem(path, path, String.valueOf(e.getMessage()));
            }
            return null;
        }
    }

    /** Reports every key in the YAML that no binder asked for, here and in every child node. */
    void finish() {
        if (json.isObject()) {
            json.fieldNames().forEachRemaining(name -> {
                if (!known.contains(name)) {
                    context.problem(path(name), path(name), "unknown key" + DidYouMean.hint(name, known));
                }
            });
        }
        children.values().forEach(ConfigNode::finish);
    }

    private <T> T read(String key, String shownDefault, T fallback, Function<JsonNode, T> convert) {
        known.add(key);
        context.declare(join(schemaPath, key), shownDefault, null);
        JsonNode v = raw(key);
        if (Scalars.absent(v)) {
            return fallback;
        }
        try {
            return convert.apply(v);
        } catch (IllegalArgumentException e) {
            problem(key, e.getMessage());
            return fallback;
        }
    }

    private List<JsonNode> items(String key) {
        known.add(key);
        context.declare(join(schemaPath, key), "[]", null);
        JsonNode v = raw(key);
        if (Scalars.absent(v)) {
            return List.of();
        }
        if (!v.isArray()) {
            // a lone value is the usual slip: show the list it was probably meant to be
            problem(key, "expected a list, got " + Scalars.kind(v) + (v.isValueNode() ? "; write [" + v.asText() + "]" : ""));
            return List.of();
        }
        List<JsonNode> items = new ArrayList<>();
        v.elements().forEachRemaining(items::add);
        return items;
    }

    private JsonNode raw(String key) {
        return json.isObject() ? json.get(key) : null;
    }

    private ConfigNode child(String segment, JsonNode value, String childSchemaPath) {
        return children.computeIfAbsent(segment, s -> new ConfigNode(value, path(s), childSchemaPath, context));
    }

    private static String join(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }
}

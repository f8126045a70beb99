package net.outageherald.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the YAML config, binds it with the caller's binder (the app's root config) and checks all of it: any problem,
 * anywhere, ends in one {@link ConfigException} that lists them all. Also lists every key the binders
 * know, for the reference docs.
 */
public final class ConfigLoader {

    /** Names the config file; without it {@code config/herald.yaml} is used if present, else defaults. */
    public static final String CONFIG_ENV = "HERALD_CONFIG";
    public static final Path DEFAULT_FILE = Path.of("config", "herald.yaml");

    private static final Logger LOG = LoggerFactory.getLogger(ConfigLoader.class);
    // a key given twice is nearly always a paste mistake; YAML would silently keep the last one
    private static final ObjectReader YAML = new YAMLMapper().reader().with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private ConfigLoader() {
    }

    /** Loads {@code file}, which must exist; {@code env} is the process environment (or a test's map). */
    public static <T> T load(Path file, Map<String, String> env, Function<ConfigNode, T> binder) {
        T config = bind(read(file), env, folderOf(file), binder);
        LOG.info("Loaded config from {}", file);
        return config;
    }

    /** Loads the file named by {@code HERALD_CONFIG}, else {@code config/herald.yaml} if it exists, else defaults. */
    public static <T> T loadDefault(Map<String, String> env, Function<ConfigNode, T> binder) {
        String named = env.get(CONFIG_ENV);
        if (named != null && !named.isBlank()) {
            return load(Path.of(named.strip()), env, binder);
        }
        if (Files.exists(DEFAULT_FILE)) {
            return load(DEFAULT_FILE, env, binder);
        }
        LOG.info("No {} and no {}: using built-in defaults", CONFIG_ENV, DEFAULT_FILE);
        return bind(emptyDocument(), env, Path.of(""), binder);
    }

    /** Every key the binders know, in binding order, with its default and environment variable. */
    public static List<KeyDescription> describeKeys(Function<ConfigNode, ?> binder) {
        BindContext context = BindContext.forDescribing();
        binder.apply(ConfigNode.root(emptyDocument(), context));
        return context.declaredKeys();
    }

    /** Binds a parsed document; problems from binding come first, then unknown keys. */
    public static <T> T bind(JsonNode document, Map<String, String> env, Path baseDir, Function<ConfigNode, T> binder) {
        BindContext context = BindContext.forLoading(env, baseDir);
        JsonNode json = document;
        if (!json.isObject()) {
            context.problem("", "", "the config must be a set of key: value pairs at the top level, not " + Scalars.kind(json));
            json = emptyDocument();
        }
        ConfigNode root = ConfigNode.root(json, context);
        T result = binder.apply(root);
        root.finish();
        if (!context.problems().isEmpty()) {
            throw new ConfigException(context.problems());
        }
        return result;
    }

    private static JsonNode read(Path file) {
        try {
            JsonNode doc = YAML.readTree(Files.readString(file, StandardCharsets.UTF_8));
            // an empty file, or one with only comments, is a valid config that keeps every default
            return doc == null || doc.isMissingNode() || doc.isNull() ? emptyDocument() : doc;
        } catch (NoSuchFileException e) {
            throw new ConfigException(List.of("config file " + file.toAbsolutePath() + " does not exist; create it"
                    + " (the repository's config/herald.yaml is a commented example) or set " + CONFIG_ENV
                    + " to the file you meant"));
        } catch (JsonProcessingException e) {
            throw new ConfigException(List.of(file + ": YAML syntax error" + at(e.getLocation()) + ": " + syntaxProblem(e)));
        } catch (IOException e) {
            throw new ConfigException(List.of("cannot read config file " + file.toAbsolutePath() + ": " + e));
        }
    }

    private static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /**
     * SnakeYAML's message spans several lines with excerpts of the file; keep its unindented lines,
     * which say what was expected ("while parsing a block mapping") and what was found.
     */
    private static String syntaxProblem(JsonProcessingException e) {
        List<String> lines = Arrays.stream(String.valueOf(e.getOriginalMessage()).split("\n"))
                .filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
                .toList();
        if (lines.size() < 2) {
            return lines.isEmpty() ? e.getClass().getSimpleName() : lines.get(0);
        }
        return lines.get(lines.size() - 1) + " (" + String.join("; ", lines.subList(0, lines.size() - 1)) + ")";
    }

    private static Path folderOf(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? Path.of("") : parent;
    }

    private static JsonNode emptyDocument() {
        return JsonNodeFactory.instance.objectNode();
    }
}

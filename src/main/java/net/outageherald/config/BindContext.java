package net.outageherald.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What all nodes of one binding share: the environment, the folder that relative file paths start
 * from, the problems found so far and the keys the binders declared.
 */
final class BindContext {

    private record Problem(String path, String line) {
    }

    private final Map<String, String> env;
    private final Path baseDir;
    private final boolean describing;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, KeyDescription> keys = new LinkedHashMap<>();

    private BindContext(Map<String, String> env, Path baseDir, boolean describing) {
        this.env = Map.copyOf(env);
        this.baseDir = baseDir;
        this.describing = describing;
    }

    static BindContext forLoading(Map<String, String> env, Path baseDir) {
        return new BindContext(env, baseDir, false);
    }

    /** For listing keys: no environment, and lists bind one empty element so their keys show. */
    static BindContext forDescribing() {
        return new BindContext(Map.of(), Path.of(""), true);
    }

    boolean describing() {
        return describing;
    }

    /** The variable's value, or {@code null} when unset or blank (as {@code VAR=} in a compose file). */
    String env(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Where relative file paths in the config start: the config file's folder. */
    Path baseDir() {
        return baseDir;
    }

    /**
     * Records a problem at {@code path}; {@code label} is the path as shown, which may name the
     * environment variable the value came from.
     */
    void problem(String path, String label, String message) {
        problems.add(new Problem(path, label.isEmpty() ? message : label + ": " + message));
    }

    /** Whether anything at {@code path} or below it has been reported. */
    boolean hasProblemsUnder(String path) {
        return problems.stream().anyMatch(p -> path.isEmpty() || p.path.equals(path)
                || p.path.startsWith(path + ".") || p.path.startsWith(path + "["));
    }

    List<String> problems() {
        return problems.stream().map(Problem::line).toList();
    }

    void declare(String path, String defaultValue, String envVar) {
        keys.putIfAbsent(path, new KeyDescription(path, defaultValue, envVar));
    }

    List<KeyDescription> declaredKeys() {
        return List.copyOf(keys.values());
    }
}

package net.outageherald.source.ioda;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import net.outageherald.config.ConfigException;
import net.outageherald.config.ConfigLoader;
import net.outageherald.config.ConfigNode;
import net.outageherald.testing.SectionBinder;

/** Binds one YAML section with the real config machinery, exactly as the loader binds the whole file. */
final class SectionBinding {

    /** What binding gave (null when it failed), and every problem it reported, unknown keys included. */
    record Bound<T>(T value, List<String> problems) {
    }

    private SectionBinding() {
    }

    static <T> Bound<T> bind(String yaml, String section, Map<String, String> env, Function<ConfigNode, T> binder) {
        try {
            return new Bound<>(ConfigLoader.bind(SectionBinder.document(yaml), env, Path.of(""),
                    root -> binder.apply(root.section(section))),
                    List.of());
        } catch (ConfigException e) {
            return new Bound<>(null, e.problems());
        }
    }
}

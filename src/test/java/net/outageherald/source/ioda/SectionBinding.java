package net.outageherald.source.ioda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import net.outageherald.config.ConfigNode;

/**
 * Binds one YAML section with the real config machinery, as {@code ConfigLoader} would once the section is part
 * of {@code HeraldConfig}. Until then the loader has no public way to bind a single section, so this reaches its
 * package-private entry points by reflection; once {@code ioda:} is wired in, test through
 * {@code ConfigLoader.load} instead and delete this class.
 */
final class SectionBinding {

    /** What binding gave, and every problem it reported (unknown keys included). */
    record Bound<T>(T value, List<String> problems) {
    }

    private SectionBinding() {
    }

    static <T> Bound<T> bind(String yaml, String section, Map<String, String> env, Function<ConfigNode, T> binder) {
        try {
            JsonNode document = new YAMLMapper().readTree(yaml.isBlank() ? "{}" : yaml);
            Class<?> contextClass = Class.forName("net.outageherald.config.BindContext");
            Method forLoading = contextClass.getDeclaredMethod("forLoading", Map.class, Path.class);
            forLoading.setAccessible(true);
            Object context = forLoading.invoke(null, env, Path.of(""));
            Method rootOf = ConfigNode.class.getDeclaredMethod("root", JsonNode.class, contextClass);
            rootOf.setAccessible(true);
            ConfigNode root = (ConfigNode) rootOf.invoke(null, document, context);
            T value = binder.apply(root.section(section));
            Method finish = ConfigNode.class.getDeclaredMethod("finish");
            finish.setAccessible(true);
            finish.invoke(root);
            Method problems = contextClass.getDeclaredMethod("problems");
            problems.setAccessible(true);
            @SuppressWarnings("unchecked")
            List<String> found = (List<String>) problems.invoke(context);
            return new Bound<>(value, found);
        } catch (ReflectiveOperationException | java.io.IOException e) {
            throw new IllegalStateException("the config package changed; bind the ioda section through "
                    + "ConfigLoader now (see this class's Javadoc)", e);
        }
    }
}

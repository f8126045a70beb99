package net.outageherald.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/architecture.md true: each package imports only the packages its stage may use, so the
 * arrows point one way, and only {@code store} writes SQL. A new package must be given its place here
 * and in the document.
 */
class PackageRulesTest {

    private static final Path MAIN = Path.of("src", "main", "java", "net", "outageherald");
    private static final Pattern PROJECT_REF = Pattern.compile("net\\.outageherald\\.((?:[a-z]\\w*\\.)*[a-z]\\w*)\\.[A-Z]");
    private static final Pattern SQL = Pattern.compile("\"\\s*(SELECT|INSERT INTO|UPDATE \\w+ SET|DELETE FROM|CREATE TABLE)\\b");

    /** The stages in order; each may use the packages listed, and nothing later. Mirrors docs/architecture.md. */
    static final Map<String, Set<String>> ALLOWED = new LinkedHashMap<>();

    static {
        allow("model");
        allow("config");
        allow("schedule");
        allow("nflog", "model");
        allow("source", "model");
        allow("source.ripestat", "model", "config", "source");
        allow("source.rislive", "model", "config", "source");
        allow("source.ioda", "model", "config", "source");
        allow("routing", "model", "source", "source.rislive");
        allow("store", "model", "config", "nflog");
        allow("detect", "model", "config", "schedule", "source", "source.ioda", "store", "routing");
        allow("chart", "model", "config");
        allow("notify.message", "model");
        allow("outbox", "model", "config", "nflog", "store");
        allow("subscribe", "model", "nflog", "outbox", "store");
        allow("notify", "model", "config", "nflog", "store", "detect", "outbox", "notify.message", "chart");
        allow("command", "model", "store", "detect", "subscribe", "notify.message", "chart");
        allow("chat.console", "model", "outbox");
        allow("chat.telegram", "model", "config", "outbox", "command", "notify.message", "subscribe");
        allow("chat.discord", "model", "config", "outbox", "command", "notify.message", "subscribe");
        allow("ops", "model", "config", "schedule", "source", "source.ripestat", "source.rislive", "store", "detect");
        allow("app", "*");
    }

    private static void allow(String pkg, String... uses) {
        ALLOWED.put(pkg, Set.of(uses));
    }

    @Test
    void everyPackageImportsOnlyWhatItsStageMayUse() throws IOException {
        Map<String, Set<String>> wrong = new TreeMap<>();
        for (Path file : javaFiles()) {
            String pkg = packageOf(file);
            Set<String> allowed = ALLOWED.get(pkg);
            assertThat(allowed).as("package %s (of %s) has no place in the stage order; add it to"
                    + " PackageRulesTest and docs/architecture.md", pkg, file).isNotNull();
            if (allowed.contains("*")) {
                continue;
            }
            for (String used : referencedPackages(Files.readString(file))) {
                if (!used.equals(pkg) && !allowed.contains(used)) {
                    wrong.computeIfAbsent(pkg + " -> " + used, k -> new TreeSet<>()).add(file.getFileName().toString());
                }
            }
        }
        assertThat(wrong).as("imports against the stage order").isEmpty();
    }

    @Test
    void onlyStoreWritesSql() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path file : javaFiles()) {
            if (!packageOf(file).equals("store") && SQL.matcher(Files.readString(file)).find()) {
                offenders.add(file.toString());
            }
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void theArchitectureDocumentNamesEveryPackage() throws IOException {
        String doc = Files.readString(Path.of("docs", "architecture.md"));
        for (Path file : javaFiles()) {
            assertThat(doc).as("docs/architecture.md").contains("`" + packageOf(file) + "`");
        }
    }

    private static List<Path> javaFiles() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static String packageOf(Path file) {
        return MAIN.relativize(file.getParent()).toString().replace(file.getFileSystem().getSeparator(), ".");
    }

    /** Project packages named in imports and in fully qualified references (Javadoc links count too). */
    static Set<String> referencedPackages(String source) {
        Set<String> out = new TreeSet<>();
        Matcher m = PROJECT_REF.matcher(source);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}

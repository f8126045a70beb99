package net.outageherald.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The shared folder beside the checkout ({@code ../shared}: recorded real API responses, real data), which a
 * lone clone does not have. Contract tests against it call {@link #require} and are skipped where it is missing,
 * so that {@code mvn test} passes on any clone and still checks the real responses where they are.
 */
public final class SharedData {

    /** Where the shared folder is, if not {@code ../shared} from the working directory (the pom sets it). */
    public static final String PROPERTY = "herald.shared";

    private SharedData() {
    }

    /** {@code <shared>/<sub>}, if that directory exists. */
    public static Optional<Path> dir(String sub) {
        Path dir = root().resolve(sub);
        return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
    }

    /**
     * {@code <shared>/<sub>}; skips the calling test with one line when it is missing. Call it per test (in
     * {@code @BeforeEach}): surefire reports a class whose {@code @BeforeAll} skips as zero tests, not as skipped.
     */
    public static Path require(String sub) {
        Path dir = root().resolve(sub);
        assumeTrue(Files.isDirectory(dir),
                "../shared/" + sub + " not found beside the checkout: recorded-response contract tests skipped");
        return dir;
    }

    private static Path root() {
        String configured = System.getProperty(PROPERTY);
        // surefire runs in the basedir, so ../shared is beside the checkout even without the property
        return configured == null || configured.isBlank() ? Path.of("..", "shared") : Path.of(configured);
    }
}

package net.outageherald.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * {@code outage-herald run} in a child JVM on the test class path, as a supervisor would start it:
 * its own environment, its stdout and stderr written to files beside the config (a pipe would be
 * closed on our side by {@link Process#destroy()}, losing what the child logs while it stops), and
 * {@link #sigterm()} as Docker and systemd stop it. Small heap and the C1 compiler only, since the
 * machine is shared.
 */
public final class HeraldProcess implements AutoCloseable {

    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private HeraldProcess(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** Starts {@code run --config config} in {@code workDir} with {@code env} added to this process's environment. */
    public static HeraldProcess run(Path workDir, Path config, Map<String, String> env) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-Xmx128m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", productionClassPath(), "net.outageherald.app.Main",
                "run", "--config", config.toString());
        Path out = workDir.resolve("stdout.txt");
        Path err = workDir.resolve("stderr.txt");
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        // never the real IODA from a test: a closed port unless the test brings its fake
        pb.environment().put("HERALD_IODA_URL", "http://127.0.0.1:9/v2");
        pb.environment().putAll(env);
        return new HeraldProcess(pb.start(), out, err);
    }

    /** The test class path without the test classes: the service as it ships, its logging set up by LogDefaults. */
    private static String productionClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** SIGTERM, as {@code docker stop} and systemd send it; {@link Process#destroy()} does exactly that on Unix. */
    public void sigterm() {
        process.destroy();
    }

    /** SIGKILL: no shutdown hook, no clean close; the kernel closes its sockets. */
    public void sigkill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** The exit code, waiting at most {@code timeout}; throws if the process is still running then. */
    public int exitCode(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("still running after " + timeout + "; output so far:\n" + output());
        }
        return process.exitValue();
    }

    public String stdout() {
        return read(stdout);
    }

    public String stderr() {
        return read(stderr);
    }

    /** Both streams, for assertions that do not care which and for failure messages. */
    public String output() {
        return stdout() + stderr();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}

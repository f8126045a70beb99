package net.outageherald.config;

import net.outageherald.app.HeraldConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentOverridesTest {

    @TempDir
    Path dir;

    @Test
    void endpointsFromTheEnvironmentWinOverTheFile() throws IOException {
        // GIVEN a file with its own endpoints and an environment that points elsewhere
        Path file = write("""
                ripestat: {url: 'https://stat.ripe.net'}
                database: {url: 'jdbc:sqlite:data/file.db', username: file-user}
                logging: {format: text}
                """);
        Map<String, String> env = Map.of(
                "HERALD_RIPESTAT_URL", "http://127.0.0.1:8089/",
                "HERALD_DB_URL", "jdbc:postgresql://db:5432/herald",
                "HERALD_DB_USER", "herald",
                "HERALD_LOG_FORMAT", "json");

        // WHEN it is loaded
        HeraldConfig config = HeraldConfig.load(file, env);

        // THEN the environment's values are used, normalised like the file's would be
        assertThat(config.ripestat().url()).isEqualTo("http://127.0.0.1:8089");
        assertThat(config.database().url()).isEqualTo("jdbc:postgresql://db:5432/herald");
        assertThat(config.database().username()).isEqualTo("herald");
        assertThat(config.logging().format()).isEqualTo("json");
    }

    @Test
    void aBlankVariableCountsAsUnset() throws IOException {
        // GIVEN HERALD_DB_URL set to nothing, as "HERALD_DB_URL=" in a compose file does
        Path file = write("database: {url: 'jdbc:sqlite:from-file.db'}\n");

        // WHEN it is loaded
        HeraldConfig config = HeraldConfig.load(file, Map.of("HERALD_DB_URL", " "));

        // THEN the file's value stands
        assertThat(config.database().url()).isEqualTo("jdbc:sqlite:from-file.db");
    }

    @Test
    void aBadValueFromTheEnvironmentNamesTheVariable() throws IOException {
        // GIVEN a RIPEstat URL in the environment that is no URL
        Path file = write("");

        // WHEN it is loaded
        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> HeraldConfig.load(file, Map.of("HERALD_RIPESTAT_URL", "stat.ripe.net")));

        // THEN the operator is sent to the variable, not to the file where it is not
        assertThat(e.problems()).containsExactly("ripestat.url (from HERALD_RIPESTAT_URL): 'stat.ripe.net'"
                + " is not an http(s) URL; use e.g. https://stat.ripe.net");
    }

    @Test
    void thePasswordFromTheEnvironmentWinsOverTheFile() throws IOException {
        // GIVEN a password in the file and another in the environment
        Path file = write("database: {password: from-file}\n");

        // WHEN it is loaded
        HeraldConfig config = HeraldConfig.load(file, Map.of("HERALD_DB_PASSWORD", "from-env"));

        // THEN the environment's is used
        assertThat(config.database().password().reveal()).isEqualTo("from-env");
    }

    @Test
    void thePasswordCanComeFromAFileNextToTheConfig() throws IOException {
        // GIVEN a secret file, written with echo's trailing newline, named relative to the config file
        Files.createDirectories(dir.resolve("secrets"));
        Files.writeString(dir.resolve("secrets/db-password"), "s3cret\n");
        Path file = write("database: {password-file: secrets/db-password}\n");

        // WHEN it is loaded
        HeraldConfig config = HeraldConfig.load(file, Map.of());

        // THEN the trimmed content is the password
        assertThat(config.database().password()).isEqualTo(new Secret("s3cret"));
    }

    @Test
    void aMissingPasswordFileIsAProblemWithItsPath() throws IOException {
        // GIVEN a password-file that does not exist
        Path file = write("database: {password-file: /nonexistent/db-password}\n");

        // WHEN it is loaded
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> HeraldConfig.load(file, Map.of()));

        // THEN the problem names the key and the file
        assertThat(e.problems()).containsExactly("database.password-file: cannot read /nonexistent/db-password: no such file");
    }

    @Test
    void anEmptyPasswordFileIsAProblem() throws IOException {
        // GIVEN a password file that exists but holds only a newline
        Files.writeString(dir.resolve("db-password"), "\n");
        Path file = write("database: {password-file: db-password}\n");

        // WHEN it is loaded
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> HeraldConfig.load(file, Map.of()));

        // THEN it is refused rather than connecting with an empty password
        assertThat(e.problems()).containsExactly("database.password-file: the file " + dir.resolve("db-password")
                + " is empty; put the secret in it");
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("herald.yaml"), yaml);
    }
}

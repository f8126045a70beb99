package net.outageherald.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.outageherald.chat.discord.DiscordShards;
import net.outageherald.ops.HealthProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The cluster compose file ({@code compose.yaml}, docs/cluster.md) starts what it says: PostgreSQL with a health
 * check and a named volume, and instances built from the Dockerfile that wait for it, probe {@code /healthz},
 * split the Discord shards between them and get every secret from the environment. Each instance's environment,
 * on top of the image's, is bound by the real config loader with the image's config file, so a renamed variable
 * or a bad value fails here rather than in a container. No Docker needed. SnakeYAML reads the file because the
 * instances share their settings through YAML merge keys ({@code <<: *herald}), which Jackson leaves unresolved.
 */
class ComposeFileTest {

    private static final Pattern SUBSTITUTION = Pattern.compile("\\$\\{(\\w+)(:[-?])([^}]*)}");
    private static final Pattern SECRET_NAME = Pattern.compile(".*(TOKEN|PASSWORD|SECRET).*");

    private Map<String, Object> services;
    private Map<String, Object> volumes;
    private List<String> instances;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void read() throws IOException {
        Map<String, Object> compose;
        try (Reader in = Files.newBufferedReader(Path.of("compose.yaml"))) {
            compose = new Yaml().load(in);
        }
        services = (Map<String, Object>) compose.get("services");
        volumes = (Map<String, Object>) compose.get("volumes");
        instances = services.keySet().stream().filter(s -> s.startsWith("herald-")).sorted().toList();
    }

    @Test
    void postgresHasAHealthCheckAndKeepsItsDataInANamedVolume() {
        Map<String, Object> postgres = map(services, "postgres");

        assertThat((String) postgres.get("image")).startsWith("postgres:");
        assertThat(String.join(" ", strings(map(postgres, "healthcheck").get("test")))).contains("pg_isready");
        String volume = strings(postgres.get("volumes")).get(0);
        assertThat(volume).endsWith(":/var/lib/postgresql/data");
        assertThat(volumes).containsKey(volume.substring(0, volume.indexOf(':')));
    }

    @Test
    void twoInstancesFromTheDockerfileWaitForPostgresAndProbeHealthz() throws Exception {
        assertThat(instances).containsExactly("herald-1", "herald-2");
        assertThat(Files.exists(Path.of("Dockerfile"))).isTrue();
        String jarInImage = Files.readString(Path.of("Dockerfile")).replaceAll("(?s).*\"-jar\", \"([^\"]+)\".*", "$1");
        TreeSet<String> hostPorts = new TreeSet<>();
        for (String name : instances) {
            Map<String, Object> instance = map(services, name);
            assertThat(map(instance, "build").get("context")).as(name).isEqualTo(".");
            assertThat(map(map(instance, "depends_on"), "postgres").get("condition")).isEqualTo("service_healthy");
            List<String> probe = strings(map(instance, "healthcheck").get("test"));
            assertThat(probe.get(probe.indexOf("-cp") + 1)).isEqualTo(jarInImage);
            assertThat(Class.forName(probe.get(probe.size() - 1))).isEqualTo(HealthProbe.class);
            String port = strings(instance.get("ports")).get(0);
            assertThat(port).as("the endpoint on this machine only").startsWith("127.0.0.1:").endsWith(":8080");
            hostPorts.add(port);
        }
        assertThat(hostPorts).as("one host port each").hasSize(instances.size());
    }

    @Test
    void eachInstanceBindsToPostgresWithItsOwnDiscordShardsUnderTheSameTotal() throws IOException {
        Map<String, Object> postgres = map(map(services, "postgres"), "environment");
        TreeSet<Integer> held = new TreeSet<>();
        TreeSet<Integer> totals = new TreeSet<>();
        for (String name : instances) {
            HeraldConfig config = HeraldConfig.load(Path.of("config", "herald.yaml"), environment(name));

            assertThat(config.database().url()).isEqualTo("jdbc:postgresql://postgres:5432/" + postgres.get("POSTGRES_DB"));
            assertThat(config.database().username()).isEqualTo(postgres.get("POSTGRES_USER"));
            assertThat(config.database().password().reveal()).isEqualTo("password-from-env");
            assertThat(config.http().enabled()).isTrue();
            assertThat(config.http().port()).isEqualTo(8080);
            DiscordShards shards = config.discord().shards();
            totals.add(shards.total());
            shards.ids().forEach(id -> assertThat(held.add(id)).as("shard %d held by one instance only", id).isTrue());
        }
        assertThat(totals).as("every instance gives the same total").hasSize(1);
        assertThat(held).as("every shard held").hasSize(totals.first());
        assertThat(totals.first()).isEqualTo(instances.size());
    }

    @Test
    void noSecretIsWrittenInTheFileOnlyTakenFromTheEnvironment() throws IOException {
        int secrets = 0;
        for (String name : services.keySet()) {
            Map<String, Object> env = map(map(services, name), "environment");
            for (Map.Entry<String, Object> e : env.entrySet()) {
                if (SECRET_NAME.matcher(e.getKey()).matches()) {
                    secrets++;
                    assertThat(String.valueOf(e.getValue())).as("%s of %s", e.getKey(), name)
                            .matches(SUBSTITUTION.pattern());
                }
            }
        }
        assertThat(secrets).as("the database password of each service and the bot tokens").isGreaterThanOrEqualTo(7);
        String text = Files.readString(Path.of("compose.yaml"));
        assertThat(text).doesNotContainPattern("\\d{8,}:[\\w-]{30,}") // a Telegram token
                .doesNotContainPattern("[\\w-]{24,}\\.[\\w-]{6}\\.[\\w-]{27,}"); // a Discord token
    }

    /** The image's ENV, then the service's environment with its substitutions filled in as a shell would. */
    private Map<String, String> environment(String service) throws IOException {
        Map<String, String> env = new HashMap<>();
        Matcher image = Pattern.compile("(HERALD_\\w+)=(\\S+)").matcher(Files.readString(Path.of("Dockerfile")));
        while (image.find()) {
            env.put(image.group(1), image.group(2));
        }
        Map<String, String> shell = Map.of("HERALD_DB_PASSWORD", "password-from-env");
        map(map(services, service), "environment").forEach((key, value) -> {
            Matcher m = SUBSTITUTION.matcher(String.valueOf(value));
            env.put(key, m.matches() ? shell.getOrDefault(m.group(1), "") : String.valueOf(value));
        });
        return env;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertThat(value).as(key).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static List<String> strings(Object list) {
        assertThat(list).isInstanceOf(List.class);
        return ((List<?>) list).stream().map(String::valueOf).toList();
    }
}

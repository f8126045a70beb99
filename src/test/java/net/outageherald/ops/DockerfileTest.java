package net.outageherald.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The image is built and started the way the README says: the Dockerfile's build step is the README's
 * build command, it copies the jar that command makes, and its entry point runs that jar with the
 * README's subcommand. No Docker needed: the files are read as text.
 */
class DockerfileTest {

    // mvn -B -q -DskipTests package && java -jar target/outage-herald.jar run
    private static final Pattern QUICK_START = Pattern.compile("^(mvn [^&\\n]+?) && java -jar (\\S+) (\\w+)$",
            Pattern.MULTILINE);

    private final List<String> instructions = new ArrayList<>();
    private String readmeBuild;
    private String readmeJar;
    private String readmeCommand;

    @BeforeEach
    void read() throws IOException {
        Matcher m = QUICK_START.matcher(Files.readString(Path.of("README.md")));
        assertThat(m.find()).as("the README's quick-start command").isTrue();
        readmeBuild = m.group(1);
        readmeJar = m.group(2);
        readmeCommand = m.group(3);
        // one instruction per entry: continuation lines joined, comments dropped
        String text = Files.readString(Path.of("Dockerfile")).replaceAll("\\\\\\n", " ");
        text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .map(l -> l.replaceAll("\\s+", " ")).forEach(instructions::add);
    }

    private List<String> all(String keyword) {
        return instructions.stream().filter(i -> i.startsWith(keyword + " "))
                .map(i -> i.substring(keyword.length() + 1)).toList();
    }

    /** Instructions of the stage that starts at the {@code index}-th FROM. */
    private List<String> stage(int index) {
        int from = -1;
        List<String> out = new ArrayList<>();
        for (String i : instructions) {
            from += i.startsWith("FROM ") ? 1 : 0;
            if (from == index) {
                out.add(i);
            }
        }
        return out;
    }

    /** The Maven commands a stage runs, without RUN's build-time flags. */
    private List<String> mavenRuns(List<String> stage) {
        return stage.stream().filter(i -> i.startsWith("RUN "))
                .map(r -> r.substring(4).replaceAll("--mount=\\S+ ", ""))
                .filter(r -> r.startsWith("mvn "))
                .toList();
    }

    /** The stages are build, test, and the image's own stage last (the default target). */
    private List<String> runStage() {
        return stage((int) instructions.stream().filter(i -> i.startsWith("FROM ")).count() - 1);
    }

    @Test
    void theBuildStepIsTheReadmesBuildCommandAndTheTestStageItsTestCommand() throws IOException {
        assertThat(mavenRuns(stage(0))).containsExactly(readmeBuild);
        assertThat(readmeBuild).contains("-DskipTests");
        assertThat(stage(1).get(0)).isEqualTo("FROM build AS test");
        assertThat(Files.readString(Path.of("README.md"))).contains("```sh\nmvn -B test\n```");
        assertThat(mavenRuns(stage(1))).containsExactly("mvn -B test");
        assertThat(mavenRuns(runStage())).isEmpty();
    }

    @Test
    void theImageRunsTheJarThatCommandBuiltWithTheReadmesSubcommand() throws IOException {
        // the build stage's working folder plus the README's jar path is what the run stage copies
        String workdir = stage(0).stream().filter(i -> i.startsWith("WORKDIR ")).findFirst().orElseThrow().substring(8);
        String copy = runStage().stream().filter(i -> i.startsWith("COPY --from=build ")).findFirst().orElseThrow();
        String[] parts = copy.split(" ");
        assertThat(parts[2]).isEqualTo(workdir + "/" + readmeJar);
        String jarInImage = parts[3];

        ObjectMapper json = new ObjectMapper();
        List<String> entrypoint = strings(json.readTree(all("ENTRYPOINT").get(0)));
        List<String> cmd = strings(json.readTree(all("CMD").get(0)));
        assertThat(entrypoint.get(0)).isEqualTo("java");
        assertThat(entrypoint.get(entrypoint.indexOf("-jar") + 1)).isEqualTo(jarInImage);
        assertThat(cmd).containsExactly(readmeCommand);
    }

    @Test
    void theRunStageIsUnprivilegedKeepsItsDatabaseInDataAndServesHealthOnEveryInterface() throws Exception {
        List<String> run = runStage();
        assertThat(run.get(0)).matches("FROM \\S*jre\\S*");
        assertThat(stage(0).get(0)).matches("FROM \\S*17\\S* AS build");
        String user = run.stream().filter(i -> i.startsWith("USER ")).reduce((a, b) -> b).orElseThrow();
        assertThat(user).isNotIn("USER root", "USER 0");
        assertThat(String.join("\n", run)).contains("HERALD_DB_URL=jdbc:sqlite:/data/outage-herald.db",
                "HERALD_HTTP_ENABLED=true", "HERALD_HTTP_ADDRESS=0.0.0.0", "VOLUME [\"/data\"]");
        // the health check runs a class that exists, from the jar in the image
        String health = run.stream().filter(i -> i.startsWith("HEALTHCHECK ")).findFirst().orElseThrow();
        List<String> probe = strings(new ObjectMapper().readTree(health.substring(health.indexOf("CMD ") + 4)));
        assertThat(probe.get(probe.indexOf("-cp") + 1)).isEqualTo(all("ENTRYPOINT").get(0).replaceAll(".*\"-jar\", \"([^\"]+)\".*", "$1"));
        assertThat(Class.forName(probe.get(probe.size() - 1))).isEqualTo(HealthProbe.class);
    }

    @Test
    void theBuildContextIsAnAllowListAndTheComposeExampleRunsTheImageWithConfigAndVolume() throws IOException {
        List<String> ignore = Files.readAllLines(Path.of(".dockerignore")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        assertThat(ignore.get(0)).isEqualTo("*");
        assertThat(ignore).contains("!pom.xml", "!src/").noneMatch(l -> l.contains("target") || l.contains("data"));

        JsonNode herald = new YAMLMapper().readTree(Path.of("config", "docker-compose.yml").toFile())
                .at("/services/herald");
        assertThat(herald.at("/build/context").asText()).isEqualTo("..");
        String volumes = strings(herald.get("volumes")).stream().collect(Collectors.joining(" "));
        assertThat(volumes).contains("./herald.yaml:/config/herald.yaml", ":/data");
        assertThat(herald.at("/environment/HERALD_CONFIG").asText()).isEqualTo("/config/herald.yaml");
        assertThat(Files.readString(Path.of("README.md")))
                .contains("docker build -t outage-herald .", "docker compose -f config/docker-compose.yml up");
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

}

package net.outageherald.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds a secret in the environment, inline in the config, or in a file as Docker and Kubernetes mount
 * them ({@code /run/secrets/db-password}). File content is trimmed, so the newline that {@code echo}
 * leaves does not end up in the password. No message here ever contains the secret.
 */
final class Secrets {

    private Secrets() {
    }

    /** {@code fromEnv} if set, else {@code key}, else the file named by {@code key-file}; both keys is a problem. */
    static Optional<Secret> resolve(ConfigNode node, String key, String fromEnv, Path baseDir) {
        String fileKey = key + "-file";
        // read both keys even when the environment wins, so neither is reported as unknown
        Optional<String> inline = node.optionalString(key).filter(s -> !s.isBlank());
        Optional<String> file = node.optionalString(fileKey).filter(s -> !s.isBlank());
        if (fromEnv != null) {
            return Optional.of(new Secret(fromEnv));
        }
        if (inline.isPresent() && file.isPresent()) {
            node.problem(key, "give either " + key + " or " + fileKey + ", not both");
            return Optional.empty();
        }
        if (inline.isPresent()) {
            return inline.map(Secret::new);
        }
        return file.flatMap(name -> read(node, fileKey, baseDir, name));
    }

    private static Optional<Secret> read(ConfigNode node, String fileKey, Path baseDir, String name) {
        Path file;
        try {
            file = baseDir.resolve(name);
        } catch (InvalidPathException e) {
            node.problem(fileKey, "'" + name + "' is not a file path: " + e.getReason());
            return Optional.empty();
        }
        try {
            String content = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (content.isEmpty()) {
                node.problem(fileKey, "the file " + file + " is empty; put the secret in it");
                return Optional.empty();
            }
            return Optional.of(new Secret(content));
        } catch (NoSuchFileException e) {
            node.problem(fileKey, "cannot read " + file + ": no such file");
        } catch (AccessDeniedException e) {
            node.problem(fileKey, "cannot read " + file + ": permission denied");
        } catch (IOException e) {
            node.problem(fileKey, "cannot read " + file + ": " + e.getMessage());
        }
        return Optional.empty();
    }
}

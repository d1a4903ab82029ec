package io.shipbridge.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test resources and repository files. */
public final class Fixtures {
    private Fixtures() {
    }

    public static String resource(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file of the repository (template.yaml, events/, statemachine/), found from the module directory. */
    public static Path repositoryFile(String relative) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve(relative);
            if (Files.exists(candidate) && Files.exists(dir.resolve("template.yaml"))) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalArgumentException("No " + relative + " in the repository");
    }

    public static String repositoryText(String relative) {
        try {
            return Files.readString(repositoryFile(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

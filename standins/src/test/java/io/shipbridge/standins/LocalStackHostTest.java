package io.shipbridge.standins;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How LocalStack's host mode finds a Python able to run it, or finds none and says so. */
class LocalStackHostTest {
    @TempDir
    Path directory;

    @Test
    void findsNoneWhereThereIsNoPython() {
        assertThat(LocalStackHost.findPython(Map.of("PATH", directory.toString()), directory, List.of())).isEmpty();
    }

    @Test
    void passesOverAPythonOlderThan312() throws IOException {
        Path old = python("python3", false);

        assertThat(LocalStackHost.findPython(Map.of("PATH", old.getParent().toString()), directory, List.of()))
                .isEmpty();
    }

    @Test
    void takesTheOneNamedBySettingFirst() throws IOException {
        Path named = python("chosen/python", true);
        python("bin/python3.13", true);

        assertThat(LocalStackHost.findPython(Map.of("SHIPBRIDGE_PYTHON", named.toString(),
                "PATH", directory.resolve("bin").toString()), directory, List.of())).contains(named);
    }

    @Test
    void findsOneOfPyenvsVersions() throws IOException {
        python(".pyenv/versions/3.11.7/bin/python3", false);
        Path recent = python(".pyenv/versions/3.13.0/bin/python3", true);

        assertThat(LocalStackHost.findPython(Map.of(), directory, List.of())).contains(recent);
    }

    /** A stand-in for a Python that answers the version check as one 3.12 or newer would, or as an older one. */
    private Path python(String path, boolean recent) throws IOException {
        Path file = directory.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\necho " + (recent ? 1 : 0) + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}

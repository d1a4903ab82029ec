package io.shipbridge.local.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * Writes the hello-world function's jar: {@link FloorHandler} and Lambda's core library (the interfaces a handler
 * implements), nothing else, as a deployed function's jar would hold them.
 */
final class FloorJar {
    private FloorJar() {
    }

    static Path write(Path directory) throws IOException {
        Path jar = directory.resolve("floor-function.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            String handler = FloorHandler.class.getName().replace('.', '/') + ".class";
            try (InputStream in = FloorHandler.class.getClassLoader().getResourceAsStream(handler)) {
                out.putNextEntry(new JarEntry(handler));
                in.transferTo(out);
            }
            try (JarFile core = new JarFile(lambdaCoreJar().toFile())) {
                for (JarEntry entry : java.util.Collections.list(core.entries())) {
                    if (entry.getName().endsWith(".class") && !entry.getName().endsWith("module-info.class")) {
                        out.putNextEntry(new JarEntry(entry.getName()));
                        try (InputStream in = core.getInputStream(entry)) {
                            in.transferTo(out);
                        }
                    }
                }
            }
        }
        return jar;
    }

    private static Path lambdaCoreJar() {
        try {
            Path location = Path.of(RequestHandler.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(location)) {
                throw new IllegalStateException("Lambda's core library is not a jar here: " + location);
            }
            return location;
        } catch (URISyntaxException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}

package course.kernel;

import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.transfer.ArtifactNotFoundException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** %maven's errors and class-path notes, without the network (a repository on a closed local port). */
class MavenMagicTest {
    @Test
    void anUnreachableRepositoryIsOneClearLine(@TempDir Path local) {
        MavenMagic maven = new MavenMagic("http://127.0.0.1:9/", "the test repository", local);
        try {
            CellError e = assertThrows(CellError.class, () -> maven.resolve(List.of("org.example:nothing:1.0")));
            assertEquals("MagicError", e.name());
            assertTrue(e.getMessage().startsWith("%maven: cannot reach the test repository (http://127.0.0.1:9/)"), e.getMessage());
            assertTrue(e.getMessage().contains("resolve offline"), e.getMessage());
            assertEquals(1, e.getMessage().lines().count());
        } finally {
            maven.close();
        }
    }

    @Test
    void anUnknownArtifactIsNamed(@TempDir Path local) {
        MavenMagic maven = new MavenMagic("http://127.0.0.1:9/", "the test repository", local);
        RemoteRepository repository = new RemoteRepository.Builder("central", "default", "http://127.0.0.1:9/").build();
        String message = maven.explain(new RuntimeException("wrapped",
                new ArtifactNotFoundException(new DefaultArtifact("org.example:absent:1.0"), repository)), "org.example:absent:1.0");
        assertTrue(message.startsWith("org.example:absent:jar:1.0 is not on the test repository"), message);
        assertTrue(message.contains("check its group, artifact and version"), message);
    }

    @Test
    void aJarWithClassesTheKernelHasIsNamedWithTheKernelsJar(@TempDir Path dir) throws IOException {
        Path overlapping = jar(dir.resolve("gson-9.9.jar"), "com/google/gson/Gson.class");
        Path fresh = jar(dir.resolve("fresh-1.0.jar"), "org/example/fresh/Fresh.class");
        String clash = MavenMagic.kernelJarWithClassesOf(overlapping);
        assertTrue(clash != null && clash.startsWith("gson-") && clash.endsWith(".jar"), String.valueOf(clash));
        assertNull(MavenMagic.kernelJarWithClassesOf(fresh));
        assertNull(MavenMagic.kernelJarWithClassesOf(dir.resolve("missing.jar")));
    }

    private static Path jar(Path path, String... entries) throws IOException {
        try (OutputStream file = Files.newOutputStream(path); ZipOutputStream zip = new ZipOutputStream(file)) {
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write(new byte[]{(byte) 0xca, (byte) 0xfe});
                zip.closeEntry();
            }
        }
        return path;
    }
}

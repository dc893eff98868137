package course.kernel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainTest {
    @Test
    void emptyClassPathMissesNothing() {
        assertEquals(List.of(), Main.missingClassPathEntries(""));
        assertEquals(List.of(), Main.missingClassPathEntries(File.pathSeparator + " " + File.pathSeparator));
    }

    @Test
    void missingEntriesAreListedInOrder(@TempDir Path dir) throws IOException {
        Path jar = Files.createFile(dir.resolve("present.jar"));
        Path classes = Files.createDirectory(dir.resolve("classes"));
        String gone1 = dir.resolve("gone-1.jar").toString();
        String gone2 = dir.resolve("jars").resolve("gone-2.jar").toString();
        String classPath = String.join(File.pathSeparator, jar.toString(), gone1, "", classes.toString(), gone2);
        assertEquals(List.of(gone1, gone2), Main.missingClassPathEntries(classPath));
    }

    @Test
    void rebuildHintNamesTheBuild() {
        assertTrue(Main.REBUILD_HINT.contains("mvn") && Main.REBUILD_HINT.contains("package"), Main.REBUILD_HINT);
    }
}

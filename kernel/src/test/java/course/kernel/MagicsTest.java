package course.kernel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MagicsTest {
    private final List<String> added = new ArrayList<>();
    private final List<String> loaded = new ArrayList<>();
    private final List<List<String>> resolved = new ArrayList<>();

    /** Records what the magics ask of the kernel. */
    private final Magics.Host host = new Magics.Host() {
        @Override
        public void addToClasspath(String path) {
            added.add(path);
        }

        @Override
        public void load(Path file, String source) {
            loaded.add(file.getFileName() + ":" + source);
        }

        @Override
        public void maven(List<String> coordinates) {
            resolved.add(coordinates);
        }
    };

    private Magics.Parsed apply(String code) throws CellError {
        return Magics.apply(code, host);
    }

    private CellError magicError(String code) {
        CellError e = assertThrows(CellError.class, () -> apply(code));
        assertEquals("MagicError", e.name());
        assertEquals(List.of("MagicError: " + e.getMessage()), e.traceback());
        return e;
    }

    private static int lineCount(String text) {
        return text.split("\n", -1).length;
    }

    @Test
    void cellWithoutMagicsIsUnchanged() throws CellError {
        for (String code : List.of("int x = 1;", "int x = 1;\nx + 1\n", "\n\nx", "int x = 5 % 2;\n%lsmagic")) {
            Magics.Parsed parsed = apply(code);
            assertEquals(code, parsed.code());
            assertFalse(parsed.timed());
        }
        assertEquals(0, apply("int x = 1;").magicLines());
        assertTrue(added.isEmpty());
    }

    @Test
    void magicLinesBecomeBlankSoLineNumbersStay() throws CellError {
        String code = "%%time\n%lsmagic\n\nint x = 1;\nint y = x / 0;";
        Magics.Parsed parsed = apply(code);
        assertTrue(parsed.timed());
        assertEquals(3, parsed.magicLines());
        assertEquals("\n\n\nint x = 1;\nint y = x / 0;", parsed.code());
        assertEquals(lineCount(code), lineCount(parsed.code()));
        String[] lines = parsed.code().split("\n", -1);
        assertEquals("int y = x / 0;", lines[4], "line 5 is still line 5");
    }

    @Test
    void timeFlagOnlyWhenFirst() throws CellError {
        assertTrue(apply("%%time\nint x = 1;").timed());
        assertTrue(apply("\n  %%time  \nint x = 1;").timed(), "blank lines before the first line do not count");
        CellError e = magicError("%lsmagic\n%%time\nint x = 1;");
        assertTrue(e.getMessage().contains("first line"), e.getMessage());
        assertFalse(apply("%lsmagic\nint x = 1;").timed());
    }

    @Test
    void unknownMagicsAreErrorsThatListTheMagics() {
        CellError line = magicError("%pip install numpy\nint x = 1;");
        assertTrue(line.getMessage().contains("%pip"), line.getMessage());
        assertTrue(line.getMessage().contains("%classpath"), line.getMessage());
        CellError cell = magicError("%%bash\necho hi");
        assertTrue(cell.getMessage().contains("%%bash"), cell.getMessage());
        magicError("%");
    }

    @Test
    void classpathAddsExistingPaths(@TempDir Path dir) throws CellError, IOException {
        Path jar = Files.createFile(dir.resolve("lib.jar"));
        Path classes = Files.createDirectory(dir.resolve("classes"));
        Magics.Parsed parsed = apply("%classpath " + jar + File.pathSeparator + classes + "\nint x = 1;");
        assertEquals(List.of(jar.toAbsolutePath().toString(), classes.toAbsolutePath().toString()), added);
        assertEquals("\nint x = 1;", parsed.code());
        assertEquals(1, parsed.magicLines());
    }

    @Test
    void classpathOfAMissingPathIsAnError(@TempDir Path dir) {
        Path missing = dir.resolve("no-such.jar");
        CellError e = magicError("%classpath " + missing);
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        assertTrue(added.isEmpty());
        magicError("%classpath");
    }

    @Test
    void jarsAddsTheMatchingJarsSorted(@TempDir Path dir) throws CellError, IOException {
        Path b = Files.createFile(dir.resolve("b.jar"));
        Path a = Files.createFile(dir.resolve("a.jar"));
        Files.createFile(dir.resolve("notes.txt"));
        Files.createDirectory(dir.resolve("sub"));
        Files.createFile(dir.resolve("sub").resolve("c.jar"));
        apply("%jars " + dir + "/*.jar");
        assertEquals(List.of(a.toString(), b.toString()), added);

        added.clear();
        apply("%jars " + dir + "/**.jar");
        assertEquals(3, added.size(), added.toString());

        added.clear();
        apply("%jars " + a);
        assertEquals(List.of(a.toString()), added, "a plain file name is its own glob");
    }

    @Test
    void jarsWithoutMatchIsAnError(@TempDir Path dir) {
        CellError e = magicError("%jars " + dir + "/*.jar");
        assertTrue(e.getMessage().contains("no jar matches"), e.getMessage());
        magicError("%jars " + dir.resolve("missing-folder") + "/*.jar");
        magicError("%jars");
        assertTrue(added.isEmpty());
    }

    @Test
    void lsmagicIsAccepted() throws CellError {
        Magics.Parsed parsed = apply("%lsmagic");
        assertFalse(parsed.timed());
        assertTrue(parsed.code().isBlank());
        assertTrue(Magics.HELP.contains("%jars") && Magics.HELP.contains("%%time"));
        assertTrue(Magics.HELP.contains("%maven G:A:V") && Magics.HELP.contains("%load FILE"), Magics.HELP);
    }

    @Test
    void loadRunsTheFileBeforeTheRestOfTheCell(@TempDir Path dir) throws CellError, IOException {
        Path file = Files.writeString(dir.resolve("helpers.jsh"), "int h = 1;\n");
        Magics.Parsed parsed = apply("%load " + file + "\nh + 1");
        assertEquals(List.of("helpers.jsh:int h = 1;\n"), loaded);
        assertEquals("\nh + 1", parsed.code());
        apply("%load \"" + file + "\"");
        assertEquals(2, loaded.size(), "a quoted name is the same file");
    }

    @Test
    void loadOfAMissingFileSaysWhereItLooked(@TempDir Path dir) {
        Path missing = dir.resolve("no-such.jsh");
        CellError e = magicError("%load " + missing);
        assertTrue(e.getMessage().contains("no file " + missing), e.getMessage());
        assertTrue(e.getMessage().contains("relative paths start in"), e.getMessage());
        CellError folder = magicError("%load " + dir);
        assertTrue(folder.getMessage().contains("is a folder"), folder.getMessage());
        magicError("%load");
        assertTrue(loaded.isEmpty());
    }

    @Test
    void mavenTakesCoordinatesSeparatedByCommasOrSpaces() throws CellError {
        apply("%maven org.apache.commons:commons-text:1.12.0");
        apply("%maven a.b:c:1.0, d.e:f:jar:tests:2.0  g:h:3");
        assertEquals(List.of(List.of("org.apache.commons:commons-text:1.12.0"),
                List.of("a.b:c:1.0", "d.e:f:jar:tests:2.0", "g:h:3")), resolved);
    }

    @Test
    void mavenWithoutAVersionSaysWhatItNeeds() {
        CellError e = magicError("%maven org.apache.commons:commons-text");
        assertTrue(e.getMessage().contains("'org.apache.commons:commons-text' is not group:artifact:version"), e.getMessage());
        magicError("%maven");
        magicError("%maven a::1");
        magicError("%maven a:b:c:d:e:f");
        assertTrue(resolved.isEmpty());
    }
}

package course.kernel;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A cell runs all of its snippets or says which did not run; redeclarations say what they reset. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SnippetIntegrityTest {
    private JShellEvaluator shell;
    private int cell;

    @BeforeAll
    void start() {
        shell = new JShellEvaluator(System.out, System.err);
    }

    @AfterAll
    void stop() {
        shell.close();
    }

    private Object value(String code) throws CellError {
        return shell.eval(code, ++cell).value();
    }

    /** What the cell wrote to System.err (the kernel's notes), with the cell's result discarded. */
    private String notes(String code) throws CellError {
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            shell.eval(code, ++cell);
        } finally {
            System.setErr(old);
        }
        return err.toString(StandardCharsets.UTF_8);
    }

    private boolean defined(String name) {
        try {
            shell.eval(name, ++cell);
            return true;
        } catch (CellError e) {
            return false;
        }
    }

    @Test
    void textJShellCannotSplitIsCutAtLineEnds() throws CellError {
        List<JShellEvaluator.Chunk> chunks = shell.split("int sp1 = 1;\nint # = 2;\nint sp2 = 3;");
        assertEquals(List.of("int sp1 = 1;", "int # = 2;", "int sp2 = 3;"),
                chunks.stream().map(c -> c.source().strip()).toList());
        assertEquals(List.of(1, 2, 3), chunks.stream().map(JShellEvaluator.Chunk::firstLine).toList());
    }

    @Test
    void anInvalidLineStopsTheCellAndTheErrorSaysWhatRanAndWhatDidNot() throws CellError {
        CellError e = assertThrows(CellError.class, () -> value("int iv1 = 1;\nint # = 2;\nint iv2 = 3;\nint iv3 = 4;"));
        assertTrue(e.getMessage().contains("illegal character"), e.getMessage());
        assertTrue(e.getMessage().contains("stopped at snippet 2 of 4 (line 2); snippet 1 (line 1) ran;"
                + " snippets 3-4 (lines 3-4) did not run"), e.getMessage());
        assertEquals(1, value("iv1"));
        assertTrue(!defined("iv2") && !defined("iv3"));
    }

    @Test
    void aFailedInitializerLeavesNoVariable() {
        CellError e = assertThrows(CellError.class, () -> value("int fi1 = 1 / 0;"));
        assertEquals("ArithmeticException", e.name());
        assertTrue(e.traceback().contains("note: fi1 is not defined: its initializer failed"), e.traceback().toString());
        assertTrue(!defined("fi1"), "JShell would have kept fi1 = 0");
    }

    @Test
    void redefiningATypeNamesTheVariablesItReset() throws CellError {
        value("class Jar { int get() { return 1; } }\nJar jar = new Jar();");
        assertEquals("", notes("class Jar { int get() { return 2; } }"), "only a body changed: jar is kept, nothing to say");
        String note = notes("class Jar { int size; int get() { return 2; } }");
        assertTrue(note.contains("jar was reset to null because its type Jar was redefined"), note);
        assertTrue(note.contains("fields or methods"), note);
        assertEquals("", notes("class Jar { int size; int get() { return 3; } }\nJar jar = new Jar();"),
                "a cell that declares the variable again lost nothing");
    }

    @Test
    void aRecordWhoseShapeChangedTakesItsVariableAndSaysSo() throws CellError {
        value("record Pair(int a) {}\nPair pair = new Pair(1);");
        String note = notes("record Pair(int a, int b) {}");
        assertTrue(note.contains("pair is no longer defined because its type Pair was redefined"), note);
    }

    @Test
    void valuesOfARedefinedMethodAreNamed() throws CellError {
        value("int thrice(int a) { return 3 * a; }\nint th = thrice(2);\nint other = 5;");
        String note = notes("int thrice(int a) { return 4 * a; }");
        assertTrue(note.contains("th was computed with the earlier thrice(int) and keeps its value"), note);
        assertTrue(!note.contains("other"), note);
        assertEquals(6, value("th"));
    }

}

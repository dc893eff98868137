package course.kernel;

import course.display.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Outside a running kernel every Notebook function falls back to printing the text form. */
class NotebookTest {
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream original;

    @BeforeEach
    void capture() {
        assertNull(CourseKernel.current(), "these tests need plain Java, without a kernel");
        original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(original);
    }

    private String printed() {
        return captured.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }

    @Test
    void isLiveOnlyWhileACellRuns() {
        assertEquals(false, Notebook.isLive());
    }

    @Test
    void displayPrintsTextAndReturnsAHandle() {
        DisplayHandle first = Notebook.display("hello");
        DisplayHandle second = Notebook.display(new double[]{1.0, 2.0});
        assertEquals("hello\n[1.0, 2.0]\n", printed());
        assertTrue(first.id().startsWith("display-fallback-"), first.id());
        assertNotEquals(first.id(), second.id());
        assertEquals(first.id(), first.toString());
    }

    @Test
    void displayWithChosenTypesPrintsTheText() {
        Table table = Table.of("a").row(1);
        Notebook.display(table, "text/html");
        assertEquals(table.toString() + "\n", printed());
        assertThrows(IllegalArgumentException.class, () -> Notebook.display("text only", "image/png"));
    }

    @Test
    void updateDisplayPrintsTheNewValue() {
        DisplayHandle handle = Notebook.display("step 1");
        Notebook.updateDisplay(handle, "step 2");
        Notebook.updateDisplay(handle.id(), "step 3");
        assertEquals("step 1\nstep 2\nstep 3\n", printed());
    }

    @Test
    void updateDisplayNeedsAHandle() {
        assertThrows(IllegalArgumentException.class, () -> Notebook.updateDisplay((DisplayHandle) null, "x"));
        assertThrows(IllegalArgumentException.class, () -> Notebook.updateDisplay((String) null, "x"));
        assertThrows(IllegalArgumentException.class, () -> Notebook.updateDisplay(" ", "x"));
        assertEquals("", printed());
    }

    @Test
    void renderBuildsABundleWithoutPrinting() {
        Table table = Table.of("a").row("<x>");
        MimeBundle bundle = Notebook.render(table, "text/html");
        assertEquals(Set.of("text/html", "text/plain"), bundle.mimeBundle().keySet());
        assertEquals(table.toHtml(), bundle.mimeBundle().get("text/html"));
        assertEquals(table.toString(), bundle.toString());
        assertThrows(UnsupportedOperationException.class, () -> bundle.mimeBundle().put("x", "y"));
        assertEquals("", printed());
        // A MimeBundle is itself rendered by its bundle.
        assertEquals(bundle.mimeBundle(), Rendering.bundle(bundle));
    }

    @Test
    void htmlAndMarkdown() {
        MimeBundle html = Notebook.html("<b>done</b> in <i>3</i> steps");
        assertEquals("<b>done</b> in <i>3</i> steps", html.mimeBundle().get("text/html"));
        assertEquals("done in 3 steps", html.mimeBundle().get("text/plain"));
        assertThrows(IllegalArgumentException.class, () -> Notebook.html(null));

        MimeBundle markdown = Notebook.markdown("$x^2$");
        assertEquals(Map.of("text/markdown", "$x^2$", "text/plain", "$x^2$"), markdown.mimeBundle());
        assertThrows(IllegalArgumentException.class, () -> Notebook.markdown(null));

        Notebook.display(html);
        assertEquals("done in 3 steps\n", printed());
    }

    @Test
    void mimeBundleWithoutTextNamesItsTypes() {
        MimeBundle bundle = new MimeBundle(Map.of("text/html", "<p/>"));
        assertEquals("MimeBundle[text/html]", bundle.toString());
    }

    @Test
    void pageAndClearOutputFallBack() {
        Notebook.page("long help text");
        assertDoesNotThrow(() -> Notebook.clearOutput());
        assertDoesNotThrow(() -> Notebook.clearOutput(true));
        assertEquals("long help text\n", printed());
    }
}

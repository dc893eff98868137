package course.kernel;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Outside a running kernel every Notebook function falls back to printing the text form. */
class NotebookTest {
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream original;

    /** A value with an HTML form of its own, as lib's tables have. */
    public static final class Cells {
        private final String text;

        Cells(String text) {
            this.text = text;
        }

        public Map<String, Object> mimeBundle() {
            return Map.of("text/html", "<table><td>" + text + "</td></table>", "text/plain", "cells " + text);
        }

        @Override
        public String toString() {
            return "cells " + text;
        }
    }

    @BeforeEach
    void capture() {
        Notebook.attach(null);
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
    void displayPrintsTextAndReturnsAStringId() {
        String first = Notebook.display("hello");
        String second = Notebook.display(new double[]{1.0, 2.0});
        assertEquals("hello\n[1.0, 2.0]\n", printed());
        assertTrue(first.startsWith("display-fallback-"), first);
        assertNotEquals(first, second);
    }

    @Test
    void displayWithChosenTypesPrintsTheText() {
        Cells table = new Cells("1");
        Notebook.display(table, "text/html");
        Notebook.display("<b>bold</b>", "text/html");
        assertEquals("cells 1\n<b>bold</b>\n", printed());
        assertThrows(IllegalArgumentException.class, () -> Notebook.display("text only", "image/png"));
    }

    @Test
    void updateDisplayPrintsTheNewValue() {
        String id = Notebook.display("step 1");
        Notebook.updateDisplay(id, "step 2");
        Notebook.updateDisplay(new DisplayHandle(id), "step 3");
        Notebook.updateDisplay(id, "<i>step 4</i>", "text/html");
        assertEquals("step 1\nstep 2\nstep 3\n<i>step 4</i>\n", printed());
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
        Cells table = new Cells("<x>");
        MimeBundle bundle = Notebook.render(table, "text/html");
        assertEquals(Set.of("text/html", "text/plain"), bundle.mimeBundle().keySet());
        assertEquals(table.mimeBundle().get("text/html"), bundle.mimeBundle().get("text/html"));
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
    void aRunningKernelGetsTheBundleAndGivesTheId() {
        List<Map<String, Object>> published = new ArrayList<>();
        Notebook.attach(new Frontend() {
            @Override
            public boolean isExecuting() {
                return true;
            }

            @Override
            public String publishDisplay(Map<String, Object> bundle) {
                published.add(bundle);
                return "display-" + published.size();
            }

            @Override
            public void publishUpdate(String displayId, Map<String, Object> bundle) {
                published.add(Map.of("update", displayId, "bundle", bundle));
            }

            @Override
            public void publishClearOutput(boolean wait) {
            }

            @Override
            public void addPagePayload(Map<String, Object> bundle) {
            }
        });
        try {
            assertTrue(Notebook.isLive());
            String id = Notebook.display("<b>bold</b>", "text/html");
            assertEquals("display-1", id);
            assertEquals(Map.of("text/html", "<b>bold</b>", "text/plain", "<b>bold</b>"), published.get(0));
            Notebook.updateDisplay(id, 2.5);
            assertEquals(Map.of("update", "display-1", "bundle", Map.of("text/plain", "2.5")), published.get(1));
            assertEquals("", printed(), "nothing goes to stdout while a kernel is attached");
        } finally {
            Notebook.attach(null);
        }
        assertEquals(false, Notebook.isLive());
    }

    @Test
    void pageAndClearOutputFallBack() {
        Notebook.page("long help text");
        assertDoesNotThrow(() -> Notebook.clearOutput());
        assertDoesNotThrow(() -> Notebook.clearOutput(true));
        assertEquals("long help text\n", printed());
    }
}

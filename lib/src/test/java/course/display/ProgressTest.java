package course.display;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressTest {
    /** Records what a notebook would get: one output created, then replaced. */
    static final class Recording implements Progress.Sink {
        final List<String> events = new ArrayList<>();

        @Override
        public void show(Progress progress) {
            events.add("show " + progress.completed());
        }

        @Override
        public void update(Progress progress) {
            events.add("update " + progress.completed());
        }

        @Override
        public void finish(Progress progress) {
            events.add("finish " + progress.completed());
        }
    }

    @Test
    void oneOutputUpdatedInPlaceAtMostTenTimesASecond() {
        Recording sink = new Recording();
        long[] now = {0};
        Progress progress = new Progress("epochs", 100, sink, () -> now[0]);
        for (int e = 1; e <= 100; e++) {
            now[0] += 20_000_000L; // 20 ms an epoch: 5 epochs per 100 ms
            progress.update(e, "loss " + e);
        }
        progress.done();
        assertEquals("show 0", sink.events.get(0));
        assertEquals("finish 100", sink.events.get(sink.events.size() - 1));
        long updates = sink.events.stream().filter(e -> e.startsWith("update")).count();
        assertEquals(20, updates, "2 s of work at 10 updates a second: " + sink.events);
        assertEquals("update 100", sink.events.get(sink.events.size() - 2), "the last update always shows");
        progress.done();
        assertEquals(22, sink.events.size(), "done twice finishes once");
    }

    @Test
    void textAndHtmlShowCountsPercentTimeAndNote() {
        long[] now = {0};
        Progress progress = new Progress("sweep", 4, new Recording(), () -> now[0]);
        now[0] = 2_000_000_000L;
        progress.update(1, "lr 0.1");
        assertEquals("sweep [#######.......................] 1/4 (25%) 2.0 s, ETA 6.0 s  lr 0.1", progress.toString());
        Map<String, Object> bundle = progress.mimeBundle();
        assertEquals(progress.toString(), bundle.get("text/plain"));
        String html = (String) bundle.get("text/html");
        assertTrue(html.contains("<progress value=\"1\" max=\"4\""), html);
        assertTrue(html.contains("1/4 (25%)"), html);
        progress.done("best lr 0.1");
        assertTrue(progress.toString().endsWith("1/4 (25%) 2.0 s, done  best lr 0.1"), progress.toString());
    }

    @Test
    void aLogGetsALineAtEachTenthATerminalOneRedrawnLine() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        long[] now = {0};
        Progress progress = new Progress("steps", 50, new Progress.TerminalSink(new PrintStream(log, true, StandardCharsets.UTF_8), false),
                () -> now[0]);
        for (int k = 1; k <= 50; k++) {
            now[0] += 200_000_000L;
            progress.step();
        }
        progress.done();
        String[] lines = log.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(12, lines.length, String.join("\n", lines));
        assertFalse(log.toString(StandardCharsets.UTF_8).contains("\r"));

        ByteArrayOutputStream terminal = new ByteArrayOutputStream();
        Progress bar = new Progress("x", 3, new Progress.TerminalSink(new PrintStream(terminal, true, StandardCharsets.UTF_8), true),
                () -> now[0]);
        now[0] += 1_000_000_000L;
        bar.update(3);
        bar.done();
        String out = terminal.toString(StandardCharsets.UTF_8);
        assertEquals(1, out.chars().filter(c -> c == '\n').count(), "one line: " + out);
        assertTrue(out.startsWith("\rx [") && out.endsWith("done\n"), out);
    }

    @Test
    void outsideANotebookStartPrintsToTheTerminal() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            Progress progress = Progress.start("plain", 2);
            progress.update(2);
            progress.done();
        } finally {
            System.setOut(original);
        }
        assertTrue(captured.toString(StandardCharsets.UTF_8).contains("plain [##############################] 2/2 (100%)"),
                captured.toString(StandardCharsets.UTF_8));
    }

    @Test
    void badCountsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Progress("x", 0, new Recording(), () -> 0));
        Progress progress = new Progress("x", 3, new Recording(), () -> 0);
        assertThrows(IllegalArgumentException.class, () -> progress.update(4));
        assertThrows(IllegalArgumentException.class, () -> progress.update(-1));
    }
}

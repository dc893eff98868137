package course.display;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Progress of a long loop (epochs, a sweep): in a notebook, one output that updates in place
 * ({@code display} once, then {@code updateDisplay}); on a terminal, one line redrawn with a
 * carriage return (or, when the output is not a terminal, a line at every tenth of the work).
 * <pre>{@code
 * Progress bar = Progress.start("epochs", epochs);
 * for (int e = 1; e <= epochs; e++) {
 *     ...
 *     bar.update(e, String.format("loss %.4f", loss));
 * }
 * bar.done();
 * }</pre>
 * Updates closer together than {@link #MIN_INTERVAL_NANOS} are skipped (the first, the last and
 * {@link #done()} always show), so a fast loop does not flood the notebook.
 */
public final class Progress {
    /** At most ten updates a second. */
    public static final long MIN_INTERVAL_NANOS = 100_000_000L;
    private static final int BAR = 30;

    /** Where progress goes: a notebook output or a terminal. */
    interface Sink {
        void show(Progress progress);

        void update(Progress progress);

        void finish(Progress progress);
    }

    private final String label;
    private final long total;
    private final Sink sink;
    private final LongSupplier clock;
    private final long started;
    private long done;
    private String note = "";
    private long lastShown = Long.MIN_VALUE;
    private boolean finished;
    private int shownUpdates;

    Progress(String label, long total, Sink sink, LongSupplier clock) {
        if (total <= 0) {
            throw new IllegalArgumentException("the total amount of work must be positive, got " + total);
        }
        this.label = label == null ? "" : label;
        this.total = total;
        this.sink = sink;
        this.clock = clock;
        this.started = clock.getAsLong();
        this.lastShown = started;
        sink.show(this);
    }

    /** Starts showing progress towards {@code total} (epochs, steps, runs) in the notebook or on the terminal. */
    public static Progress start(String label, long total) {
        Sink sink = Live.inNotebook() ? new NotebookSink() : new TerminalSink(System.out, System.console() != null);
        return new Progress(label, total, sink, System::nanoTime);
    }

    /** {@code done} units of the total are finished. */
    public Progress update(long done) {
        return update(done, note);
    }

    /** {@code done} units are finished; {@code note} (e.g. the current loss) is shown beside the bar. */
    public Progress update(long done, String note) {
        if (done < 0 || done > total) {
            throw new IllegalArgumentException("done must be in 0.." + total + ", got " + done);
        }
        this.done = done;
        this.note = note == null ? "" : note;
        long now = clock.getAsLong();
        if (done == total || now - lastShown >= MIN_INTERVAL_NANOS) {
            lastShown = now;
            shownUpdates++;
            sink.update(this);
        }
        return this;
    }

    /** One more unit finished. */
    public Progress step() {
        return update(Math.min(total, done + 1), note);
    }

    public Progress step(String note) {
        return update(Math.min(total, done + 1), note);
    }

    /** The work is over (all of it, or stopped early: the bar stays where it is). */
    public void done() {
        done(note);
    }

    public void done(String finalNote) {
        if (finished) {
            return;
        }
        finished = true;
        this.note = finalNote == null ? "" : finalNote;
        lastShown = clock.getAsLong();
        shownUpdates++;
        sink.finish(this);
    }

    public long total() {
        return total;
    }

    public long completed() {
        return done;
    }

    public boolean isFinished() {
        return finished;
    }

    /** How many updates were shown (the rest were too close together). */
    int shownUpdates() {
        return shownUpdates;
    }

    private double seconds() {
        return (clock.getAsLong() - started) / 1e9;
    }

    /** The one-line text form: {@code epochs [#########.........] 30/100 (30%) 1.2 s, ETA 2.8 s  loss 0.1}. */
    @Override
    public String toString() {
        int filled = (int) (BAR * done / total);
        return (label.isEmpty() ? "" : label + " ") + "[" + "#".repeat(filled) + ".".repeat(BAR - filled) + "] " + status();
    }

    /** Counts, time and note: {@code 30/100 (30%) 1.2 s, ETA 2.8 s  loss 0.1}. */
    private String status() {
        double elapsed = seconds();
        String eta = done == 0 || done == total || finished ? ""
                : String.format(Locale.ROOT, ", ETA %.1f s", elapsed * (total - done) / done);
        return String.format(Locale.ROOT, "%d/%d (%d%%) %.1f s%s%s%s", done, total, 100 * done / total, elapsed, eta,
                finished ? ", done" : "", note.isEmpty() ? "" : "  " + note);
    }

    /** HTML: a progress element with the same counts, time and note beside it; the text line as text/plain. */
    public Map<String, Object> mimeBundle() {
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("text/plain", toString());
        bundle.put("text/html", "<div class=\"course-progress\" style=\"font-family:monospace\">" + escape(label)
                + " <progress value=\"" + done + "\" max=\"" + total + "\" style=\"width:240px;vertical-align:middle\">"
                + "</progress> " + escape(status()) + "</div>");
        return bundle;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** In a notebook: one output, replaced in place. */
    static final class NotebookSink implements Sink {
        private String id;

        @Override
        public void show(Progress progress) {
            id = Live.display(progress);
        }

        @Override
        public void update(Progress progress) {
            Live.update(id, progress);
        }

        @Override
        public void finish(Progress progress) {
            Live.update(id, progress);
        }
    }

    /** On a terminal, one line redrawn with \r; in a log, a line at each tenth of the work. */
    static final class TerminalSink implements Sink {
        private final PrintStream out;
        private final boolean redraw;
        private long lastTenth = -1;

        TerminalSink(PrintStream out, boolean redraw) {
            this.out = out;
            this.redraw = redraw;
        }

        @Override
        public void show(Progress progress) {
            print(progress);
        }

        @Override
        public void update(Progress progress) {
            print(progress);
        }

        @Override
        public void finish(Progress progress) {
            if (redraw) {
                out.print("\r" + progress + "\n");
            } else {
                out.println(progress);
            }
            out.flush();
        }

        private void print(Progress progress) {
            if (redraw) {
                out.print("\r" + progress);
                out.flush();
                return;
            }
            long tenth = 10 * progress.completed() / progress.total();
            if (tenth > lastTenth) {
                lastTenth = tenth;
                out.println(progress);
            }
        }
    }
}

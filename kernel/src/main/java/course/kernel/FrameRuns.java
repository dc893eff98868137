package course.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Collapses repeated stack frames: a StackOverflowError's traceback is a thousand copies of the
 * same frame (or of the same few frames, for mutual recursion), which buries the one line that
 * matters. A run is shown once, followed by how many more times it repeats.
 */
final class FrameRuns {
    /** Longest repeating group looked for: a cycle of this many methods calling each other. */
    static final int MAX_PERIOD = 4;
    /** Runs shorter than this many repeats are shown as they are. */
    static final int MIN_REPEATS = 3;

    private FrameRuns() {
    }

    static List<String> collapse(List<String> frames) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < frames.size()) {
            int bestPeriod = 0;
            int bestRepeats = 0;
            for (int period = 1; period <= MAX_PERIOD && i + period <= frames.size(); period++) {
                int repeats = repeatsAt(frames, i, period);
                if (repeats >= MIN_REPEATS && repeats * period > bestRepeats * bestPeriod) {
                    bestPeriod = period;
                    bestRepeats = repeats;
                }
            }
            if (bestPeriod == 0) {
                out.add(frames.get(i));
                i++;
                continue;
            }
            out.addAll(frames.subList(i, i + bestPeriod));
            out.add(bestPeriod == 1
                    ? String.format(Locale.ROOT, "    ... %,d more identical frames", bestRepeats - 1)
                    : String.format(Locale.ROOT, "    ... the %d frames above repeat %,d more times", bestPeriod, bestRepeats - 1));
            i += bestPeriod * bestRepeats;
        }
        return out;
    }

    /** How many times frames[start, start + period) occurs back to back from start. */
    private static int repeatsAt(List<String> frames, int start, int period) {
        int repeats = 1;
        while (start + (repeats + 1) * period <= frames.size()
                && frames.subList(start, start + period).equals(frames.subList(start + repeats * period, start + (repeats + 1) * period))) {
            repeats++;
        }
        return repeats;
    }
}

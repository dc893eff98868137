package course.kernel;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FrameRunsTest {
    @Test
    void aThousandIdenticalFramesBecomeOneAndACount() {
        List<String> frames = new ArrayList<>(Collections.nCopies(1_024, "    at down (cell [3], line 1)"));
        frames.add("    at cell [3], line 2");
        assertEquals(List.of("    at down (cell [3], line 1)", "    ... 1,023 more identical frames", "    at cell [3], line 2"),
                FrameRuns.collapse(frames));
    }

    @Test
    void mutualRecursionCollapsesByItsCycle() {
        List<String> frames = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            frames.add("at even");
            frames.add("at odd");
        }
        assertEquals(List.of("at even", "at odd", "    ... the 2 frames above repeat 299 more times"), FrameRuns.collapse(frames));
    }

    @Test
    void shortRepeatsAndOrdinaryTracesStayAsTheyAre() {
        List<String> frames = List.of("at a", "at a", "at b", "at c", "at b", "at c");
        assertEquals(frames, FrameRuns.collapse(frames));
    }
}

package course.kernel;

import org.junit.jupiter.api.Test;

import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParentWatchTest {
    @Test
    void theParentIsTheOneJupyterNamesElseTheActualParent() {
        long self = ProcessHandle.current().pid();
        assertEquals(self, ParentWatch.parentToWatch(Long.toString(self)).orElseThrow().pid());
        long parent = ProcessHandle.current().parent().orElseThrow().pid();
        assertEquals(parent, ParentWatch.parentToWatch(null).orElseThrow().pid());
        assertEquals(parent, ParentWatch.parentToWatch("not a pid").orElseThrow().pid());
    }

    @Test
    void pidOneAndDeadProcessesAreNotWatched() throws Exception {
        assertTrue(ParentWatch.parentToWatch("1").isEmpty(), "PID 1 is what orphans are reparented to");
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        assertTrue(ParentWatch.parentToWatch(Long.toString(ended.pid())).isEmpty(), "a parent already gone");
        assertTrue(ParentWatch.parentIsGone(Long.toString(ended.pid())), "killed while the kernel started: exit");
        assertTrue(!ParentWatch.parentIsGone(Long.toString(ProcessHandle.current().pid())));
        assertTrue(!ParentWatch.parentIsGone(null) && !ParentWatch.parentIsGone("1"));
        assertEquals(OptionalLong.of(42), ParentWatch.parsePid(" 42 "));
        assertTrue(ParentWatch.parsePid("-5").isEmpty());
    }
}

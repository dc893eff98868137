package course.kernel;

import io.github.spencerpark.jupyter.kernel.history.HistoryEntry;
import io.github.spencerpark.jupyter.kernel.history.HistoryManager.ResultFlag;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CellHistoryTest {
    private static final Set<ResultFlag> NONE = EnumSet.noneOf(ResultFlag.class);
    private CellHistory history;

    @BeforeEach
    void fill() {
        history = new CellHistory();
        history.record(1, "int x = 1;", null);
        history.record(2, "x + 1", "2");
        history.record(3, "double y = 2.5;", null);
        history.record(4, "x + 1", "2");
        history.record(5, "System.out.println(x);\nx * 10", "10");
    }

    private static List<Integer> numbers(List<HistoryEntry> entries) {
        return entries.stream().map(HistoryEntry::getCellNumber).toList();
    }

    private static List<String> inputs(List<HistoryEntry> entries) {
        return entries.stream().map(HistoryEntry::getInput).toList();
    }

    @Test
    void tailReturnsTheLastCellsInOrder() {
        assertEquals(List.of(4, 5), numbers(history.lookupTail(2, NONE)));
        assertEquals(List.of(1, 2, 3, 4, 5), numbers(history.lookupTail(100, NONE)));
        assertEquals(List.of(), numbers(history.lookupTail(0, NONE)));
        assertEquals(List.of(), numbers(history.lookupTail(-3, NONE)));
        assertEquals(List.of(), new CellHistory().lookupTail(10, NONE));
    }

    @Test
    void entriesCarryTheSessionAndOptionallyTheOutput() {
        HistoryEntry plain = history.lookupTail(1, NONE).get(0);
        assertEquals(CellHistory.SESSION, plain.getSession());
        assertEquals("System.out.println(x);\nx * 10", plain.getInput());
        assertFalse(plain.hasOutput());

        List<HistoryEntry> withOutput = history.lookupTail(5, EnumSet.of(ResultFlag.INCLUDE_OUTPUT));
        assertTrue(withOutput.get(1).hasOutput());
        assertEquals("2", withOutput.get(1).getOutput());
        assertEquals("", withOutput.get(0).getOutput(), "a cell without output has an empty output");
    }

    @Test
    void rangeIsStartInclusiveStopExclusive() {
        assertEquals(List.of(2, 3), numbers(history.lookupRange(CellHistory.SESSION, 2, 4, NONE)));
        assertEquals(List.of(3, 4, 5), numbers(history.lookupRange(CellHistory.SESSION, 3, 0, NONE)));
        assertEquals(List.of(1, 2, 3, 4, 5), numbers(history.lookupRange(0, 1, 0, NONE)), "session 0 means this session");
        assertEquals(List.of(), numbers(history.lookupRange(7, 1, 0, NONE)), "other sessions have no cells");
        assertEquals(List.of(), numbers(history.lookupRange(CellHistory.SESSION, 4, 4, NONE)));
    }

    @Test
    void searchWithGlobs() {
        assertEquals(List.of(2, 4), numbers(history.search("x + ?", 0, NONE)));
        assertEquals(List.of(1, 3), numbers(history.search("* = *;", 0, NONE)));
        assertEquals(List.of(5), numbers(history.search("System*", 0, NONE)), "* also spans lines");
        assertEquals(List.of(), numbers(history.search("x", 0, NONE)), "the pattern matches the whole input");
        assertEquals(List.of(1, 2, 3, 4, 5), numbers(history.search(null, 0, NONE)));
        assertEquals(List.of(1, 2, 3, 4, 5), numbers(history.search("*", 0, NONE)));
    }

    @Test
    void searchKeepsTheLastNMatches() {
        assertEquals(List.of(4, 5), numbers(history.search("*", 2, NONE)));
        assertEquals(List.of(1, 2, 3, 4, 5), numbers(history.search("*", 10, NONE)));
    }

    @Test
    void uniqueSearchKeepsTheLatestOfEachInput() {
        List<HistoryEntry> unique = history.search("*", 0, EnumSet.of(ResultFlag.UNIQUE));
        assertEquals(List.of(1, 3, 4, 5), numbers(unique));
        assertEquals(List.of("int x = 1;", "double y = 2.5;", "x + 1", "System.out.println(x);\nx * 10"), inputs(unique));
        assertEquals(List.of(4, 5), numbers(history.search("*", 2, EnumSet.of(ResultFlag.UNIQUE))));
        assertEquals(List.of(4), numbers(history.search("x + 1", 0, EnumSet.of(ResultFlag.UNIQUE))));
    }

    @Test
    void globToRegex() {
        Pattern p = CellHistory.globToRegex("a*b?");
        assertTrue(p.matcher("ab1").matches());
        assertTrue(p.matcher("a\nxyzbZ").matches());
        assertFalse(p.matcher("ab").matches());
        assertFalse(p.matcher("ab12").matches());
        // Everything else is literal, regex metacharacters included.
        Pattern literal = CellHistory.globToRegex("f(x).y[0]+$");
        assertTrue(literal.matcher("f(x).y[0]+$").matches());
        assertFalse(literal.matcher("f(x)zy[0]+$").matches());
        assertTrue(CellHistory.globToRegex("").matcher("").matches());
        assertFalse(CellHistory.globToRegex("").matcher("a").matches());
    }
}

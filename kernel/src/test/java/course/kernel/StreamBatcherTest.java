package course.kernel;

import org.junit.jupiter.api.Test;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StreamBatcherTest {
    private final List<String> messages = new ArrayList<>();

    private StreamBatcher attached(long limit) {
        StreamBatcher batcher = new StreamBatcher("stdout", limit);
        batcher.attach(messages::add);
        return batcher;
    }

    private String all() {
        return String.join("", messages);
    }

    @Test
    void linesAreBatchedIntoFewMessagesAndNoneIsLost() {
        StreamBatcher batcher = attached(100_000_000);
        PrintStream out = new PrintStream(batcher, true, StandardCharsets.UTF_8);
        for (int i = 0; i < 20_000; i++) {
            out.println("step " + i);
        }
        batcher.detach();
        String[] lines = all().split("\n");
        assertEquals(20_000, lines.length);
        assertEquals("step 19999", lines[19_999]);
        assertTrue(messages.size() < 10, "one message per line overflows ZeroMQ's queue: " + messages.size());
    }

    @Test
    void aProgramsFlushSendsNothingButTheKernelsPublishDoes() {
        StreamBatcher batcher = attached(1000);
        PrintStream out = new PrintStream(batcher, true, StandardCharsets.UTF_8);
        out.print("half");
        out.flush();
        assertTrue(messages.isEmpty());
        batcher.publishNow();
        assertEquals(List.of("half"), messages);
    }

    @Test
    void aLongOutputKeepsItsStartAndItsEndAndSaysHowMuchWasCut() {
        StreamBatcher batcher = attached(2_000);
        PrintStream out = new PrintStream(batcher, true, StandardCharsets.UTF_8);
        int total = 1_000;
        for (int i = 0; i < total; i++) {
            out.printf("line %04d%n", i);  // 10 bytes a line
        }
        batcher.detach();
        String text = all();
        assertTrue(text.startsWith("line 0000\n"), text.substring(0, 40));
        assertTrue(text.endsWith("line 0999\n"));
        assertTrue(text.contains("[output truncated: this cell wrote more than 0.0 MB to stdout"), text);
        java.util.regex.Matcher cut = java.util.regex.Pattern
                .compile("\\[\\.\\.\\. ([\\d,]+) bytes \\(([\\d,]+) lines\\) of stdout were cut here").matcher(text);
        assertTrue(cut.find(), text);
        long whole = text.lines().filter(l -> l.matches("line \\d{4}")).count();
        assertEquals(total, whole + Long.parseLong(cut.group(2).replace(",", "")),
                "every line is either shown whole or counted as cut");
        // The kept end is contiguous up to the last line.
        String afterNotice = text.substring(text.indexOf('\n', cut.end()) + 1);
        String[] kept = afterNotice.split("\n");
        int first = Integer.parseInt(kept[0].substring(5));
        for (int k = 0; k < kept.length; k++) {
            assertEquals(String.format("line %04d", first + k), kept[k]);
        }
    }

    @Test
    void oneHugeLineKeepsItsEndToo() {
        StreamBatcher batcher = attached(1_000);
        PrintStream out = new PrintStream(batcher, true, StandardCharsets.UTF_8);
        out.print("a".repeat(5_000) + "z");
        batcher.detach();
        String text = all();
        assertTrue(text.endsWith("a".repeat(499) + "z"), text.substring(Math.max(0, text.length() - 60)));
        assertTrue(text.contains("4,001 bytes (0 lines) of stdout were cut"), text);
    }

    @Test
    void multiByteCharactersAreNeverSplitBetweenMessages() {
        StreamBatcher batcher = attached(100_000_000);
        byte[] rocket = "\uD83D\uDE80".getBytes(StandardCharsets.UTF_8);
        batcher.write(rocket, 0, 2);
        batcher.publishNow();
        assertTrue(messages.isEmpty(), "half a character must wait: " + messages);
        batcher.write(rocket, 2, 2);
        batcher.publishNow();
        assertEquals(List.of("\uD83D\uDE80"), messages);
    }

    @Test
    void outputOutsideACellGoesNowhereAndTheLimitRestartsPerCell() {
        StreamBatcher batcher = new StreamBatcher("stderr", 100);
        batcher.write("lost".getBytes(StandardCharsets.UTF_8), 0, 4);
        batcher.attach(messages::add);
        batcher.write("x".repeat(60).getBytes(StandardCharsets.UTF_8), 0, 60);
        batcher.detach();
        assertTrue(all().contains("were cut"));
        messages.clear();
        batcher.attach(messages::add);
        batcher.write("fresh".getBytes(StandardCharsets.UTF_8), 0, 5);
        batcher.detach();
        assertEquals(List.of("fresh"), messages);
        assertFalse(all().contains("lost"));
    }

    @Test
    void theLimitComesFromTheEnvironmentOrIsRefusedWithTheFix() {
        assertEquals(20_000_000, CellIO.limitBytesFrom(null));
        assertEquals(1_500_000, CellIO.limitBytesFrom(" 1.5 "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CellIO.limitBytesFrom("lots"));
        assertTrue(e.getMessage().contains("COURSE_OUTPUT_LIMIT_MB=lots"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CellIO.limitBytesFrom("0"));
        assertThrows(IllegalArgumentException.class, () -> CellIO.limitBytesFrom("NaN"));
    }
}

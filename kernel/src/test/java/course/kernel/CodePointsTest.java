package course.kernel;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CodePointsTest {
    private static final String ROCKET_LINE = "s = \"\uD83D\uDE80\"; Math.ab";  // 17 UTF-16 units, 16 code points

    @Test
    void aCursorAfterAnEmojiMovesByOneUnit() {
        assertEquals(17, CodePoints.toUtf16(ROCKET_LINE, 16));
        assertEquals(16, CodePoints.toCodePoint(ROCKET_LINE, 17));
        assertEquals(5, CodePoints.toUtf16(ROCKET_LINE, 5), "before the emoji both counts agree");
    }

    @Test
    void cursorsOutsideTheTextAreClamped() {
        assertEquals(ROCKET_LINE.length(), CodePoints.toUtf16(ROCKET_LINE, 500));
        assertEquals(0, CodePoints.toUtf16(ROCKET_LINE, -3));
        assertEquals(16, CodePoints.toCodePoint(ROCKET_LINE, 99));
    }
}

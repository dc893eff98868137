package course.kernel;

/**
 * Cursor positions on the wire count Unicode code points (Jupyter protocol 5.2 and later); Java
 * strings count UTF-16 units, so every character outside the BMP (an emoji) shifts them by one.
 */
final class CodePoints {
    private CodePoints() {
    }

    /** The UTF-16 index of code point {@code cursor}, clamped to the text. */
    static int toUtf16(String text, int cursor) {
        int codePoints = text.codePointCount(0, text.length());
        return text.offsetByCodePoints(0, Math.max(0, Math.min(cursor, codePoints)));
    }

    /** The code-point position of UTF-16 index {@code index}, clamped to the text. */
    static int toCodePoint(String text, int index) {
        return text.codePointCount(0, Math.max(0, Math.min(index, text.length())));
    }
}

package course.kernel;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * One output stream of a cell (stdout or stderr), sent to Jupyter in batches instead of one message
 * per {@code println}: a message per line let ZeroMQ's queue overflow and drop output silently.
 *
 * <p>Text is published when {@value #BATCH_BYTES} bytes are waiting, when the kernel asks (before a
 * display, at the end of the cell) and by the kernel's timer every few milliseconds, so a slow
 * loop's lines still appear as they are printed. A cell that prints more than the limit keeps the
 * first half of it and the last half: the middle is cut and the output says how much, where.
 */
final class StreamBatcher extends OutputStream {
    static final int BATCH_BYTES = 64 * 1024;

    private final String streamName;
    private final long headLimit;
    private final TailBuffer tail;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private volatile Consumer<String> sink;
    private long publishedBytes;
    private long cutBytes;
    private long cutLines;
    private boolean truncating;

    /**
     * @param streamName "stdout" or "stderr", named in the truncation notice
     * @param limitBytes the most a cell's stream keeps; half from its start, half from its end
     */
    StreamBatcher(String streamName, long limitBytes) {
        if (limitBytes < 2) {
            throw new IllegalArgumentException("the output limit must be at least 2 bytes, got " + limitBytes);
        }
        this.streamName = streamName;
        this.headLimit = limitBytes / 2;
        this.tail = new TailBuffer((int) Math.min(Integer.MAX_VALUE - 8, limitBytes - headLimit));
    }

    /** Starts a cell: text goes to {@code sink} from now on, and the limit counts from zero. */
    synchronized void attach(Consumer<String> sink) {
        this.sink = sink;
        pending.reset();
        tail.clear();
        publishedBytes = 0;
        cutBytes = 0;
        cutLines = 0;
        truncating = false;
    }

    /** Ends a cell: everything kept is published, the cut (if any) announced, and the sink dropped. */
    synchronized void detach() {
        publishNow();
        finishTruncation();
        sink = null;
    }

    @Override
    public synchronized void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        if (sink == null) {
            return;  // no cell is running: nobody to show this to (the kernel's own streams are separate)
        }
        int room = (int) Math.max(0, Math.min(length, headLimit - publishedBytes - pending.size()));
        pending.write(bytes, offset, room);
        if (room < length) {
            startTruncation();
            tail.write(bytes, offset + room, length - room);
        }
        if (pending.size() >= BATCH_BYTES) {
            publishNow();
        }
    }

    /** A program's own flush: the timer publishes soon enough, so a flush per line costs no message. */
    @Override
    public void flush() {
    }

    /** Publishes what is waiting (whole UTF-8 characters only); the kernel calls it before displays. */
    synchronized void publishNow() {
        Consumer<String> target = sink;
        if (target == null || pending.size() == 0) {
            return;
        }
        byte[] bytes = pending.toByteArray();
        int whole = Utf8.completePrefixLength(bytes, bytes.length);
        pending.reset();
        pending.write(bytes, whole, bytes.length - whole);
        if (whole > 0) {
            publishedBytes += whole;
            target.accept(new String(bytes, 0, whole, StandardCharsets.UTF_8));
        }
    }

    private void startTruncation() {
        if (truncating) {
            return;
        }
        truncating = true;
        publishNow();
        Consumer<String> target = sink;
        if (target != null) {
            target.accept(String.format(Locale.ROOT, "%n[output truncated: this cell wrote more than %s to %s;"
                    + " its last %s is shown when the cell ends]%n", megabytes(headLimit * 2), streamName,
                    megabytes(tail.capacity())));
        }
    }

    private void finishTruncation() {
        if (!truncating || sink == null) {
            return;
        }
        byte[] kept = tail.contents();
        cutBytes = tail.droppedBytes();
        cutLines = tail.droppedLines();
        // Start the kept end at a line start, so no half line follows the notice (unless it is all one line).
        int start = 0;
        int newline = indexOf(kept, (byte) '\n');
        if (cutBytes > 0 && !tail.droppedEndsLine() && newline >= 0) {
            start = newline + 1;
            cutBytes += start;
            cutLines++;
        }
        while (start < kept.length && Utf8.isContinuation(kept[start])) {
            start++;
            cutBytes++;
        }
        sink.accept(String.format(Locale.ROOT, "[... %,d bytes (%,d lines) of %s were cut here;"
                + " the last %s follows ...]%n", cutBytes, cutLines, streamName, megabytes(kept.length - start)));
        sink.accept(new String(kept, start, kept.length - start, StandardCharsets.UTF_8));
    }

    private static int indexOf(byte[] bytes, byte value) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return -1;
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    /** The newest {@code capacity} bytes written, and how many bytes and lines fell out before them. */
    static final class TailBuffer {
        private final int capacity;
        private byte[] ring;  // allocated on first use: most cells never get near the limit
        private int start;
        private int size;
        private long droppedBytes;
        private long droppedLines;
        private boolean droppedEndsLine = true;

        TailBuffer(int capacity) {
            this.capacity = capacity;
        }

        int capacity() {
            return capacity;
        }

        void clear() {
            ring = null;
            start = 0;
            size = 0;
            droppedBytes = 0;
            droppedLines = 0;
            droppedEndsLine = true;
        }

        void write(byte[] bytes, int offset, int length) {
            if (ring == null) {
                ring = new byte[capacity];
            }
            for (int i = offset; i < offset + length; i++) {
                if (size == ring.length) {
                    byte dropped = ring[start];
                    droppedBytes++;
                    if (dropped == '\n') {
                        droppedLines++;
                    }
                    droppedEndsLine = dropped == '\n';
                    ring[start] = bytes[i];
                    start = (start + 1) % ring.length;
                } else {
                    ring[(start + size) % ring.length] = bytes[i];
                    size++;
                }
            }
        }

        byte[] contents() {
            byte[] out = new byte[size];
            if (ring == null) {
                return out;
            }
            for (int i = 0; i < size; i++) {
                out[i] = ring[(start + i) % ring.length];
            }
            return out;
        }

        long droppedBytes() {
            return droppedBytes;
        }

        long droppedLines() {
            return droppedLines;
        }

        boolean droppedEndsLine() {
            return droppedEndsLine;
        }
    }

    /** Where a UTF-8 byte sequence may be cut without splitting a character. */
    static final class Utf8 {
        private Utf8() {
        }

        static boolean isContinuation(byte b) {
            return (b & 0xC0) == 0x80;
        }

        /** Length of the longest prefix of bytes[0, length) that ends on a character boundary. */
        static int completePrefixLength(byte[] bytes, int length) {
            int lead = length - 1;
            while (lead >= 0 && length - lead <= 4 && isContinuation(bytes[lead])) {
                lead--;
            }
            if (lead < 0) {
                return length;
            }
            int b = bytes[lead] & 0xFF;
            int needed = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            return length - lead >= needed ? length : lead;
        }
    }
}

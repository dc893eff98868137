package course.data.mnist;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * One IDX file (the format of the MNIST distribution): a 4-byte magic number (0, 0, type 0x08 for
 * unsigned bytes, number of dimensions), one big-endian int per dimension, then the values. Read
 * whole, plain or gzip-compressed (a {@code .gz} name or the gzip magic), with every header field and
 * the length checked, so a truncated or foreign file fails here with its name, not later as garbage.
 */
public final class IdxFile {
    private final Path path;
    private final int[] dimensions;
    private final byte[] values;

    private IdxFile(Path path, int[] dimensions, byte[] values) {
        this.path = path;
        this.dimensions = dimensions;
        this.values = values;
    }

    /** Reads {@code path}, failing with {@link MnistException} on anything malformed. */
    public static IdxFile read(Path path) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new MnistException(path + " cannot be read (" + e.getMessage() + ")", e);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
            bytes = gunzip(path, bytes);
        }
        if (bytes.length < 4) {
            throw new MnistException(path + " is truncated: " + bytes.length + " bytes, not even an IDX header. "
                    + MnistException.FETCH);
        }
        if (bytes[0] != 0 || bytes[1] != 0 || bytes[2] != 0x08) {
            throw new MnistException(String.format("%s is not an IDX file of unsigned bytes: magic number %02x %02x %02x %02x, "
                    + "expected 00 00 08 0n", path, bytes[0], bytes[1], bytes[2], bytes[3]));
        }
        int rank = bytes[3];
        if (rank < 1 || rank > 4 || bytes.length < 4 + 4 * rank) {
            throw new MnistException(path + " has a damaged IDX header (" + rank + " dimensions in " + bytes.length + " bytes). "
                    + MnistException.FETCH);
        }
        ByteBuffer header = ByteBuffer.wrap(bytes, 4, 4 * rank);
        int[] dimensions = new int[rank];
        long expected = 1;
        for (int d = 0; d < rank; d++) {
            dimensions[d] = header.getInt();
            if (dimensions[d] <= 0) {
                throw new MnistException(path + " declares dimension " + d + " as " + dimensions[d]);
            }
            expected *= dimensions[d];
        }
        long actual = bytes.length - 4L - 4L * rank;
        if (actual != expected) {
            throw new MnistException(path + " is " + (actual < expected ? "truncated" : "longer than its header says")
                    + ": the header announces " + expected + " values, the file holds " + actual + ". " + MnistException.FETCH);
        }
        byte[] values = new byte[(int) expected];
        System.arraycopy(bytes, 4 + 4 * rank, values, 0, values.length);
        return new IdxFile(path, dimensions, values);
    }

    /** The file's decompressed bytes; a truncated or damaged gzip stream is named with the fix. */
    private static byte[] gunzip(Path path, byte[] compressed) {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(compressed))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(compressed.length * 4);
            in.transferTo(out);
            return out.toByteArray();
        } catch (java.io.EOFException e) {
            throw new MnistException(path + " is a truncated gzip file (it ends before its compressed data does): "
                    + MnistException.FETCH, e);
        } catch (IOException e) {
            throw new MnistException(path + " is a corrupted gzip file (" + e.getMessage() + "): " + MnistException.FETCH, e);
        }
    }

    public Path path() {
        return path;
    }

    public int[] dimensions() {
        return dimensions.clone();
    }

    /** The values as unsigned bytes in the file's order (row-major). */
    public byte[] values() {
        return values;
    }
}

package course.dl4j;

import course.Validate;
import course.data.mnist.Mnist;
import java.util.SplittableRandom;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Minibatches of MNIST images for DL4J, without allocation per step: two reusable batches (the full
 * size and the last, shorter one), filled from the raw bytes in the order of the epoch's
 * permutation. Pixels are scaled to [0, 1] (byte/255, as Keras's {@code x / 255}); labels are
 * one-hot. The order of an epoch is a function of the seed and the epoch alone ({@link #shuffle}),
 * which is what lets an interrupted run resume with the same batches.
 */
public final class MnistBatches {
    private final Mnist.Images images;
    private final int count;
    private final int batchSize;
    private final DataType dataType;
    private final int[] order;
    private final DataSet full;
    private final DataSet last;
    private final float[] floatPixels;
    private final double[] doublePixels;
    private final float[] floatLabels;
    private final double[] doubleLabels;

    /** The first {@code limit} images of {@code images} (all of them if fewer), in batches of {@code batchSize}. */
    public MnistBatches(Mnist.Images images, int limit, int batchSize, DataType dataType) {
        Validate.notNull("images", images);
        Validate.positive("limit", limit);
        Validate.positive("batch size", batchSize);
        if (dataType != DataType.FLOAT && dataType != DataType.DOUBLE) {
            throw new IllegalArgumentException("batches are FLOAT or DOUBLE, not " + dataType);
        }
        this.images = images;
        this.count = Math.min(limit, images.count());
        this.batchSize = Math.min(batchSize, count);
        this.dataType = dataType;
        this.order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        this.full = allocate(this.batchSize);
        int rest = count % this.batchSize;
        this.last = rest == 0 ? null : allocate(rest);
        int values = this.batchSize * Mnist.PIXELS;
        this.floatPixels = dataType == DataType.FLOAT ? new float[values] : null;
        this.doublePixels = dataType == DataType.DOUBLE ? new double[values] : null;
        this.floatLabels = dataType == DataType.FLOAT ? new float[this.batchSize * 10] : null;
        this.doubleLabels = dataType == DataType.DOUBLE ? new double[this.batchSize * 10] : null;
    }

    private DataSet allocate(int rows) {
        INDArray features = MnistCnn.FORMAT == org.deeplearning4j.nn.conf.CNN2DFormat.NHWC
                ? Nd4j.create(dataType, rows, Mnist.ROWS, Mnist.COLUMNS, 1)
                : Nd4j.create(dataType, rows, 1, Mnist.ROWS, Mnist.COLUMNS);
        INDArray labels = Nd4j.create(dataType, rows, 10);
        return new DataSet(features, labels);
    }

    /** Images used. */
    public int size() {
        return count;
    }

    public int batchSize() {
        return batchSize;
    }

    /** Batches per epoch, the last one possibly shorter (as Keras runs it). */
    public int batchCount() {
        return (count + batchSize - 1) / batchSize;
    }

    /**
     * Sets the order of the coming epoch: a Fisher–Yates permutation drawn from (seed, epoch) alone,
     * so the same epoch always sees the same batches, also after a restart.
     */
    public void shuffle(long seed, int epoch) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + epoch);
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        for (int i = count - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    /** Back to the images' own order (for evaluation, where order does not matter). */
    public void unshuffle() {
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
    }

    /** Batch {@code k} of the current order; the returned DataSet and its arrays are reused by the next call. */
    public DataSet batch(int k) {
        if (k < 0 || k >= batchCount()) {
            throw new IndexOutOfBoundsException("batch " + k + " of " + batchCount());
        }
        int start = k * batchSize;
        int rows = Math.min(batchSize, count - start);
        DataSet target = rows == batchSize ? full : last;
        byte[] pixels = images.pixels();
        byte[] labels = images.labels();
        int pixelCount = rows * Mnist.PIXELS;
        int labelCount = rows * 10;
        if (dataType == DataType.FLOAT) {
            java.util.Arrays.fill(floatLabels, 0, labelCount, 0f);
            for (int r = 0; r < rows; r++) {
                int image = order[start + r];
                int from = image * Mnist.PIXELS;
                int to = r * Mnist.PIXELS;
                for (int p = 0; p < Mnist.PIXELS; p++) {
                    floatPixels[to + p] = (float) ((pixels[from + p] & 0xff) / 255.0);
                }
                floatLabels[r * 10 + labels[image]] = 1f;
            }
            ((FloatPointer) target.getFeatures().data().addressPointer()).put(floatPixels, 0, pixelCount);
            ((FloatPointer) target.getLabels().data().addressPointer()).put(floatLabels, 0, labelCount);
        } else {
            java.util.Arrays.fill(doubleLabels, 0, labelCount, 0.0);
            for (int r = 0; r < rows; r++) {
                int image = order[start + r];
                int from = image * Mnist.PIXELS;
                int to = r * Mnist.PIXELS;
                for (int p = 0; p < Mnist.PIXELS; p++) {
                    doublePixels[to + p] = (pixels[from + p] & 0xff) / 255.0;
                }
                doubleLabels[r * 10 + labels[image]] = 1.0;
            }
            ((DoublePointer) target.getFeatures().data().addressPointer()).put(doublePixels, 0, pixelCount);
            ((DoublePointer) target.getLabels().data().addressPointer()).put(doubleLabels, 0, labelCount);
        }
        return target;
    }

    /** The index (in the images) of row {@code r} of batch {@code k} in the current order. */
    int image(int k, int r) {
        return order[k * batchSize + r];
    }

    /** The label of row {@code r} of batch {@code k} in the current order. */
    public int label(int k, int r) {
        return images.label(order[k * batchSize + r]);
    }
}

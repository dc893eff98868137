package course.data;

import course.Validate;
import java.util.Random;

/**
 * Cuts n rows into batches, epoch after epoch, for stochastic, mini-batch and batch gradient descent:
 * batch size 1 is SGD, batch size n is full-batch gradient descent, anything between is mini-batch.
 *
 * <pre>
 * Minibatches batches = Minibatches.withoutReplacement(data.size(), 32, seed);
 * for (int epoch = 0; epoch &lt; epochs; epoch++) {
 *     while (batches.next()) {
 *         model.lossAndGradient(params, data, batches.rows(), batches.count(), grad);
 *         optimizer.step(params, grad);
 *     }
 * }
 * </pre>
 *
 * <p>{@link #next()} fills one reusable index buffer and returns true, or returns false once the
 * epoch is over; the call after that starts the next epoch. An epoch is always n rows: ⌈n/B⌉ batches,
 * the last one partial (n mod B rows) when B does not divide n. It is kept rather than dropped, so
 * every row counts once per epoch, and because models average over the batch, a small last batch
 * does not take a larger step, only a noisier one.
 *
 * <ul>
 *   <li>Without replacement (the usual way): each epoch walks a fresh random permutation of the rows,
 *       so every row is used exactly once per epoch. With B = n the rows are taken in order 0 … n−1
 *       and never shuffled: full-batch gradients then add up in the same order every time.</li>
 *   <li>With replacement (the textbook's i.i.d. sampling): every row of every batch is drawn uniformly
 *       and independently, so rows repeat and some are skipped; the epoch has the same sizes.</li>
 * </ul>
 *
 * <p>All randomness comes from one {@link java.util.Random} seeded once: the same seed gives the same
 * batches in the same order, and {@link #reset()} replays them. Nothing is allocated after
 * construction. Not thread-safe.
 */
public final class Minibatches {
    private final int size;
    private final int batchSize;
    private final boolean withReplacement;
    private final long seed;
    private final int[] order;  // the epoch's permutation (without replacement)
    private final int[] batch;  // the reusable buffer handed out by rows()
    private Random random;
    private int count;
    private int position;      // rows of this epoch already handed out
    private int batchIndex = -1;
    private int epoch;         // completed epochs
    private boolean inEpoch;

    private Minibatches(int size, int batchSize, boolean withReplacement, long seed) {
        Validate.positive("data set size", size);
        if (batchSize < 1 || batchSize > size) {
            throw new IllegalArgumentException("batch size must lie between 1 (SGD) and the data set size " + size
                    + " (full batch), got " + batchSize);
        }
        this.size = size;
        this.batchSize = batchSize;
        this.withReplacement = withReplacement;
        this.seed = seed;
        this.order = withReplacement ? null : new int[size];
        this.batch = new int[batchSize];
        reset();
    }

    /** Each epoch a fresh permutation, cut into batches of {@code batchSize} (the last may be smaller). */
    public static Minibatches withoutReplacement(int size, int batchSize, long seed) {
        return new Minibatches(size, batchSize, false, seed);
    }

    /** Each row of each batch drawn uniformly and independently; epochs of n rows, as without replacement. */
    public static Minibatches withReplacement(int size, int batchSize, long seed) {
        return new Minibatches(size, batchSize, true, seed);
    }

    /** Batch size 1, without replacement: one row per step, stochastic gradient descent. */
    public static Minibatches stochastic(int size, long seed) {
        return withoutReplacement(size, 1, seed);
    }

    /** One batch of all rows, in order, every epoch: batch gradient descent. */
    public static Minibatches fullBatch(int size) {
        return withoutReplacement(size, size, 0);
    }

    /** For the rows of a data set. */
    public static Minibatches withoutReplacement(Dataset data, int batchSize, long seed) {
        return withoutReplacement(Validate.notNull("data set", data).size(), batchSize, seed);
    }

    /**
     * Moves to the next batch and returns true, or returns false when the epoch is over (the next
     * call then starts a new epoch).
     */
    public boolean next() {
        if (!inEpoch) {
            startEpoch();
        }
        if (position == size) {
            inEpoch = false;
            epoch++;
            count = 0;
            return false;
        }
        count = Math.min(batchSize, size - position);
        if (withReplacement) {
            for (int i = 0; i < count; i++) {
                batch[i] = random.nextInt(size);
            }
        } else {
            System.arraycopy(order, position, batch, 0, count);
        }
        position += count;
        batchIndex++;
        return true;
    }

    private void startEpoch() {
        inEpoch = true;
        position = 0;
        batchIndex = -1;
        if (!withReplacement && batchSize < size) {
            Dataset.shuffle(order, size, random);
        }
    }

    /** Back to the state right after construction: the same batches again, from the first epoch. */
    public void reset() {
        random = new Random(seed);
        if (order != null) {
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
        }
        count = 0;
        position = 0;
        batchIndex = -1;
        epoch = 0;
        inEpoch = false;
    }

    /**
     * The current batch's row indices in entries 0 … {@link #count()}−1. This is the same buffer every
     * time, overwritten by {@link #next()}: read it, do not keep or change it.
     */
    public int[] rows() {
        return batch;
    }

    /** How many rows the current batch has (0 before the first {@link #next()} and after an epoch ends). */
    public int count() {
        return count;
    }

    /** The current batch's position in its epoch, from 0. */
    public int batchIndex() {
        return batchIndex;
    }

    /** How many epochs have been completed. */
    public int epoch() {
        return epoch;
    }

    /** ⌈n / B⌉. */
    public int batchesPerEpoch() {
        return (size + batchSize - 1) / batchSize;
    }

    public int batchSize() {
        return batchSize;
    }

    /** n, the number of rows batches are drawn from. */
    public int size() {
        return size;
    }

    public boolean withReplacement() {
        return withReplacement;
    }

    @Override
    public String toString() {
        String kind = batchSize == 1 ? "stochastic" : batchSize == size ? "full batch" : "mini-batch";
        return kind + " (" + size + " rows, batch size " + batchSize + ", " + batchesPerEpoch() + " batches per epoch, "
                + (withReplacement ? "with" : "without") + " replacement)";
    }
}

package course.dl4j;

import course.optim.Optimizer;
import course.optim.OptimizerState;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Updater;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.BaseMultiLayerUpdater;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The state of a run after a finished epoch, so that an interrupted sweep continues where it
 * stopped: the network's parameters, DL4J's updater state and iteration count (DL4J's Adam needs it
 * for bias correction), and the state and step count of every course optimizer inside a
 * {@link CourseUpdater}. Values are stored in the network's data type, so a restored network is
 * bit for bit the saved one; with the per-epoch seeds of {@link MnistTraining}, the resumed epochs
 * are those of an uninterrupted run.
 *
 * <p>The file is written to a temporary name and moved into place: a run killed while saving leaves
 * the previous checkpoint.
 */
public final class MnistCheckpoint {
    private static final String MAGIC = "course-mnist-checkpoint";
    private static final int VERSION = 2;

    private MnistCheckpoint() {
    }

    /** Saves {@code run} (which must be between epochs) to {@code file}. */
    public static void save(MnistTraining.Run run, String key, Path file) {
        MultiLayerNetwork net = run.network();
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16))) {
                out.writeUTF(MAGIC);
                out.writeInt(VERSION);
                out.writeUTF(key);
                out.writeUTF(run.optimizer().name());
                out.writeUTF(run.optimizer().implementation());
                out.writeInt(run.epochsDone());
                out.writeInt(net.getIterationCount());
                writeArray(out, net.params());
                Updater updater = net.getUpdater(true);
                INDArray state = updater instanceof BaseMultiLayerUpdater<?> multi ? multi.getStateViewArray() : null;
                writeArray(out, state);
                List<Optimizer> optimizers = run.courseOptimizers();
                out.writeInt(optimizers.size());
                for (Optimizer optimizer : optimizers) {
                    OptimizerState saved = optimizer.state();
                    out.writeInt(saved.parameters());
                    out.writeLong(saved.steps());
                    out.writeInt(saved.arrayCount());
                    for (String name : saved.arrayNames()) {
                        out.writeUTF(name);
                        double[] values = saved.array(name);
                        out.writeInt(values.length);
                        for (double v : values) {
                            out.writeDouble(v);
                        }
                    }
                    out.writeInt(saved.scalarNames().size());
                    for (String name : saved.scalarNames()) {
                        out.writeUTF(name);
                        out.writeDouble(saved.scalar(name));
                    }
                }
                out.writeUTF("end");
            }
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the checkpoint " + file + ": " + e.getMessage(), e);
        }
    }

    /** The epochs a checkpoint holds, or -1 if the file is missing, unreadable or for other settings. */
    public static int epochs(Path file, String key, MnistOptimizer optimizer) {
        if (!Files.isRegularFile(file)) {
            return -1;
        }
        try (DataInputStream in = open(file)) {
            return header(in, file, key, optimizer);
        } catch (IOException | IllegalStateException e) {
            return -1;
        }
    }

    /** Restores {@code file} into {@code run}, a fresh run of the same settings and optimizer; returns the epochs done. */
    public static int restore(MnistTraining.Run run, String key, Path file) {
        MultiLayerNetwork net = run.network();
        try (DataInputStream in = open(file)) {
            int epochs = header(in, file, key, run.optimizer());
            int iterations = in.readInt();
            INDArray params = net.params();
            readInto(in, params, file, "parameters");
            Updater updater = net.getUpdater(true);
            INDArray state = updater instanceof BaseMultiLayerUpdater<?> multi ? multi.getStateViewArray() : null;
            readInto(in, state, file, "updater state");
            List<Optimizer> optimizers = run.courseOptimizers();
            int count = in.readInt();
            if (count != optimizers.size()) {
                throw new IllegalStateException(file + " holds " + count + " course optimizers, the network has "
                        + optimizers.size());
            }
            for (Optimizer optimizer : optimizers) {
                int parameters = in.readInt();
                long steps = in.readLong();
                int arrays = in.readInt();
                Map<String, double[]> saved = new LinkedHashMap<>();
                for (int a = 0; a < arrays; a++) {
                    String name = in.readUTF();
                    double[] values = new double[in.readInt()];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = in.readDouble();
                    }
                    saved.put(name, values);
                }
                Map<String, Double> scalars = new LinkedHashMap<>();
                int scalarCount = in.readInt();
                for (int a = 0; a < scalarCount; a++) {
                    scalars.put(in.readUTF(), in.readDouble());
                }
                optimizer.loadState(OptimizerState.of(parameters, steps, saved, scalars));
            }
            if (!"end".equals(in.readUTF())) {
                throw new IllegalStateException(file + " does not end where it should: it is corrupted");
            }
            net.setIterationCount(iterations);
            net.setEpochCount(epochs);
            run.restored(epochs);
            return epochs;
        } catch (EOFException e) {
            throw new IllegalStateException(file + " is truncated: delete it to start that optimizer again", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the checkpoint " + file + ": " + e.getMessage(), e);
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        return new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
    }

    private static int header(DataInputStream in, Path file, String key, MnistOptimizer optimizer) throws IOException {
        if (!MAGIC.equals(in.readUTF()) || in.readInt() != VERSION) {
            throw new IllegalStateException(file + " is not a checkpoint of this version");
        }
        String savedKey = in.readUTF();
        String name = in.readUTF();
        String implementation = in.readUTF();
        if (!savedKey.equals(key) || !name.equals(optimizer.name()) || !implementation.equals(optimizer.implementation())) {
            throw new IllegalStateException(file + " holds " + name + " [" + savedKey + "], not " + optimizer.name()
                    + " [" + key + "]");
        }
        return in.readInt();
    }

    private static void writeArray(DataOutputStream out, INDArray array) throws IOException {
        if (array == null) {
            out.writeByte(0);
            out.writeLong(0);
            return;
        }
        INDArray flat = array.reshape(array.length());
        if (array.dataType() == DataType.FLOAT) {
            out.writeByte(1);
            float[] values = flat.toFloatVector();
            out.writeLong(values.length);
            for (float v : values) {
                out.writeFloat(v);
            }
        } else {
            out.writeByte(2);
            double[] values = flat.toDoubleVector();
            out.writeLong(values.length);
            for (double v : values) {
                out.writeDouble(v);
            }
        }
    }

    private static void readInto(DataInputStream in, INDArray target, Path file, String what) throws IOException {
        int type = in.readByte();
        long length = in.readLong();
        long expected = target == null ? 0 : target.length();
        if (length != expected) {
            throw new IllegalStateException(file + " holds " + length + " values of " + what + ", the network has "
                    + expected);
        }
        if (length == 0) {
            return;
        }
        INDArray values;
        if (type == 1) {
            float[] v = new float[(int) length];
            for (int i = 0; i < v.length; i++) {
                v[i] = in.readFloat();
            }
            values = Nd4j.createFromArray(v);
        } else if (type == 2) {
            double[] v = new double[(int) length];
            for (int i = 0; i < v.length; i++) {
                v[i] = in.readDouble();
            }
            values = Nd4j.createFromArray(v);
        } else {
            throw new IllegalStateException(file + " is corrupted (" + what + ")");
        }
        if (values.dataType() != target.dataType()) {
            throw new IllegalStateException(file + " holds " + what + " in " + values.dataType() + ", the network runs in "
                    + target.dataType());
        }
        target.reshape(target.length()).assign(values);
    }
}

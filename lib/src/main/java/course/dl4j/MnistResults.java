package course.dl4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The sweep's results file ({@code results.csv}): one row per finished (settings, optimizer, epoch),
 * with where and how it ran (machine, JDK, DL4J version, git revision, threads). The file is
 * rewritten whole, through a temporary file and a move, after every epoch, so it is never half
 * written; rows of other settings (another {@code --limit}) are kept.
 */
public final class MnistResults {
    /** The CSV header, in column order. */
    public static final List<String> COLUMNS = List.of("settings", "optimizer", "implementation", "epoch",
            "train_loss", "train_accuracy", "val_loss", "val_accuracy", "seconds", "ms_per_step", "eval_seconds",
            "steps", "threads", "machine", "jdk", "dl4j", "git", "finished");

    /** One row: the epoch's numbers and where they were measured. */
    public record Row(String settings, String implementation, MnistEpoch epoch, int threads, String machine,
                      String jdk, String dl4j, String git, String finished) {
    }

    private final Path file;
    private final List<Row> rows = new ArrayList<>();

    private MnistResults(Path file) {
        this.file = file;
    }

    /** The rows already in {@code file} (none if it does not exist). */
    public static MnistResults open(Path file) {
        MnistResults results = new MnistResults(file);
        if (Files.isRegularFile(file)) {
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
            }
            if (!lines.isEmpty()) {
                List<String> header = parse(lines.get(0));
                if (!header.equals(COLUMNS)) {
                    throw new IllegalStateException(file + " has the columns " + header + ", not " + COLUMNS
                            + ": move it away (or delete it) to start a new results file");
                }
                for (int i = 1; i < lines.size(); i++) {
                    if (lines.get(i).isBlank()) {
                        continue;
                    }
                    results.rows.add(row(parse(lines.get(i)), file, i + 1));
                }
            }
        }
        return results;
    }

    public Path file() {
        return file;
    }

    /** Every row, in file order. */
    public List<Row> rows() {
        return List.copyOf(rows);
    }

    /** The rows of one settings key, ordered by the optimizers' order in {@code optimizers}, then epoch. */
    public List<MnistEpoch> epochs(String settings, List<String> optimizers, int maxEpoch) {
        List<MnistEpoch> chosen = new ArrayList<>();
        for (Row row : rows) {
            if (row.settings().equals(settings) && optimizers.contains(row.epoch().optimizer())
                    && row.epoch().epoch() <= maxEpoch) {
                chosen.add(row.epoch());
            }
        }
        chosen.sort(Comparator.comparingInt((MnistEpoch e) -> optimizers.indexOf(e.optimizer()))
                .thenComparingInt(MnistEpoch::epoch));
        return chosen;
    }

    /**
     * How many epochs of {@code optimizer} under {@code settings} are done: the largest n such that
     * epochs 1..n all have rows.
     */
    public int epochsDone(String settings, String optimizer) {
        int n = 0;
        while (find(settings, optimizer, n + 1) != null) {
            n++;
        }
        return n;
    }

    Row find(String settings, String optimizer, int epoch) {
        for (Row row : rows) {
            if (row.settings().equals(settings) && row.epoch().optimizer().equals(optimizer) && row.epoch().epoch() == epoch) {
                return row;
            }
        }
        return null;
    }

    /** Drops the rows of {@code optimizer} under {@code settings} after epoch {@code keep} (to redo them). */
    public void truncate(String settings, String optimizer, int keep) {
        rows.removeIf(r -> r.settings().equals(settings) && r.epoch().optimizer().equals(optimizer)
                && r.epoch().epoch() > keep);
    }

    /** Adds (or replaces) a row and rewrites the file. */
    public void add(Row row) {
        rows.removeIf(r -> r.settings().equals(row.settings()) && r.epoch().optimizer().equals(row.epoch().optimizer())
                && r.epoch().epoch() == row.epoch().epoch());
        rows.add(row);
        write();
    }

    /** Writes every row (temporary file, then a move). */
    public void write() {
        StringBuilder text = new StringBuilder(String.join(",", COLUMNS)).append('\n');
        for (Row row : rows) {
            MnistEpoch e = row.epoch();
            List<String> cells = List.of(row.settings(), e.optimizer(), row.implementation(), Integer.toString(e.epoch()),
                    exact(e.trainLoss()), exact(e.trainAccuracy()), exact(e.validationLoss()),
                    exact(e.validationAccuracy()), time(e.seconds()), time(e.msPerStep()), time(e.evalSeconds()),
                    Integer.toString(e.steps()), Integer.toString(row.threads()), row.machine(), row.jdk(), row.dl4j(),
                    row.git(), row.finished());
            for (int c = 0; c < cells.size(); c++) {
                text.append(c == 0 ? "" : ",").append(quote(cells.get(c)));
            }
            text.append('\n');
        }
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Losses and accuracies to the last bit (a resumed run can be compared with an uninterrupted one). */
    private static String exact(double v) {
        return Double.toString(v);
    }

    /** Times to the millisecond or the microsecond per step. */
    private static String time(double v) {
        return Double.isNaN(v) ? "NaN" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static Row row(List<String> cells, Path file, int line) {
        if (cells.size() != COLUMNS.size()) {
            throw new IllegalStateException(file + " line " + line + " has " + cells.size() + " cells, not "
                    + COLUMNS.size() + ": fix or delete the line");
        }
        try {
            MnistEpoch epoch = new MnistEpoch(cells.get(1), Integer.parseInt(cells.get(3)),
                    Double.parseDouble(cells.get(4)), Double.parseDouble(cells.get(5)), Double.parseDouble(cells.get(6)),
                    Double.parseDouble(cells.get(7)), Double.parseDouble(cells.get(8)), Double.parseDouble(cells.get(9)),
                    Double.parseDouble(cells.get(10)), Integer.parseInt(cells.get(11)));
            return new Row(cells.get(0), cells.get(2), epoch, Integer.parseInt(cells.get(12)), cells.get(13),
                    cells.get(14), cells.get(15), cells.get(16), cells.get(17));
        } catch (NumberFormatException e) {
            throw new IllegalStateException(file + " line " + line + " has a number that does not parse ("
                    + e.getMessage() + "): fix or delete the line", e);
        }
    }

    /** RFC 4180 quoting: cells holding a comma, quote or line break are quoted, quotes doubled. */
    static String quote(String cell) {
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
            return '"' + cell.replace("\"", "\"\"") + '"';
        }
        return cell;
    }

    /** Splits one CSV line (no line breaks inside cells: {@link #write()} writes none). */
    static List<String> parse(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}

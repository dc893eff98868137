package course.kernel;

import java.io.File;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The few IPython-style magics a Java course needs, read from the top of a cell:
 * {@code %classpath PATH[:PATH...]}, {@code %jars GLOB}, {@code %lsmagic} and the cell magic
 * {@code %%time}. Classes of {@code lib} are on the kernel's class path already: no magic needed.
 */
final class Magics {
    static final String HELP = String.join("\n",
            "%classpath PATH[" + File.pathSeparator + "PATH...]  add jars or class folders to this kernel",
            "%jars GLOB                 add every jar matching GLOB (e.g. %jars libs/*.jar)",
            "%%time                     (first line) run the cell and print its wall time",
            "%lsmagic                   list these magics");

    /** What is left of the cell once its magic lines are taken off. */
    record Parsed(String code, boolean timed, int magicLines) {
    }

    private Magics() {
    }

    /**
     * Takes the magic lines off the top of the cell, applying line magics with {@code addToClasspath}.
     * Magic lines are replaced by empty lines so the cell's line numbers stay what the learner sees.
     */
    static Parsed apply(String code, Consumer<String> addToClasspath) throws CellError {
        String[] lines = code.split("\n", -1);
        boolean timed = false;
        int index = 0;
        StringBuilder rest = new StringBuilder();
        for (; index < lines.length; index++) {
            String line = lines[index].strip();
            if (line.isEmpty()) {
                rest.append('\n');
                continue;
            }
            if (!line.startsWith("%")) {
                break;
            }
            if (line.equals("%%time")) {
                if (index != firstNonBlank(lines)) {
                    throw magicError("%%time must be the first line of the cell");
                }
                timed = true;
            } else if (line.startsWith("%%")) {
                throw magicError("unknown cell magic " + line.split("\\s+")[0] + "; magics:\n" + HELP);
            } else {
                lineMagic(line, addToClasspath);
            }
            rest.append('\n');
        }
        for (int i = index; i < lines.length; i++) {
            rest.append(lines[i]);
            if (i < lines.length - 1) {
                rest.append('\n');
            }
        }
        return new Parsed(rest.toString(), timed, index);
    }

    private static int firstNonBlank(String[] lines) {
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                return i;
            }
        }
        return -1;
    }

    private static void lineMagic(String line, Consumer<String> addToClasspath) throws CellError {
        String[] parts = line.substring(1).split("\\s+", 2);
        String name = parts[0];
        String argument = parts.length > 1 ? parts[1].strip() : "";
        switch (name) {
            case "classpath" -> {
                if (argument.isEmpty()) {
                    throw magicError("%classpath needs a path: %classpath path/to/some.jar");
                }
                for (String entry : argument.split(File.pathSeparator)) {
                    Path path = Path.of(entry.strip()).toAbsolutePath();
                    if (!Files.exists(path)) {
                        throw magicError("%classpath: " + path + " does not exist");
                    }
                    addToClasspath.accept(path.toString());
                    System.out.println("added to the class path: " + path);
                }
            }
            case "jars" -> {
                if (argument.isEmpty()) {
                    throw magicError("%jars needs a glob: %jars libs/*.jar");
                }
                List<Path> jars = glob(argument);
                if (jars.isEmpty()) {
                    throw magicError("%jars: no jar matches " + argument);
                }
                for (Path jar : jars) {
                    addToClasspath.accept(jar.toString());
                    System.out.println("added to the class path: " + jar);
                }
            }
            case "lsmagic" -> System.out.println(HELP);
            default -> throw magicError("unknown magic %" + name + "; magics:\n" + HELP);
        }
    }

    private static List<Path> glob(String pattern) throws CellError {
        Path absolute = Path.of(pattern).isAbsolute() ? Path.of(pattern) : Path.of("").toAbsolutePath().resolve(pattern);
        Path root = absolute.getRoot();
        // Walk from the deepest folder without wildcards.
        Path base = root;
        for (Path part : root.relativize(absolute)) {
            if (part.toString().matches(".*[*?\\[{].*")) {
                break;
            }
            base = base.resolve(part);
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + absolute);
        if (!Files.isDirectory(base)) {
            return Files.isRegularFile(base) ? List.of(base) : List.of();
        }
        try (Stream<Path> files = Files.walk(base)) {
            List<Path> matches = new ArrayList<>();
            files.filter(Files::isRegularFile).filter(matcher::matches).sorted().forEach(matches::add);
            return matches;
        } catch (IOException e) {
            throw magicError("%jars: cannot list " + base + ": " + e.getMessage());
        }
    }

    private static CellError magicError(String message) {
        return new CellError("MagicError", message, List.of("MagicError: " + message));
    }
}

package course.kernel;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The IPython- and IJava-style magics a Java course needs, read from the top of a cell:
 * {@code %classpath PATH[:PATH...]}, {@code %jars GLOB}, {@code %maven G:A:V[,...]},
 * {@code %load FILE}, {@code %lsmagic} and the cell magic {@code %%time}. Classes of {@code lib} are
 * on the kernel's class path already: no magic needed.
 */
final class Magics {
    static final String HELP = String.join("\n",
            "%classpath PATH[" + File.pathSeparator + "PATH...]  add jars or class folders to this kernel",
            "%jars GLOB                 add every jar matching GLOB (e.g. %jars libs/*.jar)",
            "%maven G:A:V[,G:A:V...]    resolve artifacts and their dependencies from Maven Central (cached in",
            "                           ~/.m2/repository, or -Dmaven.repo.local) and add their jars, e.g.",
            "                           %maven org.apache.commons:commons-text:1.12.0",
            "%load FILE                 run a file of Java/JShell snippets (e.g. %load helpers.jsh), as if typed here",
            "%%time                     (first line) run the cell and print its wall time",
            "%lsmagic                   list these magics");

    /** What the line magics act on: the kernel's JShell. */
    interface Host {
        void addToClasspath(String path);

        /** Runs the snippets of {@code file}, whose text is {@code source}. */
        void load(Path file, String source) throws CellError;

        /** Resolves the artifacts and adds their jars. */
        void maven(List<String> coordinates) throws CellError;
    }

    /** What is left of the cell once its magic lines are taken off. */
    record Parsed(String code, boolean timed, int magicLines) {
    }

    private Magics() {
    }

    /**
     * Takes the magic lines off the top of the cell, applying line magics to {@code host} in order.
     * Magic lines are replaced by empty lines so the cell's line numbers stay what the learner sees.
     */
    static Parsed apply(String code, Host host) throws CellError {
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
                lineMagic(line, host);
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

    private static void lineMagic(String line, Host host) throws CellError {
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
                    host.addToClasspath(path.toString());
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
                    host.addToClasspath(jar.toString());
                    System.out.println("added to the class path: " + jar);
                }
            }
            case "maven" -> host.maven(coordinates(argument));
            case "load" -> {
                Path file = loadable(argument);
                try {
                    host.load(file, Files.readString(file, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw magicError("%load: cannot read " + file + ": " + e.getMessage());
                }
            }
            case "lsmagic" -> System.out.println(HELP);
            default -> throw magicError("unknown magic %" + name + "; magics:\n" + HELP);
        }
    }

    /** The artifacts of a %maven line: group:artifact[:extension[:classifier]]:version, split at commas or spaces. */
    static List<String> coordinates(String argument) throws CellError {
        if (argument.isEmpty()) {
            throw magicError("%maven needs group:artifact:version, e.g. %maven org.apache.commons:commons-text:1.12.0");
        }
        List<String> coordinates = new ArrayList<>();
        for (String part : argument.split("[,\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            String[] fields = part.split(":", -1);
            boolean wellFormed = fields.length >= 3 && fields.length <= 5
                    && Arrays.stream(fields).allMatch(f -> f.matches("[A-Za-z0-9_.\\-\\[\\](),+]+"));
            if (!wellFormed) {
                throw magicError("%maven: '" + part + "' is not group:artifact:version"
                        + " (e.g. org.apache.commons:commons-text:1.12.0; several: separate them with commas)");
            }
            coordinates.add(part);
        }
        return coordinates;
    }

    /** The file a %load line names, relative to the kernel's working folder (the notebook's). */
    private static Path loadable(String argument) throws CellError {
        if (argument.isEmpty()) {
            throw magicError("%load needs a file: %load helpers.jsh");
        }
        String name = argument.length() > 1 && (argument.startsWith("\"") && argument.endsWith("\"")
                || argument.startsWith("'") && argument.endsWith("'")) ? argument.substring(1, argument.length() - 1) : argument;
        Path file = Path.of(name).toAbsolutePath().normalize();
        if (Files.isDirectory(file)) {
            throw magicError("%load: " + file + " is a folder; name a file of snippets, e.g. %load helpers.jsh");
        }
        if (!Files.isRegularFile(file)) {
            throw magicError("%load: no file " + file + " (relative paths start in " + Path.of("").toAbsolutePath()
                    + ", the notebook's folder)");
        }
        return file;
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

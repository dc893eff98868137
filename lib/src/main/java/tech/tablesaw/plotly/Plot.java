package tech.tablesaw.plotly;

import course.kernel.Notebook;
import course.plot.JsplotFigure;
import java.awt.Desktop;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.UUID;
import tech.tablesaw.plotly.components.Figure;

/**
 * The course's {@code tech.tablesaw.plotly.Plot}, ahead of tablesaw-jsplot's own on every class path
 * that has lib (lib's jar comes before its dependencies), with the same public and protected members
 * (a test compares them with jsplot 0.44.4's): code written for tablesaw runs unchanged.
 *
 * <p>tablesaw's {@code show} writes a page that loads plotly.js from a CDN into {@code testoutput/} in
 * the working folder and opens it in a desktop browser, which a notebook server does not have
 * ("Browser not supported"). Here, in the course kernel, {@code show} draws the figure inline, as the
 * course's figures are drawn (local plotly.js, a PNG, the plotly JSON; see {@link JsplotFigure}), and
 * writes nothing unless it is given a file, which then receives an offline page. Outside a kernel it
 * writes the offline page where tablesaw would and opens it in a browser when the machine has one,
 * or says where it is.
 */
public class Plot {
    protected static final String DEFAULT_DIV_NAME = "target";
    protected static final String DEFAULT_OUTPUT_FILE = "output.html";
    protected static final String DEFAULT_OUTPUT_FILE_NAME = "output";
    protected static final String DEFAULT_OUTPUT_FOLDER = "testoutput";

    /** Inline in the course kernel, and saved to {@code outputFile} as an offline page. */
    public static void show(Figure figure, String divName, File outputFile) {
        if (Notebook.isLive()) {
            Notebook.display(figure);
        }
        Path page = JsplotFigure.of(figure).saveHtml(outputFile.toPath());
        if (!Notebook.isLive()) {
            browse(page);
        }
    }

    /** An HTML page of your own: inline in the course kernel, and saved to {@code outputFile}. */
    public static void show(String html, File outputFile) {
        try {
            Files.writeString(outputFile.toPath(), html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + outputFile + ": " + e.getMessage(), e);
        }
        if (Notebook.isLive()) {
            Notebook.display(Notebook.html(html));
        } else {
            browse(outputFile.toPath());
        }
    }

    /** Inline in the course kernel (nothing written); elsewhere {@code testoutput/output.html}. */
    public static void show(Figure figure, String divName) {
        if (Notebook.isLive()) {
            Notebook.display(figure);
        } else {
            show(figure, divName, defaultFile());
        }
    }

    /** Inline in the course kernel (nothing written); elsewhere a new file in {@code testoutput/}. */
    public static void show(Figure figure) {
        if (Notebook.isLive()) {
            Notebook.display(figure);
        } else {
            show(figure, randomFile());
        }
    }

    /** Inline in the course kernel, and saved to {@code outputFile} as an offline page. */
    public static void show(Figure figure, File outputFile) {
        show(figure, DEFAULT_DIV_NAME, outputFile);
    }

    protected static File defaultFile() {
        return inOutputFolder(DEFAULT_OUTPUT_FILE);
    }

    protected static File randomFile() {
        return inOutputFolder(randomizedFileName());
    }

    protected static String randomizedFileName() {
        return DEFAULT_OUTPUT_FILE_NAME + UUID.randomUUID() + ".html";
    }

    private static File inOutputFolder(String name) {
        Path path = Paths.get(DEFAULT_OUTPUT_FOLDER, name);
        try {
            Files.createDirectories(path.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + path.getParent() + ": " + e.getMessage(), e);
        }
        return path.toFile();
    }

    private static void browse(Path page) {
        try {
            if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                Desktop.getDesktop().browse(page.toUri());
                return;
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // no browser to open: say where the page is instead
        }
        System.out.println("tablesaw figure saved to " + page.toAbsolutePath() + " (offline: plotly.js inside); "
                + "open it in a browser");
    }
}

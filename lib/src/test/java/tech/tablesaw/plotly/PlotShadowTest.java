package tech.tablesaw.plotly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.plotly.api.LinePlot;
import tech.tablesaw.plotly.components.Figure;

/** lib's Plot stands in for tablesaw-jsplot's: the same members, so tablesaw code compiles and runs unchanged. */
class PlotShadowTest {
    @Test
    void libsPlotIsTheOneLoadedAndHasExactlyJsplotsMembers() throws Exception {
        URL jsplotJar = Figure.class.getProtectionDomain().getCodeSource().getLocation();
        URL libClasses = Plot.class.getProtectionDomain().getCodeSource().getLocation();
        assertNotEquals(jsplotJar, libClasses, "Plot comes from lib, ahead of tablesaw-jsplot's jar");
        try (URLClassLoader jsplotOnly = new URLClassLoader(new URL[] {jsplotJar}, ClassLoader.getPlatformClassLoader())) {
            Class<?> original = jsplotOnly.loadClass("tech.tablesaw.plotly.Plot");
            assertTrue(original.getProtectionDomain().getCodeSource().getLocation().equals(jsplotJar));
            assertEquals(members(original), members(Plot.class));
        }
    }

    /** Public and protected methods and fields, with their modifiers and types. */
    private static Set<String> members(Class<?> type) {
        Set<String> members = new TreeSet<>();
        for (Method m : type.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers()) || Modifier.isProtected(m.getModifiers())) {
                members.add(Modifier.toString(m.getModifiers()) + " " + m.getReturnType().getName() + " " + m.getName()
                        + Arrays.toString(Arrays.stream(m.getParameterTypes()).map(Class::getName).toArray()));
            }
        }
        for (Field f : type.getDeclaredFields()) {
            if (Modifier.isPublic(f.getModifiers()) || Modifier.isProtected(f.getModifiers())) {
                members.add(Modifier.toString(f.getModifiers()) + " " + f.getType().getName() + " " + f.getName());
            }
        }
        return members;
    }

    @Test
    void outsideAKernelItWritesAnOfflinePageAndSaysWhere(@TempDir Path folder) throws Exception {
        Path page = folder.resolve("losses.html");
        Figure figure = LinePlot.create("losses", "step", new double[] {1, 2, 3}, "loss", new double[] {3, 2, 1.5});
        Plot.show(figure, page.toFile());
        String html = Files.readString(page);
        assertTrue(html.contains("<!DOCTYPE html>"), "a whole page");
        assertTrue(!html.contains("cdn.plot.ly"), "plotly.js is inside the page, not fetched");
        assertTrue(html.contains("\"text\":\"losses\""), "the title in plotly.js 3's form");
    }
}

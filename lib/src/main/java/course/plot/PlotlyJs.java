package course.plot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * plotly.js for figures: read from lib's own resources (the WebJar's {@code plotly.js}, gzipped by the
 * build), never from a CDN, and embedded <b>once per kernel</b>.
 *
 * <p>How a figure's HTML finds plotly.js, in every place a notebook is read:
 * <ul>
 * <li>The first figure a JVM renders (one kernel = one JVM = one notebook) carries plotly.js as
 *     {@code <script type="text/x-course-plotly" id="course-plotly-js">}: base64 of the gzipped
 *     library, an inert script element the browser does not run. Later figures carry none.</li>
 * <li>Every figure carries the same small loader, a plain {@code <script>} (no require.js): it uses
 *     {@code window.Plotly} if the page has it; else it looks for an embedded copy <em>anywhere in
 *     the page</em>, inflates it (DecompressionStream) and runs it once; then it draws every course
 *     figure in the page that is not drawn yet. It retries for a while, because the notebook may
 *     still be rendering the output that holds the copy (a re-executed cell can put it below).</li>
 * <li>Each figure's HTML starts with its PNG inside the figure's {@code div}; drawing replaces it.
 *     Where scripts never run (GitHub, untrusted notebooks, sanitizing viewers) or plotly.js cannot
 *     be had, the PNG stays: the figure is static, never blank.</li>
 * </ul>
 * In the live notebook, a cleared or re-executed cell does not unload plotly.js (it stays in
 * {@code window}); a restarted kernel embeds it again with its first figure. A saved notebook keeps
 * interactive figures as long as one output still holds the copy; if all were cleared, figures show
 * their PNG until the notebook is re-run, or {@link #embedAgain()} makes the next figure carry it.
 */
final class PlotlyJs {
    static final String SCRIPT_ID = "course-plotly-js";
    private static final String RESOURCE = "plotly.js.gz";
    private static final AtomicBoolean EMBEDDED = new AtomicBoolean();

    private PlotlyJs() {
    }

    /** The plotly.js version bundled by the build. */
    static String version() {
        Properties properties = new Properties();
        try (InputStream in = PlotlyJs.class.getResourceAsStream("plotly.properties")) {
            if (in == null) {
                throw missing("plotly.properties");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }

    /** The gzipped library as the build bundled it. */
    static byte[] gzipped() {
        try (InputStream in = PlotlyJs.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw missing(RESOURCE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static IllegalStateException missing(String name) {
        return new IllegalStateException("course/plot/" + name + " is not on the class path: lib was not built by "
                + "Maven (it unpacks plotly.js from the WebJar at generate-resources); run bin/course build --force");
    }

    /** The inert element holding the library, as the first figure (and a saved page) carries it. */
    static String embedded() {
        return "<script type=\"text/x-course-plotly\" id=\"" + SCRIPT_ID + "\" data-encoding=\"gzip+base64\""
                + " data-version=\"" + version() + "\">" + Base64.getEncoder().encodeToString(gzipped()) + "</script>\n";
    }

    /** The embedded library the first time a figure asks in this JVM, "" after that. */
    static String embedOnce() {
        return EMBEDDED.compareAndSet(false, true) ? embedded() : "";
    }

    /** The next figure carries plotly.js again (after the output that held it was cleared). */
    static void embedAgain() {
        EMBEDDED.set(false);
    }

    /** Whether a figure of this JVM has carried the library already. */
    static boolean isEmbedded() {
        return EMBEDDED.get();
    }

    /**
     * The loader every figure carries, for the figure with this div id. Plain ES2017 in a plain
     * script element; idempotent, so any number of figures (and copies of plotly.js) can share a page.
     */
    static String loader(String divId) {
        return """
                <script>
                (function (id) {
                  var w = window, state = w.__courseFigures = w.__courseFigures || {};
                  function drawAll() {
                    var figures = document.querySelectorAll('div.course-figure:not([data-course-drawn])');
                    for (var i = 0; i < figures.length; i++) {
                      var el = figures[i], node = el.querySelector('script.course-figure-spec');
                      if (!node) { continue; }
                      el.setAttribute('data-course-drawn', 'pending');
                      draw(el, JSON.parse(node.textContent), el.innerHTML);
                    }
                  }
                  function draw(el, spec, fallback) {
                    el.innerHTML = '';
                    w.Plotly.newPlot(el, spec.data, spec.layout, spec.config).then(function (gd) {
                      return spec.frames ? w.Plotly.addFrames(gd, spec.frames) : gd;
                    }).then(function () {
                      el.setAttribute('data-course-drawn', 'plotly');
                    }).catch(function (e) {
                      el.innerHTML = fallback;
                      el.setAttribute('data-course-drawn', 'failed');
                      console.error('course figure ' + el.id + ': plotly.js failed, showing the PNG', e);
                    });
                  }
                  function load() {
                    if (w.Plotly) { return Promise.resolve(); }
                    if (state.loading) { return state.loading; }
                    var node = document.getElementById('%s');
                    if (!node || typeof DecompressionStream === 'undefined') { return null; }
                    var bytes = Uint8Array.from(atob(node.textContent.trim()), function (c) { return c.charCodeAt(0); });
                    var inflated = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
                    state.loading = new Response(inflated).text().then(function (code) {
                      if (!w.Plotly) {
                        var amd = w.define;
                        w.define = undefined;
                        var script = document.createElement('script');
                        script.text = code;
                        document.head.appendChild(script);
                        w.define = amd;
                      }
                      if (!w.Plotly) { throw new Error('the embedded plotly.js did not define window.Plotly'); }
                    });
                    state.loading.catch(function (e) { state.loading = null; console.error('course figures:', e); });
                    return state.loading;
                  }
                  var tries = 0;
                  (function attempt() {
                    var ready = load();
                    if (ready && document.getElementById(id)) { ready.then(drawAll); return; }
                    if (++tries < 150) { setTimeout(attempt, 100); }
                    else { console.warn('course figure ' + id + ': no plotly.js in this page, showing the PNG'); }
                  })();
                })('%s');
                </script>
                """.formatted(SCRIPT_ID, divId);
    }
}

package course.plot;

import java.awt.Color;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Colours by series name, and which names the legend lists already. One per figure; a grid of
 * subplots shares one, so a name has the same colour in every subplot and one legend entry.
 */
final class Legend {
    private final Map<String, Color> colors = new LinkedHashMap<>();
    private final Set<String> listed = new HashSet<>();

    /** The colour of this name: the explicit one if given, else the next palette colour on first use. */
    Color color(String name, Color explicit) {
        if (explicit != null) {
            colors.putIfAbsent(name, explicit);
            return explicit;
        }
        return colors.computeIfAbsent(name, n -> Palette.series(colors.size()));
    }

    /** True the first time a name is asked about: only that trace shows in the legend. */
    boolean listOnce(String name) {
        return listed.add(name);
    }

    /** The names seen so far with their colours, in order of first use. */
    Map<String, Color> entries() {
        return colors;
    }
}

package course.kernel;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registry of how types render: {@code Renderers.register(Point.class, p -> Map.of("text/html", ...))}.
 * A cell's result, {@code display(x)}, {@code updateDisplay(id, x)} and {@code render(x, ...)} look
 * here first, then at the value's own {@code mimeBundle()} method, then show images as PNG and
 * anything else as its {@code toString()}.
 *
 * <p>Which registration applies to a value of class C, when several types fit:
 * <ol>
 *   <li>a renderer registered for C itself;</li>
 *   <li>else the most specific of the registered supertypes of C: one that is a subtype of every other
 *       fitting type;</li>
 *   <li>if the fitting types are unrelated (a class and an interface, or two interfaces), a class wins
 *       over an interface, the nearest superclass first; among interfaces the one C declares first,
 *       breadth-first from C up.</li>
 * </ol>
 * Registering a type again replaces its renderer: a learner's registration replaces a library's.
 * Libraries register through {@link RendererProvider} (ServiceLoader), before the first lookup or
 * registration. A class redeclared in a cell keeps its registration when JShell redefines it in place
 * (only method bodies changed); a redeclaration that replaces the class needs registering again.
 */
public final class Renderers {
    private static final Map<Class<?>, Renderer<?>> BY_TYPE = new ConcurrentHashMap<>();
    private static final Object PROVIDER_LOCK = new Object();
    private static volatile boolean providersLoaded;
    /** Bounds the provider loop: a broken ServiceLoader iterator must not spin forever. */
    private static final int MAX_PROVIDERS = 1000;

    private Renderers() {
    }

    /** Shows values of {@code type} (and its subtypes, unless a more specific type is registered) with {@code renderer}. */
    public static <T> void register(Class<T> type, Renderer<? super T> renderer) {
        if (type == null) {
            throw new IllegalArgumentException("Renderers.register needs a type, e.g. Renderers.register(Point.class, p -> ...); got null");
        }
        if (renderer == null) {
            throw new IllegalArgumentException("Renderers.register(" + type.getSimpleName()
                    + ".class, null): give a renderer, e.g. p -> Map.of(\"text/html\", \"<b>\" + p + \"</b>\")");
        }
        if (type.isPrimitive()) {
            throw new IllegalArgumentException("Renderers.register(" + type + ".class, ...): values reach the renderer boxed;"
                    + " register the wrapper type, e.g. Double.class");
        }
        loadProviders();
        BY_TYPE.put(type, renderer);
    }

    /** Forgets the renderer registered for exactly this type; true if there was one. */
    public static boolean unregister(Class<?> type) {
        loadProviders();
        return type != null && BY_TYPE.remove(type) != null;
    }

    /** The registered type whose renderer a value of class {@code c} gets, if any (the rule above). */
    public static Optional<Class<?>> typeFor(Class<?> c) {
        loadProviders();
        return c == null ? Optional.empty() : Optional.ofNullable(mostSpecific(c));
    }

    /** The bundle the registered renderer gives {@code value}, or null when no registered type fits. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Map<String, ?> render(Object value) {
        loadProviders();
        if (value == null || BY_TYPE.isEmpty()) {
            return null;
        }
        Class<?> type = mostSpecific(value.getClass());
        if (type == null) {
            return null;
        }
        Renderer renderer = BY_TYPE.get(type);
        if (renderer == null) {
            return null;  // unregistered meanwhile
        }
        Map<String, ?> bundle;
        try {
            bundle = renderer.render(value);
        } catch (RuntimeException | LinkageError e) {
            throw new IllegalStateException("the renderer registered for " + type.getName() + " failed on a "
                    + value.getClass().getName() + ": " + e, e);
        }
        if (bundle == null) {
            throw new IllegalStateException("the renderer registered for " + type.getName()
                    + " returned null: return a map of MIME type to data, e.g. Map.of(\"text/html\", \"...\")");
        }
        return bundle;
    }

    private static Class<?> mostSpecific(Class<?> c) {
        if (BY_TYPE.containsKey(c)) {
            return c;
        }
        List<Class<?>> fitting = new ArrayList<>();
        for (Class<?> t : BY_TYPE.keySet()) {
            if (t.isAssignableFrom(c)) {
                fitting.add(t);
            }
        }
        if (fitting.isEmpty()) {
            return null;
        }
        List<Class<?>> best = new ArrayList<>();
        for (Class<?> t : fitting) {
            boolean moreSpecificExists = fitting.stream().anyMatch(o -> o != t && t.isAssignableFrom(o));
            if (!moreSpecificExists) {
                best.add(t);
            }
        }
        if (best.size() == 1) {
            return best.get(0);
        }
        for (Class<?> t : nearestFirst(c)) {
            if (best.contains(t)) {
                return t;
            }
        }
        return best.get(0);
    }

    /** C's superclasses from C up, then its interfaces breadth-first in declaration order. */
    private static Set<Class<?>> nearestFirst(Class<?> c) {
        Set<Class<?>> order = new LinkedHashSet<>();
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            order.add(k);
        }
        Deque<Class<?>> queue = new ArrayDeque<>();
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            queue.addAll(List.of(k.getInterfaces()));
        }
        while (!queue.isEmpty()) {
            Class<?> i = queue.removeFirst();
            if (order.add(i)) {
                queue.addAll(List.of(i.getInterfaces()));
            }
        }
        return order;
    }

    /** Runs every provider once; one that fails is reported and skipped, the others still register. */
    private static void loadProviders() {
        if (providersLoaded) {
            return;
        }
        synchronized (PROVIDER_LOCK) {
            if (providersLoaded) {
                return;
            }
            // Set first: providers call register(), which comes back here.
            providersLoaded = true;
            Iterator<RendererProvider> providers = ServiceLoader.load(RendererProvider.class, Renderers.class.getClassLoader()).iterator();
            for (int i = 0; i < MAX_PROVIDERS; i++) {
                try {
                    if (!providers.hasNext()) {
                        return;
                    }
                    providers.next().registerRenderers();
                } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                    System.err.println("note: a renderer provider failed, its types show as text: " + e);
                }
            }
        }
    }
}

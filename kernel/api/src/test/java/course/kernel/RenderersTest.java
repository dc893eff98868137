package course.kernel;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which registration a value gets, and providers found through ServiceLoader (see src/test/resources). */
class RenderersTest {
    interface Shape {
    }

    interface Named {
    }

    interface Round extends Shape {
    }

    static class Base implements Shape {
    }

    static class Circle extends Base implements Named, Round {
    }

    static final class Dot extends Circle {
    }

    /** Registered by {@link TestProvider}, as lib registers its figures. */
    static final class FromProvider {
    }

    public static final class TestProvider implements RendererProvider {
        @Override
        public void registerRenderers() {
            Renderers.register(FromProvider.class, v -> Map.of("text/html", "<i>from the provider</i>"));
        }
    }

    public static final class BrokenProvider implements RendererProvider {
        @Override
        public void registerRenderers() {
            throw new IllegalStateException("this provider is broken on purpose");
        }
    }

    private final List<Class<?>> registered = new ArrayList<>();

    private <T> void register(Class<T> type, String html) {
        Renderers.register(type, v -> Map.of("text/html", html));
        registered.add(type);
    }

    @AfterEach
    void forget() {
        registered.forEach(Renderers::unregister);
    }

    private static Object html(Object value) {
        Map<String, ?> bundle = Renderers.render(value);
        return bundle == null ? null : bundle.get("text/html");
    }

    @Test
    void theExactTypeWins() {
        register(Shape.class, "shape");
        register(Circle.class, "circle");
        register(Dot.class, "dot");
        assertEquals("dot", html(new Dot()));
        assertEquals("circle", html(new Circle()));
        assertEquals("shape", html(new Base()));
        assertNull(html("a string"), "no registered type fits");
    }

    @Test
    void theMostSpecificSupertypeWins() {
        register(Shape.class, "shape");
        register(Round.class, "round");
        register(Object.class, "object");
        assertEquals("round", html(new Dot()), "Round extends Shape, and both beat Object");
        assertEquals(Optional.of(Round.class), Renderers.typeFor(Dot.class));
        assertEquals("object", html(List.of()));
    }

    @Test
    void unrelatedTypesGoToTheClassThenTheFirstDeclaredInterface() {
        register(Named.class, "named");
        register(Base.class, "base");
        assertEquals("base", html(new Dot()), "a class beats an interface");
        Renderers.unregister(Base.class);
        register(Round.class, "round");
        assertEquals("named", html(new Dot()), "Circle declares Named before Round");
    }

    @Test
    void registeringAgainReplacesAndUnregisterForgets() {
        register(Circle.class, "first");
        register(Circle.class, "second");
        assertEquals("second", html(new Circle()));
        assertTrue(Renderers.unregister(Circle.class));
        assertFalse(Renderers.unregister(Circle.class));
        assertNull(html(new Circle()));
    }

    @Test
    void badRegistrationsAndRenderersSayWhatWasWrong() {
        IllegalArgumentException noType = assertThrows(IllegalArgumentException.class, () -> Renderers.register(null, v -> Map.of()));
        assertTrue(noType.getMessage().contains("needs a type"), noType.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Renderers.register(Circle.class, null));
        IllegalArgumentException primitive = assertThrows(IllegalArgumentException.class, () -> Renderers.register(double.class, v -> Map.of()));
        assertTrue(primitive.getMessage().contains("Double.class"), primitive.getMessage());

        Renderers.register(Base.class, v -> {
            throw new ArithmeticException("no shape");
        });
        registered.add(Base.class);
        IllegalStateException failed = assertThrows(IllegalStateException.class, () -> Renderers.render(new Base()));
        assertTrue(failed.getMessage().contains(Base.class.getName()) && failed.getMessage().contains("no shape"), failed.getMessage());
        Renderers.register(Base.class, v -> null);
        IllegalStateException none = assertThrows(IllegalStateException.class, () -> Renderers.render(new Base()));
        assertTrue(none.getMessage().contains("returned null"), none.getMessage());
    }

    @Test
    void providersRegisterThroughServiceLoaderAndABrokenOneDoesNotStopThem() {
        assertEquals("<i>from the provider</i>", html(new FromProvider()));
        assertEquals("<i>from the provider</i>", Rendering.bundle(new FromProvider()).get("text/html"));
    }
}

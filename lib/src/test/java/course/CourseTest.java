package course;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class CourseTest {
    private static final String PROPERTY = "course.quick";
    private String saved;

    @BeforeEach
    void saveProperty() {
        saved = System.getProperty(PROPERTY);
    }

    @AfterEach
    void restoreProperty() {
        if (saved == null) {
            System.clearProperty(PROPERTY);
        } else {
            System.setProperty(PROPERTY, saved);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "true", "yes", "on", "TRUE", " Yes "})
    void quickModeOn(String value) {
        System.setProperty(PROPERTY, value);
        assertTrue(Course.quick());
        assertEquals(5, Course.pick(100, 5));
        assertEquals("quick", Course.mode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "false", "no", "off", "Off"})
    void quickModeOff(String value) {
        System.setProperty(PROPERTY, value);
        assertFalse(Course.quick());
        assertEquals(100, Course.pick(100, 5));
        assertEquals("full", Course.mode());
    }

    @Test
    void blankPropertyMeansFullMode() {
        System.setProperty(PROPERTY, "  ");
        assertFalse(Course.quick());
        assertEquals(100, Course.pick(100, 5));
    }

    @Test
    void unsetPropertyFallsBackToEnvironment() {
        assumeTrue(System.getenv(Course.QUICK_VARIABLE) == null, "COURSE_QUICK is set in this environment");
        System.clearProperty(PROPERTY);
        assertFalse(Course.quick());
        assertEquals(100, Course.pick(100, 5));
    }

    @Test
    void invalidValueIsExplained() {
        System.setProperty(PROPERTY, "maybe");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, Course::quick);
        assertTrue(e.getMessage().contains("maybe"), e.getMessage());
        assertTrue(e.getMessage().contains(Course.QUICK_VARIABLE), e.getMessage());
        assertTrue(e.getMessage().contains("1") && e.getMessage().contains("0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Course.pick(10, 2));
    }

    @Test
    void pickRejectsNonPositiveSizes() {
        System.setProperty(PROPERTY, "0");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Course.pick(0, 5));
        assertTrue(e.getMessage().contains("full=0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Course.pick(10, -1));
        assertTrue(e.getMessage().contains("quick=-1"), e.getMessage());
        System.setProperty(PROPERTY, "1");
        assertThrows(IllegalArgumentException.class, () -> Course.pick(-3, 2));
        assertThrows(IllegalArgumentException.class, () -> Course.pick(3, 0));
    }
}

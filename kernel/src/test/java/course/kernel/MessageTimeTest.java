package course.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class MessageTimeTest {
    private static final long AFTERNOON = Instant.parse("2026-11-23T13:15:26.151Z").toEpochMilli();

    @Test
    void readsJupyterClientDatesWithMicrosecondsAfterNoon() {
        // the base library's parser fails on exactly this string (hour 13, microseconds, 'Z')
        assertEquals(AFTERNOON, MessageTime.epochMillis("2026-11-23T13:15:26.151108Z").getAsLong());
    }

    @Test
    void readsNumericOffsetsAndDatesWithoutOffsetAsUtc() {
        assertEquals(AFTERNOON, MessageTime.epochMillis("2026-11-23T14:15:26.151+01:00").getAsLong());
        assertEquals(AFTERNOON, MessageTime.epochMillis("2026-11-23T13:15:26.151108").getAsLong());
    }

    @Test
    void unreadableDatesAreEmptyNotErrors() {
        assertTrue(MessageTime.epochMillis(null).isEmpty());
        assertTrue(MessageTime.epochMillis("").isEmpty());
        assertTrue(MessageTime.epochMillis("yesterday").isEmpty());
    }
}

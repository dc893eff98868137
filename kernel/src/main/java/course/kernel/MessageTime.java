package course.kernel;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.OptionalLong;

/**
 * Reads the {@code date} of a Jupyter message header. The base library's own parser expects
 * {@code HH:mmZ} and rejects every real timestamp ({@code 2026-11-23T13:15:26.151108Z}), so the
 * kernel parses the ISO 8601 string itself. Old clients send no offset: those dates are UTC.
 */
final class MessageTime {
    private MessageTime() {
    }

    /** Milliseconds since the epoch, or empty when the header carries no readable date. */
    static OptionalLong epochMillis(String isoDate) {
        if (isoDate == null || isoDate.isBlank()) {
            return OptionalLong.empty();
        }
        String text = isoDate.trim();
        try {
            return OptionalLong.of(OffsetDateTime.parse(text).toInstant().toEpochMilli());
        } catch (DateTimeParseException withOffset) {
            try {
                return OptionalLong.of(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC).toEpochMilli());
            } catch (DateTimeParseException withoutOffset) {
                return OptionalLong.empty();
            }
        }
    }
}

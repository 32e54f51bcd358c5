package io.gatewaylog.core.internal.retention;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When the daily run is due: the next {@code retention.time} strictly after a given instant, as a
 * wall-clock time in the clock's zone (the JVM's default zone in production). On the day a daylight
 * saving change skips that time, the run moves to just after the gap; on the day it repeats, the run
 * happens at its first occurrence.
 */
final class DailySchedule {
    private final LocalTime time;
    private final ZoneId zone;

    DailySchedule(LocalTime time, ZoneId zone) {
        this.time = time;
        this.zone = zone;
    }

    Instant nextAfter(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        ZonedDateTime candidate = ZonedDateTime.of(local.toLocalDate(), time, zone);
        if (!candidate.toInstant().isAfter(now)) {
            candidate = ZonedDateTime.of(local.toLocalDate().plusDays(1), time, zone);
        }
        return candidate.toInstant();
    }
}

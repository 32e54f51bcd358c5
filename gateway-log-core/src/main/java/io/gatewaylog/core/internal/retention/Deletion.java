package io.gatewaylog.core.internal.retention;

import io.gatewaylog.api.LogComponent;
import java.nio.file.Path;

/**
 * One archive deleted (or, in a dry run, that would be deleted).
 *
 * @param file the archive
 * @param component its component
 * @param reason why
 * @param bytes its size, freed by the deletion
 * @param ageMillis how old its newest record was
 * @param dryRun whether it was only listed, not deleted
 */
public record Deletion(
        Path file, LogComponent component, DeletionReason reason, long bytes, long ageMillis, boolean dryRun) {

    /** The age in days, rounded to two decimals for people to read. */
    public double ageDays() {
        return Math.round(ageMillis / (double) RetentionPolicy.DAY_MILLIS * 100) / 100.0;
    }
}

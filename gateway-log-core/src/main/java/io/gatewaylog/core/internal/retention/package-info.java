/**
 * Retention of rotated archives: the daily job that deletes archives older than their component's
 * retention, the emergency cleanup that frees disk space when the log file system fills, and the
 * directory scan the command-line tool uses. Only files named by
 * {@link io.gatewaylog.api.spi.ArchiveNames} are ever deleted. Internal: may change in any release.
 */
package io.gatewaylog.core.internal.retention;

package io.gatewaylog.api;

import java.util.Map;

/**
 * Builds one record field by field: {@code log.atInfo().field("request_id", id).log("Processing")}.
 * A builder is used by one thread, once; {@link #log(String)} ends it.
 *
 * @since 1.0
 */
public interface RecordBuilder {

    /** Adds a field; a later field of the same key replaces an earlier one. */
    RecordBuilder field(String key, Object value);

    /** Adds every entry of {@code fields}. */
    RecordBuilder fields(Map<String, ?> fields);

    /** Attaches a throwable, written as {@code "error"}. */
    RecordBuilder cause(Throwable cause);

    /** Logs the record with {@code message}. */
    void log(String message);
}

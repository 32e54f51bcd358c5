package io.gatewaylog.api;

import java.util.Map;

/**
 * Builds one record field by field: {@code log.atInfo().field("request_id", id).log("Processing")}.
 * A builder is used by one thread, once; {@link #log(String)} ends it.
 *
 * @since 1.0
 */
public interface RecordBuilder {

    /**
     * Adds a field; a later field of the same key replaces an earlier one.
     *
     * @param key the field's name
     * @param value its value (see {@link GatewayLogger#log} for how values are written)
     * @return this builder
     */
    RecordBuilder field(String key, Object value);

    /**
     * Adds every entry of {@code fields}.
     *
     * @param fields the fields to add (null adds nothing)
     * @return this builder
     */
    RecordBuilder fields(Map<String, ?> fields);

    /**
     * Attaches a throwable, written as {@code "error"}.
     *
     * @param cause the throwable
     * @return this builder
     */
    RecordBuilder cause(Throwable cause);

    /**
     * Logs the record with {@code message}.
     *
     * @param message the message; may be null
     */
    void log(String message);
}

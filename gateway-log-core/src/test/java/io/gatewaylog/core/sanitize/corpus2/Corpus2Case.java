package io.gatewaylog.core.sanitize.corpus2;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One labelled case of the second corpus, ready to log.
 *
 * @param id          stable id, e.g. {@code S-card-012}
 * @param secret      true: none of {@code secrets} may appear in the output; false: benign, {@code kept} must hold
 * @param category    what kind of data; value-type categories start with {@code value-}
 * @param position    where the data sits (message, field, nested, key, exception, cause, suppressed, deep, fields, ...)
 * @param source      the public description of the format
 * @param loggerName  the logger's name (usually {@code corpus2})
 * @param threadName  a thread name to log from, or null for the test's thread
 * @param context     context fields bound for the call (may be empty)
 * @param message     the record's message
 * @param fields      the record's fields (mutable; the harness adds the case id)
 * @param error       the throwable logged with the record, or null
 * @param secrets     substrings that must not appear in the decoded record (any JSON escaping undone)
 * @param rawSecrets  substrings that must not appear in the raw encoded line (e.g. {@code "h","u","n"} of a char[])
 * @param kept        for benign cases: holds when the value came through unchanged (given the decoded record)
 * @param afterLog    run right after the log call returns and before the flush (mutates the caller's values), or null
 */
record Corpus2Case(
        String id,
        boolean secret,
        String category,
        String position,
        String source,
        String loggerName,
        String threadName,
        Map<String, String> context,
        String message,
        Map<String, Object> fields,
        Throwable error,
        List<String> secrets,
        List<String> rawSecrets,
        Predicate<JsonNode> kept,
        Runnable afterLog) {

    static final String CASE_FIELD = "corpus2_case";
    static final String LOGGER = "corpus2";

    boolean valueType() {
        return category.startsWith("value-");
    }
}

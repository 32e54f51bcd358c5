package io.gatewaylog.core.internal.sanitize;

import io.gatewaylog.api.ErrorInfo;
import io.gatewaylog.api.LogRecord;
import io.gatewaylog.api.internal.ApiAccess;
import io.gatewaylog.api.spi.Settings;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Masks credentials and personal data in a record before any sink sees it: the message, every field
 * value and key (nested maps, collections and arrays too, so metric tags as well), context values, the
 * logger and thread names, and the error's message and stack trace (which holds every cause's and
 * suppressed exception's message). Values under sensitive keys are
 * replaced whole by {@code [redacted]}; free text is scanned once, left to right, and what is found is
 * replaced by a mask that says what it was ({@code [email]}, {@code [card:****1111]}, ...). See
 * {@code docs/sanitization.md} for the rules and the settings.
 *
 * <p>Immutable and thread-safe. When nothing needs masking the same record (and the same strings) come
 * back and nothing is allocated.
 */
public final class Sanitizer {
    private static final Sanitizer DISABLED =
            new Sanitizer(false, EnumSet.noneOf(Rule.class), SensitiveKeys.defaults(), List.of());
    private static final Sanitizer DEFAULTS =
            new Sanitizer(true, EnumSet.allOf(Rule.class), SensitiveKeys.defaults(), List.of());

    private final boolean enabled;
    private final TextScanner scanner;
    private final UserPattern[] patterns;
    private final ValueSanitizer values;
    private final CleanTextCache cleanTexts = new CleanTextCache();

    private Sanitizer(boolean enabled, Set<Rule> rules, SensitiveKeys keys, List<UserPattern> patterns) {
        this.enabled = enabled;
        this.scanner = new TextScanner(rules, keys);
        this.patterns = patterns.toArray(new UserPattern[0]);
        this.values = new ValueSanitizer(this, keys, rules.contains(Rule.SENSITIVE_KEYS));
    }

    /**
     * The sanitizer a component's settings ask for: {@code sanitize.enabled} (default true),
     * {@code sanitize.rules.disabled}, {@code sanitize.keys.extra}, {@code sanitize.keys.allow} and
     * {@code sanitize.patterns.<name>}.
     *
     * @throws io.gatewaylog.api.spi.InvalidSettingException if a value is not allowed
     */
    public static Sanitizer create(Settings componentSettings) {
        return SanitizerSettings.read(componentSettings);
    }

    /** All built-in rules and keys. */
    public static Sanitizer defaults() {
        return DEFAULTS;
    }

    /** Changes nothing. */
    public static Sanitizer disabled() {
        return DISABLED;
    }

    static Sanitizer of(Set<Rule> rules, SensitiveKeys keys, List<UserPattern> patterns) {
        return new Sanitizer(true, rules, keys, patterns);
    }

    public boolean enabled() {
        return enabled;
    }

    /** The record with everything sensitive masked; the same instance when nothing needed masking. */
    public LogRecord sanitize(LogRecord record) {
        if (!enabled || record == null) {
            return record;
        }
        String message = record.message();
        String newMessage = sanitizeText(message);
        Map<String, Object> fields = record.fields();
        Map<String, Object> newFields = fields.isEmpty() ? fields : values.map(fields, 0);
        Map<String, String> context = record.context();
        Map<String, String> newContext = context.isEmpty() ? context : values.map(context, 0);
        ErrorInfo error = record.error();
        ErrorInfo newError = error == null ? null : sanitizeError(error);
        String logger = record.logger();
        String newLogger = values.name(logger);
        String thread = record.threadName();
        String newThread = values.name(thread);
        if (newMessage == message
                && newFields == fields
                && newContext == context
                && newError == error
                && newLogger == logger
                && newThread == thread) {
            return record;
        }
        LogRecord.Builder b = ApiAccess.toBuilder(record);
        if (newLogger != logger) {
            b.logger(newLogger);
        }
        if (newThread != thread) {
            b.thread(newThread, record.threadId());
        }
        if (newMessage != message) {
            b.message(newMessage);
        }
        if (newFields != fields) {
            b.fields(newFields);
        }
        if (newContext != context) {
            b.context(newContext);
        }
        if (newError != error) {
            ApiAccess.error(b, newError);
        }
        return b.build();
    }

    /** The error with its message and stack trace masked; the same instance when nothing needed masking. */
    private ErrorInfo sanitizeError(ErrorInfo error) {
        String m = sanitizeText(error.message());
        String st = sanitizeText(error.stack());
        return m == error.message() && st == error.stack() ? error : ApiAccess.errorInfo(error.type(), m, st);
    }

    /** The text with everything sensitive masked; the same instance when nothing needed masking. */
    public String sanitizeText(String text) {
        if (!enabled || text == null || text.isEmpty()) {
            return text;
        }
        boolean cacheable = text.length() <= CleanTextCache.MAX_LENGTH;
        if (cacheable && cleanTexts.isKnownClean(text)) {
            return text;
        }
        String out = scanner.scan(text);
        for (UserPattern p : patterns) {
            out = p.apply(out);
        }
        if (cacheable && out == text) {
            cleanTexts.remember(text);
        }
        return out;
    }

    /** Whether values under this key are replaced whole (see {@code SensitiveKeys} for the rule). */
    public boolean isSensitiveKey(String key) {
        return enabled && values.isSensitiveKey(key);
    }
}

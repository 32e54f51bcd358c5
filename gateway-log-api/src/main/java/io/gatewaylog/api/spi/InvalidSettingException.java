package io.gatewaylog.api.spi;

/**
 * A setting's value is not allowed. The message names the setting, the value and what is allowed, e.g.
 * {@code Invalid setting 'component.protocol.buffer.size' = '-1': allowed: an integer from 1 to 10000000}.
 *
 * @since 1.0
 */
public final class InvalidSettingException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String key;
    private final String value;

    public InvalidSettingException(String key, String value, String allowed) {
        this(key, value, "Invalid setting '" + key + "' = '" + value + "': allowed: " + allowed, true);
    }

    private InvalidSettingException(String key, String value, String message, boolean whole) {
        super(message);
        this.key = key;
        this.value = value;
    }

    /**
     * A key that is in no settings table, e.g. {@code unknown setting 'sink.file.rotaton.size' = '1GB'; did you
     * mean 'sink.file.rotation.size'?}.
     *
     * @param nearest the known key nearest by edit distance, or null
     * @since 1.0
     */
    public static InvalidSettingException unknown(String key, String value, String nearest) {
        String hint = nearest == null ? "" : "; did you mean '" + nearest + "'?";
        return new InvalidSettingException(
                key,
                value,
                "unknown setting '" + key + "' = '" + value + "'" + hint
                        + " (allowed: a key of the settings table in README.md)",
                true);
    }

    /** The setting's key. */
    public String key() {
        return key;
    }

    /** The rejected value. */
    public String value() {
        return value;
    }
}

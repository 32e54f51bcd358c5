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
        super("Invalid setting '" + key + "' = '" + value + "': allowed: " + allowed);
        this.key = key;
        this.value = value;
    }

    /** The setting's key. */
    public String key() { return key; }

    /** The rejected value. */
    public String value() { return value; }
}

package io.gatewaylog.slf4j.internal;

import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Message text of java.util.logging and System.Logger calls, made as the JDK's own handlers make it:
 * the message is first looked up in the resource bundle, then, when there are parameters and it holds
 * a {@code {digit} placeholder, formatted with {@link MessageFormat}. A pattern that MessageFormat
 * rejects is kept as it is rather than losing the record.
 */
public final class JdkMessages {
    private JdkMessages() {}

    /** The text of {@code message} localized by {@code bundle} (may be null) and filled with {@code params}. */
    public static String format(String message, ResourceBundle bundle, Object[] params) {
        String text = localize(message, bundle);
        if (text == null || params == null || params.length == 0 || !hasPlaceholder(text)) {
            return text;
        }
        try {
            return MessageFormat.format(text, params);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    private static String localize(String message, ResourceBundle bundle) {
        if (bundle == null || message == null) {
            return message;
        }
        try {
            return bundle.getString(message);
        } catch (MissingResourceException | ClassCastException e) {
            return message;
        }
    }

    // The JDK's Formatter.formatMessage looks for "{0".."{3"; any index is accepted here.
    private static boolean hasPlaceholder(String text) {
        for (int i = text.indexOf('{'); i >= 0 && i + 1 < text.length(); i = text.indexOf('{', i + 1)) {
            if (Character.isDigit(text.charAt(i + 1))) {
                return true;
            }
        }
        return false;
    }
}

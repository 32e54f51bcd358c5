package io.gatewaylog.core.internal.json;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import java.util.function.UnaryOperator;

/**
 * One writer thread's JSON form (cleaned, escaped, quoted UTF-8) of the strings it writes again and again: the
 * logger name, the message of a log statement, field names, thread names, constant field values. Escaping a
 * string char by char was most of an encoder's time (JFR: Jackson's {@code _writeStringSegment}); a string met
 * again is copied as ready bytes instead.
 *
 * <p>Looked up by identity: a log statement hands over the same {@code String} instance every time (a literal,
 * a constant, {@code Thread.getName()}), and an identity check costs nothing on a miss. Direct-mapped by
 * {@link String#hashCode()} (cached in the string) and admitted on the second sighting of the same instance, so
 * a value that never repeats (a request id) costs one compare, allocates nothing and never evicts a string that
 * repeats. Bounded: {@value #SLOTS} entries of at most {@value #MAX_CHARS} chars. Holds only what the encoder
 * writes anyway, after sanitization.
 */
final class SerializedStrings {
    static final int SLOTS = 512;
    static final int MAX_CHARS = 128;

    private final String[] keys = new String[SLOTS];
    private final SerializedString[] forms = new SerializedString[SLOTS];
    private final String[] seenOnce = new String[SLOTS];
    private final UnaryOperator<String> written;

    /** @param written what is written for a string (cleaned, renamed); applied once per admitted string */
    SerializedStrings(UnaryOperator<String> written) {
        this.written = written;
    }

    /** The ready JSON form of {@code s}, or null when it is not (yet) cached: then the caller writes it itself. */
    SerializableString lookup(String s) {
        if (s.length() > MAX_CHARS) {
            return null;
        }
        int slot = s.hashCode() & (SLOTS - 1);
        if (keys[slot] == s) {
            return forms[slot];
        }
        if (seenOnce[slot] != s) {
            seenOnce[slot] = s;
            return null;
        }
        SerializedString form = new SerializedString(written.apply(s));
        keys[slot] = s;
        forms[slot] = form;
        seenOnce[slot] = null;
        return form;
    }
}

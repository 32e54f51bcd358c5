package io.gatewaylog.core.internal.json;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import java.util.function.UnaryOperator;

/**
 * One encoding thread's JSON form (cleaned, escaped, quoted UTF-8) of the strings it writes again and again: the
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
 *
 * <p>The threads that encode are a pipeline's writer, which encodes every record of its component, and the callers
 * that write their own auth records, which may be many and encode few. The table is made only once a thread has
 * encoded {@value #WARM_UP} strings, so a thread that logs an auth event now and then holds nothing.
 */
final class SerializedStrings {
    static final int SLOTS = 512;
    static final int MAX_CHARS = 128;
    static final int WARM_UP = 4096;

    private final UnaryOperator<String> written;
    private String[] keys;
    private SerializedString[] forms;
    private String[] seenOnce;
    private int untilTable = WARM_UP;

    /** @param written what is written for a string (cleaned, renamed); applied once per admitted string */
    SerializedStrings(UnaryOperator<String> written) {
        this.written = written;
    }

    /** The ready JSON form of {@code s}, or null when it is not (yet) cached: then the caller writes it itself. */
    SerializableString lookup(String s) {
        if (keys == null && !warmedUp()) {
            return null;
        }
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

    private boolean warmedUp() {
        if (--untilTable > 0) {
            return false;
        }
        keys = new String[SLOTS];
        forms = new SerializedString[SLOTS];
        seenOnce = new String[SLOTS];
        return true;
    }
}

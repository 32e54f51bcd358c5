package io.gatewaylog.sink.file.internal.audit;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code hash = H(prev || seq || content)}: SHA-256, or HMAC-SHA256 when a key is configured. The
 * sequence number (8 bytes, big-endian) is covered too, so that renumbering a record is an edit of it.
 * One instance per chain or verification: not thread-safe (it reuses its digest).
 */
final class ChainHash {
    private final MessageDigest digest;
    private final Mac mac;
    private final byte[] seqBytes = new byte[8];

    ChainHash(byte[] keyOrNull) {
        try {
            if (keyOrNull == null) {
                digest = MessageDigest.getInstance("SHA-256");
                mac = null;
            } else {
                digest = null;
                mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(keyOrNull, "HmacSHA256"));
            }
        } catch (GeneralSecurityException e) {
            // Both are required of every Java platform.
            throw new IllegalStateException("SHA-256/HmacSHA256 unavailable", e);
        }
    }

    byte[] hash(byte[] prev, long seq, byte[] content, int off, int len) {
        for (int i = 7; i >= 0; i--) {
            seqBytes[i] = (byte) (seq >>> (8 * (7 - i)));
        }
        if (mac != null) {
            mac.update(prev);
            mac.update(seqBytes);
            mac.update(content, off, len);
            return mac.doFinal();
        }
        digest.update(prev);
        digest.update(seqBytes);
        digest.update(content, off, len);
        return digest.digest();
    }
}

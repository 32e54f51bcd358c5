package io.gatewaylog.sink.file.internal.audit;

import java.io.ByteArrayOutputStream;

/** A ByteArrayOutputStream whose array can be read without a copy (one encoded line at a time). */
final class ScratchBuffer extends ByteArrayOutputStream {
    ScratchBuffer() {
        super(512);
    }

    byte[] array() {
        return buf;
    }
}

package io.gatewaylog.sink.kafka.internal;

import io.gatewaylog.api.LogRecord;
import io.gatewaylog.api.spi.RecordEncoder;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A component's reusable encoding buffers: encodes records as the sink's lines and frames them for the
 * spool, each frame's size reserved in the {@link SpoolBudget} first. Used by that component's writer only.
 */
final class FrameEncoder extends OutputStream {
    private final RecordEncoder encoder;
    private final SpoolBudget budget;
    private final String fallbackKey;
    byte[] line = new byte[1024];
    int length;
    ByteBuffer frames = ByteBuffer.allocate(64 * 1024);
    final Map<String, byte[]> keys = new HashMap<>();

    FrameEncoder(RecordEncoder encoder, SpoolBudget budget, String fallbackKey) {
        this.encoder = encoder;
        this.budget = budget;
        this.fallbackKey = fallbackKey;
    }

    /** Encodes and frames {@code r}; false if the spool has no room for it. */
    boolean add(LogRecord r) {
        length = 0;
        try {
            encoder.encode(r, this);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        int valueLength = length > 0 && line[length - 1] == '\n' ? length - 1 : length;
        String asset = r.context().get("asset_id");
        // The record's asset_id, else the asset.id setting, else the host name: one gateway's records
        // always have one key, so they stay on one partition, which is what keeps them in order.
        byte[] key = keys.computeIfAbsent(asset == null ? fallbackKey : asset, Frame::utf8);
        int size = Frame.size(key.length, valueLength);
        if (!budget.tryReserve(size)) {
            return false;
        }
        if (frames.remaining() < size) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(frames.capacity() * 2, frames.position() + size));
            bigger.put(frames.flip());
            frames = bigger;
        }
        Frame.write(frames, r.level().ordinal(), r.epochMillis(), key, line, 0, valueLength);
        if (keys.size() > 1024) {
            keys.clear();
        }
        return true;
    }

    @Override
    public void write(int b) {
        ensure(1);
        line[length++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, line, length, len);
        length += len;
    }

    private void ensure(int more) {
        if (length + more > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, length + more));
        }
    }
}

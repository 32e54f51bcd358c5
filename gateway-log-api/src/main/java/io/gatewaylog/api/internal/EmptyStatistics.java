package io.gatewaylog.api.internal;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.ComponentStatistics;
import io.gatewaylog.api.spi.LoggingStatistics;
import io.gatewaylog.api.spi.Measurement;
import java.util.List;
import java.util.Map;

/** Statistics of a backend that writes nothing: all zero. */
public enum EmptyStatistics implements LoggingStatistics {
    INSTANCE;

    @Override
    public ComponentStatistics component(LogComponent component) {
        return new ComponentStatistics() {
            @Override
            public LogComponent component() {
                return component;
            }

            @Override
            public long accepted() {
                return 0;
            }

            @Override
            public long written() {
                return 0;
            }

            @Override
            public Map<String, Long> dropped() {
                return Map.of();
            }

            @Override
            public long droppedTotal() {
                return 0;
            }

            @Override
            public int buffered() {
                return 0;
            }

            @Override
            public int capacity() {
                return 0;
            }

            @Override
            public long sinkErrors() {
                return 0;
            }

            @Override
            public long flushes() {
                return 0;
            }
        };
    }

    @Override
    public List<Measurement> measurements() {
        return List.of();
    }

    @Override
    public void addFlushListener(FlushListener listener) {
        // nothing is ever flushed
    }
}

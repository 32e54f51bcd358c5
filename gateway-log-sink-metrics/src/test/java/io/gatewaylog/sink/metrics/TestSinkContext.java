package io.gatewaylog.sink.metrics;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.InvalidSettingException;
import io.gatewaylog.api.spi.LoggingStatistics;
import io.gatewaylog.api.spi.RecordEncoder;
import io.gatewaylog.api.spi.Reporter;
import io.gatewaylog.api.spi.Settings;
import io.gatewaylog.api.spi.SinkContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/** A {@link SinkContext} over a map of settings, collecting what the sink reports. */
final class TestSinkContext implements SinkContext {
    final MapSettings settings;
    final LoggingStatistics statistics;
    final List<String> warnings = new CopyOnWriteArrayList<>();

    TestSinkContext(LoggingStatistics statistics, Map<String, String> settings) {
        this.statistics = statistics;
        this.settings = new MapSettings(settings);
    }

    @Override
    public Settings settings() {
        return settings;
    }

    @Override
    public RecordEncoder encoder() {
        throw new UnsupportedOperationException("not used by the metrics sink");
    }

    @Override
    public LoggingStatistics statistics() {
        return statistics;
    }

    @Override
    public Reporter reporter() {
        return new Reporter() {
            @Override
            public void warn(String message) {
                warnings.add(message);
            }

            @Override
            public void error(String message, Throwable cause) {
                warnings.add(message + ": " + cause);
            }
        };
    }

    /** Settings from a map; only what the metrics sink reads is implemented. */
    record MapSettings(Map<String, String> values) implements Settings {
        @Override
        public String profile() {
            return "development";
        }

        @Override
        public Optional<String> get(String key) {
            return Optional.ofNullable(values.get(key));
        }

        @Override
        public Settings forComponent(LogComponent component) {
            return this;
        }

        @Override
        public Set<String> keysWithPrefix(String prefix) {
            return values.keySet().stream().filter(k -> k.startsWith(prefix)).collect(Collectors.toSet());
        }

        @Override
        public boolean getBoolean(String key, boolean defaultValue) {
            return get(key).map(v -> Boolean.parseBoolean(v.toLowerCase(Locale.ROOT)))
                    .orElse(defaultValue);
        }

        @Override
        public int getInt(String key, int defaultValue, int min, int max) {
            String v = values.get(key);
            if (v == null) {
                return defaultValue;
            }
            try {
                int i = Integer.parseInt(v.trim());
                if (i >= min && i <= max) {
                    return i;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new InvalidSettingException(key, v, "an integer from " + min + " to " + max);
        }

        @Override
        public long getSize(String key, long defaultValue) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Duration getDuration(String key, Duration defaultValue) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Path getPath(String key, Path defaultValue) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <E extends Enum<E>> E getEnum(String key, Class<E> type, E defaultValue) {
            throw new UnsupportedOperationException();
        }
    }
}

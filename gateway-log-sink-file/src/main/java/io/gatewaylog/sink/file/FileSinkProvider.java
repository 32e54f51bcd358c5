package io.gatewaylog.sink.file;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.LogSink;
import io.gatewaylog.api.spi.LogSinkProvider;
import io.gatewaylog.api.spi.RecordEncoder;
import io.gatewaylog.api.spi.SettingKey;
import io.gatewaylog.api.spi.SinkContext;
import io.gatewaylog.sink.file.internal.FileSinkConfig;
import io.gatewaylog.sink.file.internal.FileSinkKeys;
import io.gatewaylog.sink.file.internal.RotatingFileSink;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The file sink ({@code "file"}): each component writes JSON lines ({@code sink.file.format=json}, the
 * default) or ECS lines ({@code ecs}) to {@code <dir>/<component>/current.log}; full files are renamed to
 * {@code <component>.log.<sequence>.<newest record>} and gzip-compressed in the background
 * (see {@link io.gatewaylog.api.spi.ArchiveNames}). Active with its defaults when on the class path;
 * its settings are described in {@code docs/gateway-log-sink-file.md}.
 *
 * <p>The sink it creates also implements {@link io.gatewaylog.api.spi.ArchiveCatalog}, so that the
 * backend's retention job can find the rotated archives.
 *
 * @since 0.9
 */
public final class FileSinkProvider implements LogSinkProvider {

    /** The sink's name, also the prefix of its settings ({@code sink.file.*}). */
    public static final String NAME = "file";

    /** Used by {@link java.util.ServiceLoader}. */
    public FileSinkProvider() {}

    @Override
    public String name() {
        return NAME;
    }

    /** The file sink's keys ({@link FileSinkKeys}); {@code dir}, {@code rotation.size} and {@code backups} are the core's. */
    @Override
    public List<SettingKey<?>> settings() {
        return FileSinkKeys.KEYS;
    }

    /**
     * Validates every setting, locks each component directory, finishes what an earlier crash left
     * (see the docs) and opens the files.
     *
     * @throws io.gatewaylog.api.spi.InvalidSettingException if a setting is invalid, or the log directory
     *         is one another user could change ({@code sink.file.strict.permissions}) or holds a linked
     *         component directory
     * @throws IllegalStateException if a component directory is in use by another process or sink, or
     *         cannot be created or opened
     */
    @Override
    public LogSink create(SinkContext context) {
        FileSinkConfig config = FileSinkConfig.parse(context.settings());
        Map<LogComponent, RecordEncoder> encoders = new EnumMap<>(LogComponent.class);
        FileSinkConfig.formats(context.settings()).forEach((c, format) -> encoders.put(c, context.encoder(format)));
        return RotatingFileSink.open(config, RecordEncoder.byComponent(encoders), context.reporter());
    }
}

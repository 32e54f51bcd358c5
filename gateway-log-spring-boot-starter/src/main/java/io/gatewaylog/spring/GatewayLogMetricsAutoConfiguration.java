package io.gatewaylog.spring;

import io.gatewaylog.sink.metrics.GatewayLogMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Binds gateway-log's own meters ({@link GatewayLogMetrics}: records accepted, written, dropped, buffers...)
 * to the application's Micrometer registries. Active when the metrics sink and Micrometer are on the class
 * path; Boot's metrics auto-configuration binds every {@code MeterBinder} bean to every registry.
 */
@AutoConfiguration
@ConditionalOnClass({GatewayLogMetrics.class, MeterRegistry.class})
public class GatewayLogMetricsAutoConfiguration {

    /** Made by Spring. */
    public GatewayLogMetricsAutoConfiguration() {}

    /**
     * The binder of gateway-log's statistics.
     *
     * @return a binder over the running backend's statistics
     */
    @Bean
    @ConditionalOnMissingBean
    public GatewayLogMetrics gatewayLogMetrics() {
        return GatewayLogMetrics.create();
    }
}

package io.gatewaylog.spring;

import io.gatewaylog.api.spi.InvalidSettingException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns an invalid gateway-log setting into Boot's failure report: the setting, its value and what is
 * allowed, instead of a stack trace from inside the logging system's initialization.
 */
public final class GatewayLogFailureAnalyzer extends AbstractFailureAnalyzer<InvalidSettingException> {

    /** Called by Boot's {@code SpringFactoriesLoader}. */
    public GatewayLogFailureAnalyzer() {}

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidSettingException cause) {
        String property = "gateway.log." + cause.key();
        return new FailureAnalysis(
                "gateway-log could not start: " + cause.getMessage(),
                "Correct '" + property + "' (in application.yml or .properties, as -D" + property
                        + " or as the environment variable GATEWAY_LOG_...); the settings tables of gateway-log's "
                        + "README list the allowed values.",
                cause);
    }
}

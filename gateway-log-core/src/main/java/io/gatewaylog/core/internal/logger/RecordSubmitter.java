package io.gatewaylog.core.internal.logger;

import io.gatewaylog.api.LogRecord;

/** Where loggers hand their records: the backend routes each to its component's pipeline. */
@FunctionalInterface
public interface RecordSubmitter {
    void submit(LogRecord record);
}

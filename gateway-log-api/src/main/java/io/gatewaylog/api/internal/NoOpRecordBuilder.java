package io.gatewaylog.api.internal;

import io.gatewaylog.api.RecordBuilder;
import java.util.Map;

/** The one builder returned for disabled levels: every call is ignored, nothing is allocated. */
public enum NoOpRecordBuilder implements RecordBuilder {
    INSTANCE;

    @Override
    public RecordBuilder field(String key, Object value) {
        return this;
    }

    @Override
    public RecordBuilder fields(Map<String, ?> fields) {
        return this;
    }

    @Override
    public RecordBuilder cause(Throwable cause) {
        return this;
    }

    @Override
    public void log(String message) {}
}

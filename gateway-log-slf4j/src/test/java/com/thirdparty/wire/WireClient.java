package com.thirdparty.wire;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Stands for a third-party protocol library: it knows nothing of gateway-log and logs through SLF4J
 * the way such libraries do (a static logger per class, guarded debug calls, the MDC).
 */
public final class WireClient {
    private static final Logger LOG = LoggerFactory.getLogger(WireClient.class);

    private final String host;

    public WireClient(String host) {
        this.host = host;
    }

    /** Sends a frame; logs at DEBUG per frame and at WARN on a retry. */
    public void send(String frameId, int bytes, boolean retried) {
        MDC.put("wire.host", host);
        try {
            if (LOG.isDebugEnabled()) {
                LOG.debug("sent frame {} ({} bytes) to {}", frameId, bytes, host);
            }
            if (retried) {
                LOG.warn("frame {} needed a retry", frameId, new IllegalStateException("connection reset by peer"));
            }
        } finally {
            MDC.remove("wire.host");
        }
    }

    /** Connects with credentials in a URL, as careless libraries do. */
    public void connect(String user, String password) {
        LOG.info("connecting to wire://{}:{}@{}/session", user, password, host);
    }
}

package org.example.http;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Stands for an HTTP client library; routed to the infra component by prefix. */
public final class Pool {
    private static final Logger LOG = LoggerFactory.getLogger(Pool.class);

    private Pool() {}

    /** Leases a connection. */
    public static void lease(String route) {
        LOG.info("leased connection to {}", route);
    }
}

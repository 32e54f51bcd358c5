package com.thirdparty.wire.auth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Stands for the auth part of the third-party library; routed to the auth component by prefix. */
public final class TokenRefresher {
    private static final Logger LOG = LoggerFactory.getLogger(TokenRefresher.class);

    private TokenRefresher() {}

    /** Refreshes a token, logging with the fluent API. */
    public static void refresh(String clientId, Object detail) {
        LOG.atInfo()
                .addKeyValue("client_id", clientId)
                .addKeyValue("detail", detail)
                .log("token refreshed");
    }
}

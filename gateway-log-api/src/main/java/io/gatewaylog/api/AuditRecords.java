package io.gatewaylog.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The documented shape of auth records: {@code actor}, {@code action}, {@code outcome},
 * {@code target}, {@code source_ip} and {@code reason} fields, so that every part of the gateway logs
 * a login or a denied permission the same way and the auth log can be searched by field.
 * <pre>{@code
 * AuditRecords.event(AuditRecords.LOGIN, AuditRecords.FAILURE)
 *         .actor("user_42").target("/api/v1/messages").sourceIp("203.0.113.7").reason("bad password")
 *         .logTo(GatewayLoggers.auth("login"), "Login failed");
 * }</pre>
 * The fields pass through sanitization like any other: an actor written as an e-mail address is
 * masked, so use a user id. In the api, so that logging an auth event needs no sink on the compile path.
 *
 * @since 1.0
 */
public final class AuditRecords {
    /** Who acted: a user, client or service id. */
    public static final String ACTOR = "actor";
    /** What was attempted, one of the action constants below or another lower_snake word. */
    public static final String ACTION = "action";
    /** {@link #SUCCESS}, {@link #FAILURE} or {@link #DENIED}. */
    public static final String OUTCOME = "outcome";
    /** What was acted on: a resource, endpoint, token id or account. */
    public static final String TARGET = "target";
    /** The client's address. */
    public static final String SOURCE_IP = "source_ip";
    /** Why it failed or was denied (free text, sanitized). */
    public static final String REASON = "reason";

    /** Action: a login. */
    public static final String LOGIN = "login";
    /** Action: a logout. */
    public static final String LOGOUT = "logout";
    /** Action: a token was issued. */
    public static final String TOKEN_ISSUE = "token_issue";
    /** Action: a token was refreshed. */
    public static final String TOKEN_REFRESH = "token_refresh";
    /** Action: a token was revoked. */
    public static final String TOKEN_REVOKE = "token_revoke";
    /** Action: a permission check refused access. */
    public static final String PERMISSION_DENIED = "permission_denied";
    /** Action: a session expired. */
    public static final String SESSION_EXPIRED = "session_expired";
    /** Action: credentials (password, key, certificate) were changed. */
    public static final String CREDENTIAL_CHANGE = "credential_change";

    /** Outcome: it worked. */
    public static final String SUCCESS = "success";
    /** Outcome: it failed (bad credentials, expired token, an error). */
    public static final String FAILURE = "failure";
    /** Outcome: the actor was authenticated but not allowed. */
    public static final String DENIED = "denied";

    private AuditRecords() {}

    /** Starts an auth record of {@code action} with {@code outcome}. */
    public static Event event(String action, String outcome) {
        return new Event(action, outcome);
    }

    /**
     * An auth record's fields, built by one thread.
     *
     * @since 1.0
     */
    public static final class Event {
        private final Map<String, Object> fields = new LinkedHashMap<>(8);
        private final String outcome;

        private Event(String action, String outcome) {
            this.outcome = Objects.requireNonNull(outcome, "outcome");
            fields.put(ACTION, Objects.requireNonNull(action, "action"));
            fields.put(OUTCOME, outcome);
        }

        /** Sets who acted. */
        public Event actor(String actor) {
            return field(ACTOR, actor);
        }

        /** Sets what was acted on. */
        public Event target(String target) {
            return field(TARGET, target);
        }

        /** Sets the client's address. */
        public Event sourceIp(String sourceIp) {
            return field(SOURCE_IP, sourceIp);
        }

        /** Sets why it failed or was denied. */
        public Event reason(String reason) {
            return field(REASON, reason);
        }

        /** Adds another field (request_id, client_id, …); a null value is left out. */
        public Event field(String key, Object value) {
            if (value != null) {
                fields.put(Objects.requireNonNull(key, "key"), value);
            }
            return this;
        }

        /** The fields in the documented order, for {@code GatewayLoggers.auth(name).info(message, fields)}. */
        public Map<String, Object> fields() {
            return Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        /** Logs the record: at INFO for a success, at WARN for a failure or a denial. */
        public void logTo(GatewayLogger logger, String message) {
            if (SUCCESS.equals(outcome)) {
                logger.info(message, fields);
            } else {
                logger.warn(message, fields);
            }
        }
    }
}

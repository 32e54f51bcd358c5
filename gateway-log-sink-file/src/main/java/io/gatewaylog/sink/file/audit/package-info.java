/**
 * The tamper-evident audit trail of the auth component: the file sink seals each line it writes with a
 * sequence number and a hash chained to the previous line's (the chain's internals are in the
 * unexported {@code io.gatewaylog.sink.file.internal.audit}), and
 * {@link io.gatewaylog.sink.file.audit.AuditVerifier} checks a component directory (archives
 * included) and names the first edited, deleted, inserted, reordered or truncated record (auth
 * records of the documented shape are built by {@code io.gatewaylog.api.AuditRecords}, in the api).
 * See {@code docs/audit-trail.md}.
 *
 * @since 1.0
 */
package io.gatewaylog.sink.file.audit;

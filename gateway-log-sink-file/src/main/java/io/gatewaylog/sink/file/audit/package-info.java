/**
 * The tamper-evident audit trail of the auth component: {@link io.gatewaylog.sink.file.audit.AuditChain}
 * seals each line the file sink writes with a sequence number and a hash chained to the previous
 * line's, {@link io.gatewaylog.sink.file.audit.AuditVerifier} checks a component directory (archives
 * included) and names the first edited, deleted, inserted, reordered or truncated record (auth
 * records of the documented shape are built by {@code io.gatewaylog.api.AuditRecords}, in the api).
 * See {@code docs/audit-trail.md}.
 *
 * @since 1.0
 */
package io.gatewaylog.sink.file.audit;

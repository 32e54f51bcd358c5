/**
 * The audit hash chain's internals, not exported: sealing lines ({@code AuditChain}, {@code ChainHash},
 * {@code SealFormat}), the chain head file ({@code ChainHead}), resuming from the newest seal
 * ({@code ChainTail}) and the verifier's walk over a trail ({@code ChainWalk}, {@code ChainBreak}, {@code TrailFile},
 * {@code TrailReader}, {@code LineReader}). The public face is
 * {@link io.gatewaylog.sink.file.audit.AuditVerifier}.
 */
package io.gatewaylog.sink.file.internal.audit;

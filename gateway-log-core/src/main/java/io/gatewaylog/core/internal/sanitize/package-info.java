/**
 * Masking of credentials and personal data in records before any sink sees them: {@link
 * io.gatewaylog.core.internal.sanitize.Sanitizer} is the entry point; the detectors it drives share one
 * left-to-right pass over each string (see {@code docs/sanitization.md}).
 */
package io.gatewaylog.core.internal.sanitize;

/**
 * Implementation details of the API module (no-op backend, backend discovery, diagnostics). Not
 * exported from the module; not part of the public API.
 */
package io.gatewaylog.api.internal;

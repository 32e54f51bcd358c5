/**
 * Implementation details of the API module, not part of the public API: the backend's hooks into the API's
 * value types ({@link io.gatewaylog.api.internal.ApiAccess}), the no-op backend, backend discovery, the stderr
 * reporter behind {@link io.gatewaylog.api.spi.Reporter#stderr()} and the never-throw helpers. Exported only to
 * {@code io.gatewaylog.core}; left out of the javadoc and the API compatibility check.
 */
package io.gatewaylog.api.internal;

/** Implementation of the metrics sink; not public API and not exported. */
package io.gatewaylog.sink.metrics.internal;

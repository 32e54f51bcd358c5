/**
 * The file sink's implementation; not API (not exported by the module descriptor).
 */
package io.gatewaylog.sink.file.internal;

/**
 * The core's implementation. Not exported from the module and not part of the public API: it may
 * change in any release.
 */
package io.gatewaylog.core.internal;

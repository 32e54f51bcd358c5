/**
 * Implementation of the bridges; not public API and not exported.
 */
package io.gatewaylog.slf4j.internal;

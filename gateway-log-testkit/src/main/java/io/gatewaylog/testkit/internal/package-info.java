/**
 * Test support for gateway-log's own suites (tags of the integration suites, the CI-aware prerequisite
 * check, a test certificate). Not exported from the module and not API: it may change in any release.
 */
package io.gatewaylog.testkit.internal;

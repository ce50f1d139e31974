/**
 * Authentication: tenants' bearer API keys and the operator key, compared by SHA-256 digest in
 * constant time.
 */
package io.dxrewrite.server.auth;

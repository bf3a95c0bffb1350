/**
 * API keys for the CLI: created once-shown, stored as SHA-256, listed, revoked, and
 * exchanged for access tokens.
 */
package io.physforge.auth.apikey;

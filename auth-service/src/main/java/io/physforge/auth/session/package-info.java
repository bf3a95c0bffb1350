/**
 * Sessions: login (throttled per account and per client address), rotating refresh tokens
 * with reuse detection, and logout.
 */
package io.physforge.auth.session;

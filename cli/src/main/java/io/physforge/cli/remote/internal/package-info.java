/**
 * Machinery of remote mode: the HTTP client with token refresh, the credentials file,
 * multipart bodies, server-sent events, tables and the progress bar.
 */
package io.physforge.cli.remote.internal;

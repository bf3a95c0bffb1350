/**
 * Remote mode: the {@code physforge} commands that work through the PhysForge gateway
 * ({@code login}, {@code datasets}, {@code run}, {@code pipelines}, {@code equations}).
 * The server is {@code --server}, else {@code PF_SERVER}, else
 * {@code http://127.0.0.1:8080}; tokens are kept in the user's config directory.
 */
package io.physforge.cli.remote;

/**
 * Discovered equations: {@code GET /api/discovery/equations} and {@code /equations/{id}},
 * each in the {@code physforge discover --json} equation shape plus the run it belongs
 * to.
 */
package io.physforge.discovery.equation;

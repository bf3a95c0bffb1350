/**
 * Machinery of the discovery pipeline: row selection, data hashing, version lookup. Not
 * API.
 */
package io.physforge.core.discovery.internal;

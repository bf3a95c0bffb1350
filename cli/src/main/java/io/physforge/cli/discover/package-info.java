/**
 * {@code physforge discover FILE}: local sparse-regression discovery on a data file.
 */
package io.physforge.cli.discover;

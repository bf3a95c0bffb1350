/**
 * Benchmark and accuracy-sweep mains (not tests): run by hand, numbers recorded in
 * {@code docs/benchmarks.md}.
 */
package io.physforge.cli.bench;

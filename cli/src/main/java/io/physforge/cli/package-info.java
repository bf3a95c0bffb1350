/**
 * The {@code physforge} command line: {@link io.physforge.cli.PhysforgeCommand} with one
 * subcommand class per feature ({@code discover}, {@code simulate}; remote commands join
 * later as further subcommands). Bad input ends with a one-line reason on standard error
 * and a non-zero exit code, never a stack trace.
 */
package io.physforge.cli;

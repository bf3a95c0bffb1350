/**
 * Command-line machinery shared by the subcommands: error handling, JSON, version. Not
 * API.
 */
package io.physforge.cli.internal;

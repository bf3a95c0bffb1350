/**
 * Tests of remote mode against a small HTTP server playing the gateway (the e2e module
 * runs the commands against the real suite).
 */
package io.physforge.cli.remote;

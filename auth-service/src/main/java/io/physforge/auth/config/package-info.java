/**
 * Settings ({@code physforge.auth.*}), password hashing, the in-process token decoder and
 * the first administrator.
 */
package io.physforge.auth.config;

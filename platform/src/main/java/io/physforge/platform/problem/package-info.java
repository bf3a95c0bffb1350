/**
 * Errors as RFC 9457 problem details: every service answers failures with a stable
 * {@code type} ({@code https://physforge.dev/problems/<slug>}), a title, a readable
 * {@code detail}, the request id, and for validation errors an {@code errors} array with
 * one {@code {field, message}} entry per offending field.
 * <p>
 * Services throw {@link io.physforge.platform.problem.ProblemException}; the advice turns
 * it and the framework's own exceptions into problem responses. Switch off with
 * {@code physforge.problems.enabled=false}.
 */
package io.physforge.platform.problem;

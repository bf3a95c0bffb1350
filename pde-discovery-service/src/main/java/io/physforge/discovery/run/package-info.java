/**
 * Discovery runs: {@code GET /api/discovery/runs}, {@code /runs/{id}} and
 * {@code /runs/by-pipeline/{pipelineId}}. A run's {@code equations}, {@code metrics} and
 * {@code provenance} members are the JSON contract of {@code physforge discover --json}.
 */
package io.physforge.discovery.run;

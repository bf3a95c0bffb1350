package io.physforge.discovery.equation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.physforge.core.discovery.TermCoefficient;
import io.physforge.discovery.run.internal.RunRepository.EquationRow;

/**
 * One equation as the API shows it: the {@code physforge discover --json} members
 * {@code lhs}, {@code terms} and {@code latex}, plus where it came from.
 *
 * @param id the equation id
 * @param runId the discovery run
 * @param pipelineId the run's pipeline, may be {@code null}
 * @param datasetId the run's data set, may be {@code null}
 * @param ordinal its position in the run
 * @param lhs the left-hand side ({@code u_t})
 * @param terms canonical term names and coefficients
 * @param latex its LaTeX form
 * @param discoveredAt when the run completed
 */
public record EquationView(UUID id, UUID runId, UUID pipelineId, UUID datasetId, int ordinal, String lhs,
		List<TermCoefficient> terms, String latex, Instant discoveredAt) {

	static EquationView of(EquationRow row) {
		return new EquationView(row.id(), row.runId(), row.pipelineId(), row.datasetId(), row.ordinal(),
				row.equation().lhs(), row.equation().terms(), row.equation().latex(), row.discoveredAt());
	}

}

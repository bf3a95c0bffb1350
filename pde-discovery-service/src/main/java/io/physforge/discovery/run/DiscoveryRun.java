package io.physforge.discovery.run;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.physforge.core.discovery.DiscoveredEquation;

/**
 * A discovery run as the API shows it. {@code equations}, {@code metrics} and
 * {@code provenance} are physics-core's {@code DiscoveryResult} serialised as
 * {@code physforge discover --json} prints it
 * ({@code {"lhs":"u_t","terms":[{"term":"u*u_x","coefficient":-1.0}],"latex":"..."}});
 * members may be added, never renamed.
 *
 * @param id the run id
 * @param jobId the job that made it
 * @param pipelineId the pipeline of the job, may be {@code null}
 * @param stepId the pipeline step, may be {@code null}
 * @param datasetId the data set, may be {@code null}
 * @param ownerId the user it belongs to (token subject)
 * @param status where it stands
 * @param attempts how many times a worker started it
 * @param settings the discovery settings used (or the raw parameters when they were
 * invalid)
 * @param createdAt when the first attempt started
 * @param startedAt when the last attempt started
 * @param completedAt when it completed, failed or was cancelled, else {@code null}
 * @param error why the last attempt failed, else {@code null}
 * @param equations the discovered equations, empty unless completed
 * @param metrics fit metrics, {@code null} unless completed
 * @param provenance inputs, settings, seed and version, {@code null} unless completed
 */
public record DiscoveryRun(UUID id, String jobId, UUID pipelineId, String stepId, UUID datasetId, String ownerId,
		RunStatus status, int attempts, JsonNode settings, Instant createdAt, Instant startedAt, Instant completedAt,
		String error, List<DiscoveredEquation> equations, JsonNode metrics, JsonNode provenance) {

}

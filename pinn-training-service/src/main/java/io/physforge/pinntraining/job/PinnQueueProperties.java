package io.physforge.pinntraining.job;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where training jobs are queued and how often a running one reports, bound from
 * {@code physforge.pinn.worker.*}.
 *
 * @param stream the job stream ({@code pf:jobs:pinn}; the orchestrator publishes pipeline
 * steps there and {@code POST /api/pinn/jobs} too; tests use their own)
 * @param group the consumer group ({@code pinn-workers})
 * @param progressInterval the shortest time between two progress events (and progress
 * writes) of one job; the loss curve is reported every {@code progressEvery} steps, at
 * most this often, and always at the end
 */
@ConfigurationProperties("physforge.pinn.worker")
public record PinnQueueProperties(@DefaultValue("pf:jobs:pinn") String stream,
		@DefaultValue("pinn-workers") String group, @DefaultValue("500ms") Duration progressInterval) {

}

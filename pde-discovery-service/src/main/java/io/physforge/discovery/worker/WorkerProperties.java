package io.physforge.discovery.worker;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the worker takes discovery jobs from, bound from
 * {@code physforge.discovery.worker.*}.
 *
 * @param stream the job stream ({@code pf:jobs:discovery}; tests use their own)
 * @param group the consumer group ({@code discovery-workers})
 */
@ConfigurationProperties("physforge.discovery.worker")
public record WorkerProperties(@DefaultValue("pf:jobs:discovery") String stream,
		@DefaultValue("discovery-workers") String group) {

}

package io.physforge.derivative.worker;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the worker takes derivative jobs from, bound from
 * {@code physforge.derivative.worker.*}.
 *
 * @param stream the job stream ({@code pf:jobs:derivatives}; tests use their own)
 * @param group the consumer group ({@code derivatives-workers})
 */
@ConfigurationProperties("physforge.derivative.worker")
public record WorkerProperties(@DefaultValue("pf:jobs:derivatives") String stream,
		@DefaultValue("derivatives-workers") String group) {

}

package io.physforge.orchestration.config;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings bound from {@code physforge.orchestration.*}.
 *
 * @param queuePrefix prepended to a step type to name its queue: jobs of type {@code T}
 * go to {@code pf:jobs:<prefix>T} (empty in production; tests use a unique prefix)
 * @param eventsGroup the consumer group this service reads {@code pf:job-events} with
 * @param consumerName this instance's consumer name in that group, default
 * {@code orchestration-<pid>}
 * @param eventsMaxDeliveries deliveries of a job event whose handling keeps failing
 * before it is moved to {@code pf:job-events:dead} (so one poison event cannot stall the
 * events after it)
 * @param eventsRetryDelay how soon a job event whose handling failed is handled again
 * @param maxAttempts attempts of a job before it and its pipeline fail
 * @param backoff delay before the second attempt; doubled for each further one
 * @param maxBackoff the longest delay between attempts
 * @param defaultTimeout how long a running job may run when its type has no entry in
 * {@code timeouts}
 * @param timeouts per step type, how long a running job may run before it fails
 * @param relayInterval how often the outbox relay looks for rows to publish
 * @param sweepInterval how often running jobs are checked against their timeout
 * @param republishAfter how long a published, still queued job may be missing from its
 * stream before it is published again (guards against a lost Redis)
 * @param reconcileInterval how often queued jobs are checked against their streams
 * @param sseTimeout how long one server-sent-event stream stays open
 * @param sseHeartbeat how often an idle stream gets a comment line
 * @param maxSteps most steps in one pipeline
 * @param dataUri base URI of data-service, where data sets are looked up at submit
 */
@ConfigurationProperties("physforge.orchestration")
public record OrchestrationProperties(String queuePrefix, @DefaultValue("orchestration") String eventsGroup,
		String consumerName, @DefaultValue("10") int eventsMaxDeliveries, @DefaultValue("2s") Duration eventsRetryDelay,
		@DefaultValue("3") int maxAttempts, @DefaultValue("5s") Duration backoff,
		@DefaultValue("5m") Duration maxBackoff, @DefaultValue("1h") Duration defaultTimeout,
		Map<String, Duration> timeouts, @DefaultValue("250ms") Duration relayInterval,
		@DefaultValue("2s") Duration sweepInterval, @DefaultValue("60s") Duration republishAfter,
		@DefaultValue("15s") Duration reconcileInterval, @DefaultValue("30m") Duration sseTimeout,
		@DefaultValue("15s") Duration sseHeartbeat, @DefaultValue("50") int maxSteps,
		@DefaultValue("http://127.0.0.1:8082") URI dataUri) {

	public OrchestrationProperties {
		queuePrefix = (queuePrefix != null) ? queuePrefix.trim() : "";
		consumerName = (consumerName == null || consumerName.isBlank())
				? "orchestration-" + ManagementFactory.getRuntimeMXBean().getPid() : consumerName;
		timeouts = (timeouts != null) ? Map.copyOf(timeouts) : Map.of();
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("physforge.orchestration.max-attempts must be >= 1, was " + maxAttempts);
		}
		if (eventsMaxDeliveries < 1) {
			throw new IllegalArgumentException(
					"physforge.orchestration.events-max-deliveries must be >= 1, was " + eventsMaxDeliveries);
		}
		if (maxSteps < 1) {
			throw new IllegalArgumentException("physforge.orchestration.max-steps must be >= 1, was " + maxSteps);
		}
	}

	/**
	 * The queue (job type on the platform queue) of a step type.
	 * @param stepType the step type
	 * @return {@code <queue-prefix><stepType>}
	 */
	public String queueFor(String stepType) {
		return this.queuePrefix + stepType;
	}

	/**
	 * How long a job of a type may run.
	 * @param stepType the step type
	 * @return its timeout
	 */
	public Duration timeoutFor(String stepType) {
		return this.timeouts.getOrDefault(stepType.toLowerCase(Locale.ROOT), this.defaultTimeout);
	}

	/**
	 * The delay before an attempt: none for the first, {@code backoff * 2^(attempt-2)}
	 * after, at most {@code maxBackoff}.
	 * @param attempt the attempt about to be made, 1 for the first
	 * @return the delay
	 */
	public Duration backoffBefore(int attempt) {
		if (attempt <= 1) {
			return Duration.ZERO;
		}
		long factor = 1L << Math.min(30, attempt - 2);
		long millis = this.backoff.toMillis() * factor;
		return (millis < 0 || millis > this.maxBackoff.toMillis()) ? this.maxBackoff : Duration.ofMillis(millis);
	}

}

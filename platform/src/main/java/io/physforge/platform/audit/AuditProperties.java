package io.physforge.platform.audit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Audit settings, bound from {@code physforge.audit.*}.
 *
 * @param enabled whether the {@link AuditRecorder} and the relay exist
 * @param stream the Redis stream the relay publishes to
 * @param streamMaxLength the stream's cap: the relay adds with {@code MAXLEN ~} this and
 * relays nothing while the stream holds this many entries (rows wait in PostgreSQL)
 * @param relayInterval how often the relay looks for rows
 * @param relayBatchSize the most rows one relay pass takes
 */
@ConfigurationProperties("physforge.audit")
public record AuditProperties(@DefaultValue("true") boolean enabled, @DefaultValue(STREAM) String stream,
		@DefaultValue("1000000") long streamMaxLength, @DefaultValue("200ms") Duration relayInterval,
		@DefaultValue("500") int relayBatchSize) {

	/** The default audit stream. */
	public static final String STREAM = "pf:audit";

	public AuditProperties {
		if (streamMaxLength < 1 || relayBatchSize < 1 || relayInterval.isNegative() || relayInterval.isZero()) {
			throw new IllegalArgumentException(
					"physforge.audit: stream-max-length, relay-batch-size and " + "relay-interval must be positive");
		}
	}

}

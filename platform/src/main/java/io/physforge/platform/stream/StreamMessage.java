package io.physforge.platform.stream;

import java.util.Map;
import java.util.Objects;

/**
 * One stream entry as a handler sees it.
 *
 * @param id the entry id ({@code <millis>-<seq>})
 * @param fields its fields
 * @param deliveries how many times it was delivered, this delivery included (Redis'
 * delivery count, so deliveries to consumers that died count too)
 */
public record StreamMessage(String id, Map<String, String> fields, long deliveries) {

	public StreamMessage {
		Objects.requireNonNull(id, "id");
		fields = Map.copyOf(fields);
	}

}

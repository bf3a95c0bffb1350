package io.physforge.platform.stream;

import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.NamedContributor;

/**
 * Every {@link StreamConsumer} of the context in {@code /actuator/health} as
 * {@code streamConsumers.<group>@<stream>}: UP while consuming, DOWN with the reason
 * while it cannot, UNKNOWN when not started. Looked up at each health check, so consumers
 * made after this bean count.
 */
class StreamConsumersHealthContributor implements CompositeHealthContributor {

	private final ObjectProvider<StreamConsumer> consumers;

	private final ObjectProvider<ConsumesStream> owners;

	StreamConsumersHealthContributor(ObjectProvider<StreamConsumer> consumers, ObjectProvider<ConsumesStream> owners) {
		this.consumers = consumers;
		this.owners = owners;
	}

	@Override
	public HealthContributor getContributor(String name) {
		return contributors().get(name);
	}

	@Override
	public Iterator<NamedContributor<HealthContributor>> iterator() {
		return contributors().entrySet()
			.stream()
			.map((entry) -> NamedContributor.of(entry.getKey(), entry.getValue()))
			.iterator();
	}

	private Map<String, HealthContributor> contributors() {
		Map<StreamConsumer, Boolean> all = new IdentityHashMap<>();
		this.consumers.orderedStream().forEach((consumer) -> all.put(consumer, true));
		this.owners.orderedStream().forEach((owner) -> all.put(owner.streamConsumer(), true));
		Map<String, HealthContributor> contributors = new LinkedHashMap<>();
		for (StreamConsumer consumer : all.keySet()) {
			StreamConsumerSettings settings = consumer.settings();
			contributors.put(settings.group() + "@" + settings.stream(), (HealthIndicator) () -> health(consumer));
		}
		return contributors;
	}

	static Health health(StreamConsumer consumer) {
		StreamConsumerHealth health = consumer.health();
		Health.Builder builder = switch (health.state()) {
			case UP -> Health.up();
			case DOWN -> Health.down().withDetail("reason", health.reason());
			case STOPPED -> Health.unknown().withDetail("reason", "not consuming (stopped)");
		};
		return builder.withDetail("stream", health.stream()).withDetail("group", health.group()).build();
	}

}

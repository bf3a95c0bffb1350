package io.physforge.platform.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.physforge.suite.infra.LocalInfrastructure;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;

/**
 * The real Redis of the stream tests, unique stream names, and clean-up of their keys
 * (consumers are stopped first).
 */
final class StreamTestRedis implements AutoCloseable {

	final LocalInfrastructure infra = LocalInfrastructure.create();

	final JedisPooled redis = new JedisPooled(this.infra.redis().url());

	private final List<String> streams = new ArrayList<>();

	private final List<StreamConsumer> consumers = new ArrayList<>();

	String stream(String name) {
		String stream = "test:stream:" + name + "-" + UUID.randomUUID().toString().substring(0, 8);
		this.streams.add(stream);
		return stream;
	}

	StreamConsumer started(StreamConsumer consumer) {
		this.consumers.add(consumer);
		consumer.start();
		return consumer;
	}

	String add(String stream, String... fields) {
		java.util.Map<String, String> map = new java.util.LinkedHashMap<>();
		for (int i = 0; i < fields.length; i += 2) {
			map.put(fields[i], fields[i + 1]);
		}
		return this.redis.xadd(stream, StreamEntryID.NEW_ENTRY, map).toString();
	}

	List<StreamEntry> dead(String stream) {
		return this.redis.xrange(stream + ":dead", "-", "+");
	}

	void cleanUp() {
		this.consumers.forEach((consumer) -> consumer.stop(java.time.Duration.ofSeconds(5)));
		this.consumers.clear();
		this.streams.forEach((stream) -> this.redis.del(stream, stream + ":dead", stream + ":errors"));
		this.streams.clear();
	}

	@Override
	public void close() {
		cleanUp();
		this.redis.close();
		this.infra.close();
	}

}

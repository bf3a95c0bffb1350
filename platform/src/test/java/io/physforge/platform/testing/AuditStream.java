package io.physforge.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.resps.StreamEntry;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * An audit stream of a test's own ({@code pf:audit:test-<uuid>}), so the events of a test
 * never mix with those of tests running beside it, and a way to await an event on it.
 */
public final class AuditStream implements AutoCloseable {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final String name;

	private final boolean own;

	private final JedisPooled redis;

	/**
	 * A new stream of this test's own, deleted on {@link #close()}.
	 * @param redisUrl the Redis the service under test uses, e.g.
	 * {@code redis://127.0.0.1:6379}
	 */
	public AuditStream(String redisUrl) {
		this(redisUrl, "pf:audit:test-" + UUID.randomUUID(), true);
	}

	private AuditStream(String redisUrl, String name, boolean own) {
		this.redis = new JedisPooled(redisUrl);
		this.name = name;
		this.own = own;
	}

	/**
	 * The stream every service test of this JVM records to
	 * ({@link TestDatabase#AUDIT_STREAM}); {@link #close()} leaves it.
	 * @param redisUrl the Redis the service under test uses
	 * @return the stream
	 */
	public static AuditStream ofThisJvm(String redisUrl) {
		return new AuditStream(redisUrl, TestDatabase.AUDIT_STREAM, false);
	}

	/**
	 * @return the stream's name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Points {@code physforge.audit.stream} at this stream.
	 * @param registry the test's dynamic properties
	 */
	public void register(DynamicPropertyRegistry registry) {
		registry.add("physforge.audit.stream", this::name);
	}

	/**
	 * The events on the stream so far, parsed.
	 * @return the events in stream order
	 */
	public List<JsonNode> events() {
		List<JsonNode> events = new ArrayList<>();
		for (StreamEntry entry : this.redis.xrange(this.name, "-", "+")) {
			try {
				events.add(JSON.readTree(entry.getFields().get("event")));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return events;
	}

	/**
	 * Waits until an event matching a condition arrives.
	 * @param what describes the event, for the failure message
	 * @param timeout how long to wait
	 * @param condition the condition
	 * @return the first matching event
	 * @throws AssertionError when none arrives in time
	 */
	public JsonNode await(String what, Duration timeout, Predicate<JsonNode> condition) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			List<JsonNode> events = events();
			for (JsonNode event : events) {
				if (condition.test(event)) {
					return event;
				}
			}
			if (System.nanoTime() > deadline) {
				throw new AssertionError(
						"No audit event " + what + " on " + this.name + " within " + timeout + "; events: " + events);
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError("Interrupted waiting for audit event " + what, ex);
			}
		}
	}

	/**
	 * Waits for an event by action and resource id.
	 * @param action the action, e.g. {@code auth.login}
	 * @param resourceId the resource id
	 * @return the first such event
	 */
	public JsonNode await(String action, String resourceId) {
		return await(action + " on " + resourceId, Duration.ofSeconds(10),
				(event) -> action.equals(event.path("action").asText())
						&& resourceId.equals(event.path("resourceId").asText()));
	}

	@Override
	public void close() {
		if (this.own) {
			this.redis.del(this.name);
		}
		this.redis.close();
	}

}

package io.physforge.platform.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

import io.physforge.platform.stream.StreamConsumerHealth.State;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link StreamConsumer} against a real Redis: handler Errors, poison entries, batches,
 * re-claims after the lease and a lost group.
 */
class StreamConsumerTests {

	private static final StreamTestRedis redis = new StreamTestRedis();

	@AfterEach
	void cleanUp() {
		redis.cleanUp();
	}

	@AfterAll
	static void close() {
		redis.close();
	}

	static Stream<Arguments> errors() {
		return Stream.of(
				Arguments.of("ExceptionInInitializerError",
						(Supplier<Error>) () -> new ExceptionInInitializerError("ND4J backend failed to load")),
				Arguments.of("UnsatisfiedLinkError",
						(Supplier<Error>) () -> new UnsatisfiedLinkError("no jnind4jcpu in java.library.path")),
				Arguments.of("OutOfMemoryError", (Supplier<Error>) () -> new OutOfMemoryError("Java heap space")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("errors")
	void aHandlerErrorFailsItsMessageOnlyAndTheConsumerKeepsConsuming(String name, Supplier<Error> error) {
		String stream = redis.stream("error");
		List<String> handled = Collections.synchronizedList(new ArrayList<>());
		StreamConsumer consumer = redis
			.started(new StreamConsumer(redis.redis, settings(stream).maxDeliveries(1).build(), (message) -> {
				if (message.fields().containsKey("explode")) {
					throw error.get();
				}
				handled.add(message.fields().get("n"));
			}));
		String poison = redis.add(stream, "explode", "yes");
		Error thrown = error.get();
		String reason = name + ": " + thrown.getMessage();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(consumer.health().state()).isEqualTo(State.DOWN);
			assertThat(consumer.health().reason()).isEqualTo("handler failed with " + reason);
		});
		assertThat(redis.dead(stream)).singleElement()
			.satisfies((dead) -> assertThat(dead.getFields()).containsEntry("error", reason)
				.containsEntry("originalId", poison)
				.containsEntry("deliveries", "1"));
		for (int i = 0; i < 3; i++) {
			redis.add(stream, "n", Integer.toString(i));
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> handled.size() == 3);
		assertThat(handled).containsExactly("0", "1", "2");
		assertThat(consumer.health().state()).isEqualTo(State.UP);
		assertThat(consumer.health().reason()).isNull();
		assertThat(consumer.isRunning()).isTrue();
	}

	@Test
	void aPoisonMessageIsDeadLetteredAfterMaxDeliveriesWithItsReasonWhileLaterMessagesFlow() {
		String stream = redis.stream("poison");
		Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
		List<Long> poisonDeliveryCounts = Collections.synchronizedList(new ArrayList<>());
		List<String> handled = Collections.synchronizedList(new ArrayList<>());
		StreamConsumerSettings settings = settings(stream).maxDeliveries(3).build();
		redis.started(new StreamConsumer(redis.redis, settings, (message) -> {
			deliveries.computeIfAbsent(message.id(), (id) -> new AtomicInteger()).incrementAndGet();
			if (message.fields().containsKey("poison")) {
				poisonDeliveryCounts.add(message.deliveries());
				throw new IllegalStateException("cannot apply event " + message.fields().get("poison"));
			}
			handled.add(message.fields().get("n"));
		}));
		String poison = redis.add(stream, "poison", "p1");
		for (int i = 0; i < 5; i++) {
			redis.add(stream, "n", Integer.toString(i));
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> redis.dead(stream).size() == 1 && handled.size() == 5);
		assertThat(handled).containsExactly("0", "1", "2", "3", "4");
		assertThat(poisonDeliveryCounts).containsExactly(1L, 2L, 3L);
		assertThat(deliveries.get(poison)).hasValue(3);
		StreamEntry dead = redis.dead(stream).get(0);
		assertThat(dead.getFields()).containsEntry("poison", "p1")
			.containsEntry("error", "IllegalStateException: cannot apply event p1")
			.containsEntry("deliveries", "3")
			.containsEntry("stream", stream)
			.containsEntry("group", settings.group())
			.containsEntry("originalId", poison)
			.containsKey("deadAt");
		await().atMost(Duration.ofSeconds(5))
			.until(() -> redis.redis.xpending(stream, settings.group()).getTotal() == 0);
		assertThat(redis.redis.exists(stream + ":errors")).isFalse();
		// kept (not XDEL'd): other groups may read this stream
		assertThat(redis.redis.xlen(stream)).isEqualTo(6);
	}

	@Test
	void whileTheHandlersDatabaseIsDownNothingCountsAsADeliveryAndHealthIsDown() {
		String stream = redis.stream("unavailable");
		AtomicBoolean databaseUp = new AtomicBoolean();
		AtomicInteger tries = new AtomicInteger();
		List<StreamMessage> handled = Collections.synchronizedList(new ArrayList<>());
		StreamConsumer consumer = redis
			.started(new StreamConsumer(redis.redis, settings(stream).maxDeliveries(2).build(), (message) -> {
				tries.incrementAndGet();
				if (!databaseUp.get()) {
					throw new HandlerUnavailableException("database down", null);
				}
				handled.add(message);
			}));
		String id = redis.add(stream, "n", "1");
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(consumer.health().state()).isEqualTo(State.DOWN);
			assertThat(consumer.health().reason())
				.isEqualTo("cannot consume " + stream + ": HandlerUnavailableException: database down");
		});
		// far more tries than max-deliveries: none of them is the entry's fault
		await().atMost(Duration.ofSeconds(20)).until(() -> tries.get() >= 5);
		assertThat(redis.dead(stream)).isEmpty();
		databaseUp.set(true);
		await().atMost(Duration.ofSeconds(10)).until(() -> handled.size() == 1);
		assertThat(handled.get(0).id()).isEqualTo(id);
		assertThat(handled.get(0).deliveries()).isEqualTo(1);
		assertThat(redis.dead(stream)).isEmpty();
		await().atMost(Duration.ofSeconds(5)).until(() -> consumer.health().state() == State.UP);
	}

	@Test
	void aBatchWithAPoisonMessageCommitsTheOthersOneByOne() {
		String stream = redis.stream("batch");
		List<String> committed = Collections.synchronizedList(new ArrayList<>());
		List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
		StreamHandler handler = new StreamHandler() {

			@Override
			public void handle(StreamMessage message) {
				check(message);
				committed.add(message.fields().get("n"));
			}

			@Override
			public void handleBatch(List<StreamMessage> batch) {
				batchSizes.add(batch.size());
				// one transaction: all or nothing
				batch.forEach(this::check);
				batch.forEach((message) -> committed.add(message.fields().get("n")));
			}

			private void check(StreamMessage message) {
				if ("poison".equals(message.fields().get("n"))) {
					throw new IllegalArgumentException("event has no actor");
				}
			}

		};
		for (String n : List.of("a", "b", "poison", "c", "d")) {
			redis.add(stream, "n", n);
		}
		redis
			.started(new StreamConsumer(redis.redis, settings(stream).batchSize(10).maxDeliveries(2).build(), handler));
		await().atMost(Duration.ofSeconds(10)).until(() -> redis.dead(stream).size() == 1);
		assertThat(batchSizes.get(0)).isEqualTo(5);
		assertThat(committed).containsExactly("a", "b", "c", "d");
		assertThat(redis.dead(stream).get(0).getFields()).containsEntry("n", "poison")
			.containsEntry("error", "IllegalArgumentException: event has no actor")
			.containsEntry("deliveries", "2");
		for (String n : List.of("e", "f")) {
			redis.add(stream, "n", n);
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> committed.size() == 6);
		assertThat(committed).containsExactly("a", "b", "c", "d", "e", "f");
	}

	@Test
	void anEntryOfAConsumerThatDiedIsReclaimedAfterTheLease() {
		String stream = redis.stream("reclaim");
		String group = "test-group";
		String id = redis.add(stream, "n", "1");
		// a consumer took it and died before acknowledging
		redis.redis.xgroupCreate(stream, group, new StreamEntryID(0, 0), false);
		List<Map.Entry<String, List<StreamEntry>>> taken = redis.redis.xreadGroup(group, "died-0",
				XReadGroupParams.xReadGroupParams().count(1),
				Map.of(stream, StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
		assertThat(taken.get(0).getValue()).hasSize(1);
		List<StreamMessage> handled = Collections.synchronizedList(new ArrayList<>());
		long startedAt = System.nanoTime();
		redis.started(new StreamConsumer(redis.redis,
				StreamConsumerSettings.builder(stream, group)
					.consumerName("survivor")
					.lease(Duration.ofMillis(800))
					.pollTimeout(Duration.ofMillis(100))
					.build(),
				handled::add));
		await().atMost(Duration.ofSeconds(10)).until(() -> handled.size() == 1);
		assertThat(handled.get(0).id()).isEqualTo(id);
		assertThat(handled.get(0).deliveries()).isEqualTo(2);
		assertThat(Duration.ofNanos(System.nanoTime() - startedAt)).isGreaterThanOrEqualTo(Duration.ofMillis(700));
		await().atMost(Duration.ofSeconds(5)).until(() -> redis.redis.xpending(stream, group).getTotal() == 0);
	}

	@Test
	void aLostGroupIsCreatedAgainAndConsumingGoesOn() {
		String stream = redis.stream("nogroup");
		List<String> handled = Collections.synchronizedList(new ArrayList<>());
		redis.started(new StreamConsumer(redis.redis, settings(stream).build(),
				(message) -> handled.add(message.fields().get("n"))));
		redis.add(stream, "n", "before");
		await().atMost(Duration.ofSeconds(10)).until(() -> handled.size() == 1);
		// Redis lost its data: the stream and its group are gone
		redis.redis.del(stream);
		// created again, with its stream, by the consumer
		await().atMost(Duration.ofSeconds(10)).until(() -> redis.redis.exists(stream));
		redis.add(stream, "n", "after");
		await().atMost(Duration.ofSeconds(10)).until(() -> handled.size() == 2);
		assertThat(handled).containsExactly("before", "after");
	}

	private static StreamConsumerSettings.Builder settings(String stream) {
		return StreamConsumerSettings.builder(stream, "test-group")
			.consumerName("test")
			.lease(Duration.ofSeconds(1))
			.retryDelay(Duration.ofMillis(100))
			.pollTimeout(Duration.ofMillis(100))
			.restartBackoff(Duration.ofMillis(50), Duration.ofMillis(200));
	}

}

package io.physforge.orchestration;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.physforge.platform.queue.JobContext;
import io.physforge.platform.queue.JobEvents;
import io.physforge.platform.queue.JobHandler;
import io.physforge.platform.queue.JobMessage;
import io.physforge.platform.queue.JobResultRef;
import io.physforge.platform.queue.PermanentJobFailure;

/**
 * A worker for the tests, run by real platform {@code JobWorker}s in the test JVM. The
 * step parameter {@code mode} picks its behaviour: {@code ok} (progress, then a result
 * reference), {@code fail} (throws every time), {@code hang} (reports progress, then
 * waits until the job is cancelled). The parameter {@code resultKind} names the kind of
 * the result reference (default {@code <type>-result}), as the real workers do
 * ({@code pinn-model}, {@code feature-set}, ...).
 */
final class FakeWorkers implements JobHandler {

	private static final ObjectMapper JSON = new ObjectMapper();

	final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

	final Map<String, JsonNode> payloads = new ConcurrentHashMap<>();

	final Set<String> sawCancel = ConcurrentHashMap.newKeySet();

	private final JobEvents events;

	FakeWorkers(JobEvents events) {
		this.events = events;
	}

	@Override
	public void handle(JobMessage message, JobContext context) throws Exception {
		JsonNode payload = JSON.readTree(message.payload());
		this.payloads.put(message.jobId(), payload);
		this.calls.computeIfAbsent(message.jobId(), (id) -> new AtomicInteger()).incrementAndGet();
		String mode = payload.path("params").path("mode").asText("ok");
		long delay = payload.path("params").path("delayMs").asLong(200);
		switch (mode) {
			case "fail" ->
				throw new IllegalStateException("simulated failure of step " + payload.path("stepId").asText());
			case "bad-input" ->
				throw new PermanentJobFailure("field 'u' has NaN values at t[3]; clean the data and upload it again");
			case "hang" -> {
				context.progress(0.1, "started");
				long deadline = System.nanoTime() + 20_000_000_000L;
				boolean interrupted = false;
				try {
					while (!context.cancelled() && System.nanoTime() < deadline) {
						Thread.sleep(50);
					}
				}
				catch (InterruptedException ex) {
					// the worker interrupts the thread of a job cancelled while it runs
					interrupted = true;
				}
				if (interrupted || context.cancelled()) {
					this.sawCancel.add(message.jobId());
				}
				throw new CancellationException("stopped: the job was cancelled");
			}
			default -> {
				Thread.sleep(delay);
				context.progress(0.5, "halfway");
				Thread.sleep(delay);
				String kind = payload.path("params")
					.path("resultKind")
					.asText(payload.path("type").asText() + "-result");
				JobResultRef ref = new JobResultRef(kind, "result-" + message.jobId(),
						"s3://artifacts/test/" + message.jobId(),
						JSON.createObjectNode().put("step", payload.path("stepId").asText()));
				this.events.publish(JobResultRef.completedEvent(message, ref));
			}
		}
	}

}

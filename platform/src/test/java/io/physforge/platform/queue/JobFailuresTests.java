package io.physforge.platform.queue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * {@link JobFailures} and {@link WorkerPayload#read}: what a handler's failed attempt
 * records and throws, and which payloads it refuses.
 */
class JobFailuresTests {

	private final JobMessage message = new JobMessage("job-1", "test", null, "{}", 1, null);

	private final List<String> finished = new ArrayList<>();

	private int failed;

	private void record(boolean cancelledByUser, boolean workerStopping, Throwable ex) {
		JobQueue queue = mock(JobQueue.class);
		when(queue.isCancelled("job-1")).thenReturn(cancelledByUser);
		JobFailures.record(queue, this.message, context(workerStopping), ex,
				(status, error) -> this.finished.add(status + ": " + error), () -> this.failed++);
	}

	@Test
	void aFailureEndsTheJobFailedAndBadInputFailsPermanently() {
		record(false, false, new IllegalStateException("disk full"));
		assertThat(this.finished).containsExactly("failed: IllegalStateException: disk full");
		assertThat(this.failed).isEqualTo(1);
		assertThatExceptionOfType(PermanentJobFailure.class)
			.isThrownBy(() -> record(false, false, new IllegalArgumentException("no such column u")))
			.withMessage("no such column u");
		assertThat(this.finished).containsExactly("failed: IllegalStateException: disk full",
				"failed: no such column u");
		assertThat(this.failed).isEqualTo(2);
	}

	@Test
	void aCancelledJobEndsCancelledAndAStoppingWorkerRecordsNothing() {
		record(true, true, new IllegalArgumentException("bad"));
		assertThat(this.finished).containsExactly("cancelled: cancelled (bad)");
		record(false, true, new IllegalArgumentException("bad"));
		assertThat(this.finished).hasSize(1);
		assertThat(this.failed).isZero();
	}

	@Test
	void checkCancelledStopsACancelledJob() {
		JobFailures.checkCancelled(this.message, context(false));
		assertThatExceptionOfType(JobCancelledException.class)
			.isThrownBy(() -> JobFailures.checkCancelled(this.message, context(true)))
			.withMessage("job job-1 was cancelled");
		assertThat(JobFailures.describe(new NullPointerException()))
			.isEqualTo("NullPointerException: NullPointerException");
	}

	@Test
	void payloadsWithoutOwnerOfAnotherJobOrOfAnotherShapeAreRefused() {
		ObjectMapper json = new ObjectMapper();
		UUID id = UUID.randomUUID();
		JobMessage ok = new JobMessage(id.toString(), "test", null, "{\"jobId\":\"" + id + "\",\"ownerId\":\"alice\"}",
				1, null);
		assertThat(WorkerPayload.read(json, ok, "a test job", "thing").ownerId()).isEqualTo("alice");
		WorkerPayload aliased = WorkerPayload.read(json,
				new JobMessage("j", "test", null, "{\"ownerId\":\"o\",\"canonicalKey\":\"k\",\"future\":1}", 1, null),
				"a test job", "thing");
		assertThat(aliased.datasetObjectKey()).isEqualTo("k");
		assertThat(aliased.inputs()).isEmpty();
		assertThatExceptionOfType(PermanentJobFailure.class)
			.isThrownBy(() -> WorkerPayload.read(json, new JobMessage("j", "test", null, "[1]", 1, null), "a test job",
					"thing"))
			.withMessageStartingWith("job j has a payload that is not a test job (see WorkerPayload): ");
		assertThatExceptionOfType(PermanentJobFailure.class).isThrownBy(
				() -> WorkerPayload.read(json, new JobMessage("j", "test", null, "{}", 1, null), "a test job", "thing"))
			.withMessage("job j has no 'ownerId' in its payload; the thing would belong to nobody");
		assertThatExceptionOfType(PermanentJobFailure.class)
			.isThrownBy(
					() -> WorkerPayload.read(json,
							new JobMessage("j", "test", null, "{\"jobId\":\"" + id + "\",\"ownerId\":\"alice\"}", 1,
									null),
							"a test job", "thing"))
			.withMessage("job j carries a payload of another job (" + id + ")");
	}

	private static JobContext context(boolean cancelled) {
		return new JobContext() {

			@Override
			public void progress(double fraction, String message) {
			}

			@Override
			public boolean cancelled() {
				return cancelled;
			}

		};
	}

}

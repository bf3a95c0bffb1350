package io.physforge.platform.queue;

import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a worker needs of its copy of the orchestrator's job payload: the job it is for
 * and the user its results belong to. {@link #read} parses and checks one.
 */
public interface WorkerPayload {

	/**
	 * @return the job (the message's job id), {@code null} when the payload does not say
	 */
	UUID jobId();

	/**
	 * @return the user the job's results belong to (JWT subject)
	 */
	String ownerId();

	/**
	 * Parses a job's payload and checks that it names an owner and, if any, the message's
	 * job.
	 * @param <T> the payload type
	 * @param json the object mapper
	 * @param message the job's message
	 * @param type the payload type
	 * @param kind what kind of job the worker runs, such as {@code "a discovery job"}
	 * @param result what the job makes, such as {@code "run"}
	 * @return the payload
	 * @throws PermanentJobFailure when the payload is not of that type, has no owner or
	 * is another job's
	 */
	static <T extends WorkerPayload> T read(ObjectMapper json, JobMessage message, Class<T> type, String kind,
			String result) {
		T payload;
		try {
			payload = json.readValue(message.payload(), type);
		}
		catch (JsonProcessingException ex) {
			throw new PermanentJobFailure("job " + message.jobId() + " has a payload that is not " + kind + " (see "
					+ type.getSimpleName() + "): " + ex.getOriginalMessage(), ex);
		}
		if (payload.ownerId() == null || payload.ownerId().isBlank()) {
			throw new PermanentJobFailure("job " + message.jobId() + " has no 'ownerId' in its payload; the " + result
					+ " would belong to nobody");
		}
		if (payload.jobId() != null && !payload.jobId().toString().equals(message.jobId())) {
			throw new PermanentJobFailure(
					"job " + message.jobId() + " carries a payload of another job (" + payload.jobId() + ")");
		}
		return payload;
	}

}

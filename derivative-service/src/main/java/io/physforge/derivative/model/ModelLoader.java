package io.physforge.derivative.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import io.physforge.pinn.PinnModel;
import io.physforge.platform.storage.ObjectNotFoundException;
import io.physforge.platform.storage.ObjectStorage;

import org.springframework.stereotype.Component;

/**
 * Loads a PINN checkpoint ({@code physforge-pinn/1}, written by pinn-training-service
 * with {@link PinnModel#save}) from bucket {@code models}.
 */
@Component
public class ModelLoader {

	/** The bucket of checkpoints. */
	public static final String BUCKET = "models";

	/** The prefix of a checkpoint's location. */
	public static final String PREFIX = "s3://" + BUCKET + "/";

	private final ObjectStorage storage;

	public ModelLoader(ObjectStorage storage) {
		this.storage = storage;
	}

	/**
	 * @param location {@code s3://models/<key>}
	 * @return the model
	 * @throws BadModelException when the location is not in bucket {@code models}, the
	 * object is missing or is not a checkpoint
	 */
	public PinnModel load(String location) {
		if (location == null || !location.startsWith(PREFIX) || location.length() == PREFIX.length()) {
			throw new BadModelException("the PINN model's location " + location
					+ " is not a checkpoint in bucket models (s3://models/<key>)");
		}
		String key = location.substring(PREFIX.length());
		try (InputStream in = this.storage.get(BUCKET, key)) {
			return PinnModel.load(in);
		}
		catch (ObjectNotFoundException ex) {
			throw new BadModelException("the PINN checkpoint " + location
					+ " does not exist in storage: the model was deleted; train it again", ex);
		}
		catch (IOException ex) {
			if (ex.getMessage() != null && (ex.getMessage().startsWith("not a PINN checkpoint")
					|| ex.getMessage().startsWith("PINN checkpoint is damaged"))) {
				throw new BadModelException(
						"the object " + location + " cannot be used: " + ex.getMessage() + "; train the model again",
						ex);
			}
			throw new UncheckedIOException("Cannot read the PINN checkpoint " + location + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * A checkpoint that cannot be used; retrying does not help.
	 */
	public static class BadModelException extends IllegalArgumentException {

		private static final long serialVersionUID = 1L;

		BadModelException(String message) {
			super(message);
		}

		BadModelException(String message, Throwable cause) {
			super(message, cause);
		}

	}

}

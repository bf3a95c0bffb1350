package io.physforge.platform.storage;

/**
 * No object with that key in that bucket.
 */
public class ObjectNotFoundException extends StorageException {

	private static final long serialVersionUID = 1L;

	private final String bucket;

	private final String key;

	public ObjectNotFoundException(String bucket, String key, Throwable cause) {
		super("No object '" + key + "' in bucket '" + bucket + "'", cause);
		this.bucket = bucket;
		this.key = key;
	}

	public String getBucket() {
		return this.bucket;
	}

	public String getKey() {
		return this.key;
	}

}

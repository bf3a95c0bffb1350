package io.physforge.platform.storage;

/**
 * An object storage operation failed (server unreachable, refused, I/O error).
 */
public class StorageException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public StorageException(String message, Throwable cause) {
		super(message, cause);
	}

}

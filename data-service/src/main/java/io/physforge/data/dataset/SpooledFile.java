package io.physforge.data.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An upload spooled to a local temporary file (the readers need random access), with its
 * size and SHA-256 computed while it was written. Closing deletes the file.
 *
 * @param path the temporary file, named with the upload's extension
 * @param filename the client's file name, cleaned (no folders, safe characters)
 * @param size bytes written
 * @param sha256 SHA-256 of the bytes, lower-case hex
 */
public record SpooledFile(Path path, String filename, long size, String sha256) implements AutoCloseable {

	@Override
	public void close() {
		try {
			Files.deleteIfExists(this.path);
		}
		catch (IOException ex) {
			this.path.toFile().deleteOnExit();
		}
	}

}

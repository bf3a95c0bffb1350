package io.physforge.derivative.featureset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.physforge.core.field.Field;
import io.physforge.core.io.DataFormat;
import io.physforge.core.io.DataSets;
import io.physforge.platform.storage.ObjectStorage;
import io.physforge.platform.storage.StoredObject;

import org.springframework.stereotype.Component;

/**
 * Writes a feature set as NPZ (physics-core's writer: coordinates as 1-D arrays, every
 * field and derivative under its canonical name) to bucket {@code artifacts}, hashing it
 * on the way.
 */
@Component
public class FeatureSetFiles {

	/** The content type of the stored NPZ. */
	public static final String CONTENT_TYPE = "application/x-npz";

	private final ObjectStorage storage;

	public FeatureSetFiles(ObjectStorage storage) {
		this.storage = storage;
	}

	/**
	 * Stores a feature set under a new key.
	 * @param features the values
	 * @return where it is stored and its SHA-256
	 */
	public Stored store(Field features) {
		Path dir = null;
		try {
			dir = Files.createTempDirectory("physforge-features-");
			Path file = dir.resolve("features.npz");
			DataSets.write(features, file, DataFormat.NPZ);
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
				StoredObject object = this.storage.put(FeatureSet.BUCKET, in, Files.size(file), CONTENT_TYPE);
				return new Stored(object.key(), object.size(), HexFormat.of().formatHex(sha.digest()));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the feature set: " + ex.getMessage(), ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			if (dir != null) {
				try (var files = Files.list(dir)) {
					for (Path p : files.toList()) {
						Files.deleteIfExists(p);
					}
					Files.deleteIfExists(dir);
				}
				catch (IOException ex) {
					// a leftover temporary file is harmless
				}
			}
		}
	}

	/**
	 * Deletes a stored feature set; a missing object is no error.
	 * @param key its key in bucket {@code artifacts}
	 */
	public void delete(String key) {
		this.storage.delete(FeatureSet.BUCKET, key);
	}

	/**
	 * Opens a stored feature set; the caller closes the stream.
	 * @param key its key
	 * @return the NPZ bytes
	 */
	public InputStream open(String key) {
		return this.storage.get(FeatureSet.BUCKET, key);
	}

	/**
	 * A stored NPZ.
	 *
	 * @param key the key in bucket {@code artifacts}
	 * @param size its size in bytes
	 * @param sha256 its SHA-256, hex
	 */
	public record Stored(String key, long size, String sha256) {

		/**
		 * @return {@code s3://artifacts/<key>}
		 */
		public String location() {
			return "s3://" + FeatureSet.BUCKET + "/" + this.key;
		}

	}

}

package io.physforge.platform.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.physforge.core.field.Field;
import io.physforge.core.io.DataSets;
import io.physforge.platform.storage.ObjectStorage;

/**
 * Fields stored as NPZ objects (the canonical form data-service writes) for the tests of
 * the services that compute on data sets (they depend on physics-core).
 */
public final class TestDataSets {

	private static final Map<String, String> canonical = new ConcurrentHashMap<>();

	private TestDataSets() {
	}

	/**
	 * The canonical form of a test data set in bucket {@code datasets}, stored once per
	 * JVM.
	 * @param storage the storage
	 * @param name the data set's name in this JVM
	 * @param field makes the field, called once
	 * @return the object's key
	 */
	public static String canonical(ObjectStorage storage, String name, Supplier<Field> field) {
		return canonical.computeIfAbsent(name,
				(n) -> store(storage, "datasets", field.get(), "application/octet-stream"));
	}

	/**
	 * Stores a field as an NPZ object.
	 * @param storage the storage
	 * @param bucket the bucket
	 * @param field the field
	 * @param contentType the object's content type
	 * @return the object's key
	 */
	public static String store(ObjectStorage storage, String bucket, Field field, String contentType) {
		try {
			Path file = Files.createTempFile("test-field-", ".npz");
			try {
				DataSets.write(field, file);
				try (InputStream in = Files.newInputStream(file)) {
					return storage.put(bucket, in, Files.size(file), contentType).key();
				}
			}
			finally {
				Files.deleteIfExists(file);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

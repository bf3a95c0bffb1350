package io.physforge.platform.storage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.ObjectWriteResponse;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.http.Method;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores objects under server-generated keys in a fixed set of buckets.
 */
public class ObjectStorage {

	private static final Logger logger = LoggerFactory.getLogger(ObjectStorage.class);

	private static final Pattern KEY = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	private static final long MIN_PART_SIZE = 5L * 1024 * 1024;

	private static final Duration MAX_PRESIGN = Duration.ofDays(7);

	private final MinioClient client;

	private final Set<String> buckets;

	private final long partSize;

	/**
	 * Creates the storage.
	 * @param client the MinIO client
	 * @param buckets the buckets this storage may use
	 * @param partSize part size of uploads of unknown size, at least 5 MiB
	 */
	public ObjectStorage(MinioClient client, Collection<String> buckets, long partSize) {
		this.client = Objects.requireNonNull(client, "client");
		this.buckets = Set.copyOf(new LinkedHashSet<>(buckets));
		if (this.buckets.isEmpty()) {
			throw new IllegalArgumentException("physforge.storage.buckets must name at least one bucket");
		}
		if (partSize < MIN_PART_SIZE) {
			throw new IllegalArgumentException(
					"physforge.storage.part-size must be at least 5MB (S3's minimum part), was " + partSize + " bytes");
		}
		this.partSize = partSize;
	}

	/**
	 * Creates the configured buckets that do not exist yet.
	 * @throws StorageException if the server cannot be reached or refuses
	 */
	public void ensureBuckets() {
		for (String bucket : this.buckets) {
			call("create bucket '" + bucket + "'", () -> {
				if (!this.client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
					try {
						this.client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
						logger.info("Created bucket {}", bucket);
					}
					catch (ErrorResponseException ex) {
						// services starting together race to create the same bucket: the
						// loser finds it made, which is what it wanted
						String code = ex.errorResponse().code();
						if (!"BucketAlreadyOwnedByYou".equals(code) && !"BucketAlreadyExists".equals(code)) {
							throw ex;
						}
					}
				}
				return null;
			});
		}
	}

	/**
	 * The buckets this storage may use.
	 * @return the bucket names
	 */
	public Set<String> buckets() {
		return this.buckets;
	}

	/**
	 * Streams an object to storage under a new random key.
	 * @param bucket one of {@link #buckets()}
	 * @param content the bytes, read to the end (not closed)
	 * @param size the number of bytes, or -1 when unknown (multipart upload)
	 * @param contentType the content type, {@code null} for
	 * {@code application/octet-stream}
	 * @return where it was stored
	 * @throws IllegalArgumentException for an unknown bucket or a negative size other
	 * than -1
	 * @throws StorageException if the upload fails
	 */
	public StoredObject put(String bucket, InputStream content, long size, String contentType) {
		checkBucket(bucket);
		Objects.requireNonNull(content, "content");
		if (size < -1) {
			throw new IllegalArgumentException("Object size must be >= 0, or -1 when unknown; was " + size);
		}
		String type = (contentType == null || contentType.isBlank()) ? "application/octet-stream" : contentType;
		String key = UUID.randomUUID().toString();
		CountingInputStream counted = new CountingInputStream(content);
		ObjectWriteResponse response = call("store an object in '" + bucket + "'",
				() -> this.client.putObject(PutObjectArgs.builder()
					.bucket(bucket)
					.object(key)
					.stream(counted, size, (size == -1) ? this.partSize : -1)
					.contentType(type)
					.build()));
		return new StoredObject(bucket, key, counted.count, type, response.etag());
	}

	/**
	 * Reads an object through a temporary local copy, for readers that need random access
	 * (HDF5, NPZ): the object is downloaded to a new temporary file, {@code reader} reads
	 * it, and the file is deleted whatever happens.
	 * @param <T> what the reader returns
	 * @param bucket the bucket
	 * @param key the key
	 * @param prefix the temporary file's name prefix, e.g. {@code physforge-discovery-}
	 * @param reader reads the local copy
	 * @return what the reader returned
	 * @throws ObjectNotFoundException if there is no such object
	 * @throws java.io.UncheckedIOException if the download or the reader fails with an
	 * {@link IOException}
	 */
	public <T> T readViaTemporaryFile(String bucket, String key, String prefix, LocalFileReader<T> reader) {
		Path file;
		try {
			file = Files.createTempFile(prefix, ".tmp");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(
					"Cannot make a temporary file for " + bucket + "/" + key + ": " + ex.getMessage(), ex);
		}
		try {
			try (InputStream in = get(bucket, key)) {
				Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
			}
			return reader.read(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + bucket + "/" + key + ": " + ex.getMessage(), ex);
		}
		finally {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				// a leftover temporary file is harmless
			}
		}
	}

	/**
	 * Reads a local copy of an object.
	 *
	 * @param <T> what it returns
	 */
	@FunctionalInterface
	public interface LocalFileReader<T> {

		/**
		 * Reads the file.
		 * @param file the local copy
		 * @return what was read
		 * @throws IOException if it cannot be read
		 */
		T read(Path file) throws IOException;

	}

	/**
	 * Opens an object for reading; the caller closes the stream.
	 * @param bucket the bucket
	 * @param key the key
	 * @return the content
	 * @throws ObjectNotFoundException if there is no such object
	 */
	public InputStream get(String bucket, String key) {
		checkBucket(bucket);
		checkKey(key);
		return call(bucket, key, "read",
				() -> this.client.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build()));
	}

	/**
	 * Whether an object exists.
	 * @param bucket the bucket
	 * @param key the key
	 * @return {@code true} if it exists
	 */
	public boolean exists(String bucket, String key) {
		checkBucket(bucket);
		checkKey(key);
		try {
			call(bucket, key, "look up",
					() -> this.client.statObject(StatObjectArgs.builder().bucket(bucket).object(key).build()));
			return true;
		}
		catch (ObjectNotFoundException ex) {
			return false;
		}
	}

	/**
	 * Deletes an object; deleting a missing object does nothing.
	 * @param bucket the bucket
	 * @param key the key
	 */
	public void delete(String bucket, String key) {
		checkBucket(bucket);
		checkKey(key);
		call(bucket, key, "delete", () -> {
			this.client.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build());
			return null;
		});
	}

	/**
	 * A URL anyone holding it can GET the object with, until it expires.
	 * @param bucket the bucket
	 * @param key the key
	 * @param expiry how long the URL is valid, 1 s to 7 days
	 * @return the URL
	 */
	public URI presignedGet(String bucket, String key, Duration expiry) {
		checkBucket(bucket);
		checkKey(key);
		if (expiry == null || expiry.compareTo(Duration.ofSeconds(1)) < 0 || expiry.compareTo(MAX_PRESIGN) > 0) {
			throw new IllegalArgumentException("Presigned URL expiry must be between 1 s and 7 days, was " + expiry);
		}
		String url = call(bucket, key, "presign",
				() -> this.client.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder()
					.method(Method.GET)
					.bucket(bucket)
					.object(key)
					.expiry((int) expiry.toSeconds())
					.build()));
		return URI.create(url);
	}

	private void checkBucket(String bucket) {
		if (bucket == null || !this.buckets.contains(bucket)) {
			throw new IllegalArgumentException("Unknown bucket '" + bucket + "': use one of "
					+ List.copyOf(this.buckets) + " (physforge.storage.buckets)");
		}
	}

	private static void checkKey(String key) {
		if (key == null || !KEY.matcher(key).matches()) {
			throw new IllegalArgumentException(
					"Invalid object key '" + key + "': keys are server-generated lower-case UUIDs");
		}
	}

	private <T> T call(String bucket, String key, String action, MinioCall<T> call) {
		try {
			return call.run();
		}
		catch (ErrorResponseException ex) {
			String code = ex.errorResponse().code();
			if ("NoSuchKey".equals(code) || "NoSuchObject".equals(code)) {
				throw new ObjectNotFoundException(bucket, key, ex);
			}
			throw new StorageException("Could not " + action + " object '" + key + "' in bucket '" + bucket + "': "
					+ code + " " + ex.getMessage(), ex);
		}
		catch (Exception ex) {
			throw new StorageException(
					"Could not " + action + " object '" + key + "' in bucket '" + bucket + "': " + ex.getMessage(), ex);
		}
	}

	private <T> T call(String what, MinioCall<T> call) {
		try {
			return call.run();
		}
		catch (Exception ex) {
			throw new StorageException("Could not " + what + ": " + ex.getMessage(), ex);
		}
	}

	@FunctionalInterface
	private interface MinioCall<T> {

		T run() throws Exception;

	}

	private static final class CountingInputStream extends FilterInputStream {

		private long count;

		CountingInputStream(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b != -1) {
				this.count++;
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				this.count += n;
			}
			return n;
		}

		@Override
		public long skip(long n) throws IOException {
			long skipped = super.skip(n);
			this.count += skipped;
			return skipped;
		}

		@Override
		public void close() {
			// the caller owns the stream
		}

	}

}

package io.physforge.data.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.physforge.data.DataProperties;
import io.physforge.platform.problem.ProblemException;

import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Copies an incoming stream to a temporary file in bounded buffers while hashing it, so
 * no upload is ever held in memory, and stops with a 413 as soon as it passes the size
 * limit.
 */
@Component
public class Spooler {

	private static final Pattern EXTENSION = Pattern.compile("[a-z0-9]{1,10}");

	private static final int BUFFER = 64 * 1024;

	private final DataProperties properties;

	public Spooler(DataProperties properties) {
		this.properties = properties;
	}

	/**
	 * The largest upload accepted, in bytes.
	 * @return {@code physforge.data.max-upload-size}
	 */
	public long maxUploadSize() {
		return this.properties.maxUploadSize().toBytes();
	}

	/**
	 * Answers 413 when a declared size is over the limit.
	 * @param size the declared size in bytes
	 */
	public void checkSize(long size) {
		if (size > maxUploadSize()) {
			throw tooLarge(size);
		}
	}

	/**
	 * Spools a stream to a temporary file; the stream is read to its end, not closed.
	 * @param content the bytes
	 * @param filename the client's file name (its extension is kept: the readers check it
	 * against the content)
	 * @return the spooled file; the caller closes it
	 * @throws ProblemException 413 when the stream is longer than the limit (the partial
	 * file is deleted)
	 */
	public SpooledFile spool(InputStream content, String filename) {
		String clean = cleanFilename(filename);
		Path file = newTempFile(clean);
		MessageDigest digest = sha256();
		long limit = maxUploadSize();
		long total = 0;
		boolean done = false;
		try (OutputStream out = Files.newOutputStream(file)) {
			byte[] buffer = new byte[BUFFER];
			int n;
			while ((n = content.read(buffer)) != -1) {
				total += n;
				if (total > limit) {
					throw tooLarge(total);
				}
				digest.update(buffer, 0, n);
				out.write(buffer, 0, n);
			}
			done = true;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not spool the upload " + clean + ": " + ex.getMessage(), ex);
		}
		finally {
			if (!done) {
				deleteQuietly(file);
			}
		}
		return new SpooledFile(file, clean, total, HexFormat.of().formatHex(digest.digest()));
	}

	/**
	 * A new empty temporary file in the spool folder.
	 * @param filename a clean file name whose extension the file takes
	 * @return the file
	 */
	public Path newTempFile(String filename) {
		try {
			Path dir = Files.createDirectories(this.properties.spoolDirectory());
			return Files.createFile(dir.resolve(UUID.randomUUID() + extensionOf(filename)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not create a spool file in " + this.properties.spoolDirectory()
					+ " (physforge.data.temp-dir): " + ex.getMessage(), ex);
		}
	}

	/**
	 * Deletes spool files older than {@code physforge.data.upload-expiry}: leftovers of a
	 * process that died while handling an upload.
	 * @return how many files were deleted
	 */
	@Scheduled(fixedDelayString = "${physforge.data.upload-sweep:PT10M}", initialDelayString = "PT1M")
	public int sweep() {
		Path dir = this.properties.spoolDirectory();
		if (!Files.isDirectory(dir)) {
			return 0;
		}
		Instant cutoff = Instant.now().minus(this.properties.uploadExpiry());
		int deleted = 0;
		try (Stream<Path> files = Files.list(dir)) {
			for (Path file : files.toList()) {
				if (Files.isRegularFile(file) && Files.getLastModifiedTime(file).toInstant().isBefore(cutoff)) {
					deleteQuietly(file);
					deleted++;
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not sweep the spool folder " + dir + ": " + ex.getMessage(), ex);
		}
		return deleted;
	}

	/**
	 * The last path segment of a client's file name, with characters outside
	 * {@code [A-Za-z0-9._ -]} replaced, at most 200 characters.
	 * @param filename the client's name, may be {@code null}
	 * @return a safe name, {@code upload} when nothing is left
	 */
	public static String cleanFilename(String filename) {
		String name = (filename != null) ? filename : "";
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		name = name.replaceAll("[^A-Za-z0-9._ -]", "_").strip();
		while (name.startsWith(".")) {
			name = name.substring(1);
		}
		if (name.length() > 200) {
			name = name.substring(name.length() - 200);
		}
		return name.isEmpty() ? "upload" : name;
	}

	static String extensionOf(String filename) {
		int dot = filename.lastIndexOf('.');
		if (dot < 0) {
			return "";
		}
		String ext = filename.substring(dot + 1).toLowerCase(Locale.ROOT);
		return EXTENSION.matcher(ext).matches() ? "." + ext : "";
	}

	static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			file.toFile().deleteOnExit();
		}
	}

	static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private ProblemException tooLarge(long size) {
		return new ProblemException(HttpStatus.PAYLOAD_TOO_LARGE, "upload-too-large", "Upload too large",
				"The upload is larger than the " + maxUploadSize()
						+ " bytes accepted (physforge.data.max-upload-size); send a smaller file or ask an "
						+ "administrator to raise the limit.")
			.with("maxBytes", maxUploadSize())
			.with("sizeBytes", size);
	}

}

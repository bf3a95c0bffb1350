package io.physforge.suite.launch.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Decides whether the jars must be rebuilt by content, not by modification time (the
 * reproducible build stamps every jar with the same date): a SHA-256 over the root
 * {@code pom.xml} and, for every module it lists, its {@code pom.xml} and everything
 * under {@code src/main} (relative paths and contents), recorded after a successful build
 * in {@value #RECORD}.
 */
public final class BuildFingerprint {

	/**
	 * Where the fingerprint of the last successful build is kept, relative to the root.
	 */
	public static final String RECORD = "suite/target/.physforge-build-hash";

	private static final Pattern MODULE = Pattern.compile("<module>\\s*([^<\\s]+)\\s*</module>");

	private BuildFingerprint() {
	}

	/**
	 * The fingerprint of the sources as they are now.
	 * @param repository the repository root
	 * @return 64 hexadecimal digits
	 */
	public static String of(Path repository) {
		MessageDigest digest = sha256();
		try {
			List<Path> files = new ArrayList<>();
			files.add(repository.resolve("pom.xml"));
			for (String module : modules(repository)) {
				Path dir = repository.resolve(module);
				files.add(dir.resolve("pom.xml"));
				Path main = dir.resolve("src").resolve("main");
				if (Files.isDirectory(main)) {
					try (Stream<Path> tree = Files.walk(main)) {
						tree.filter(Files::isRegularFile).forEach(files::add);
					}
				}
			}
			files.stream()
				.map((file) -> repository.relativize(file).toString().replace('\\', '/'))
				.sorted()
				.forEach((name) -> add(digest, repository, name));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the sources under " + repository, ex);
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	/**
	 * Why the jars must be built, if they must.
	 * @param repository the repository root
	 * @param fingerprint the sources' fingerprint now ({@link #of(Path)})
	 * @param modules the modules whose Boot jars must exist
	 * @return the reason, empty when the recorded build matches the sources
	 */
	public static Optional<String> reasonToBuild(Path repository, String fingerprint, List<String> modules) {
		for (String module : modules) {
			try {
				Jars.bootJar(repository, module);
			}
			catch (IllegalStateException ex) {
				return Optional.of("no jar of " + module);
			}
		}
		Path record = repository.resolve(RECORD);
		if (!Files.isRegularFile(record)) {
			return Optional.of("no record of a previous build (" + RECORD + ")");
		}
		try {
			if (!Files.readString(record, StandardCharsets.US_ASCII).trim().equals(fingerprint)) {
				return Optional.of("the sources changed since the last build");
			}
		}
		catch (IOException ex) {
			return Optional.of(RECORD + " unreadable: " + ex.getMessage());
		}
		return Optional.empty();
	}

	/**
	 * Records a successful build of the sources with this fingerprint.
	 * @param repository the repository root
	 * @param fingerprint the fingerprint taken before the build started
	 */
	public static void record(Path repository, String fingerprint) {
		Path record = repository.resolve(RECORD);
		try {
			Files.createDirectories(record.getParent());
			Files.writeString(record, fingerprint + System.lineSeparator(), StandardCharsets.US_ASCII);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write " + record, ex);
		}
	}

	private static List<String> modules(Path repository) throws IOException {
		Matcher matcher = MODULE.matcher(Files.readString(repository.resolve("pom.xml")));
		List<String> modules = new ArrayList<>();
		while (matcher.find()) {
			modules.add(matcher.group(1));
		}
		return modules;
	}

	private static void add(MessageDigest digest, Path repository, String name) {
		byte[] path = name.getBytes(StandardCharsets.UTF_8);
		Path file = repository.resolve(name);
		byte[] content;
		try {
			content = Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		int length = (content != null) ? content.length : -1;
		digest.update(ByteBuffer.allocate(8).putInt(path.length).putInt(length).array());
		digest.update(path);
		if (content != null) {
			digest.update(content);
		}
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("No SHA-256 in this JVM", ex);
		}
	}

}

package io.physforge.suite.launch.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rebuild decision of {@code ./physforge-suite}: by the sources' content, never by
 * modification times.
 */
class BuildFingerprintTests {

	private static final List<String> MODULES = List.of("alpha-service", "gateway");

	@TempDir
	Path repository;

	@BeforeEach
	void builtRepository() throws IOException {
		write("pom.xml", "<project><modules><module>alpha-service</module>\n<module>gateway</module>"
				+ "<module>library</module></modules></project>");
		for (String module : List.of("alpha-service", "gateway", "library")) {
			write(module + "/pom.xml", "<project>" + module + "</project>");
			write(module + "/src/main/java/p/Main.java", "class Main { /* " + module + " */ }");
			write(module + "/src/main/resources/application.yml", "server.port: 1");
			write(module + "/src/test/java/p/MainTests.java", "class MainTests {}");
			write(module + "/target/" + module + "-0.1.0.jar", "jar");
		}
		BuildFingerprint.record(this.repository, BuildFingerprint.of(this.repository));
	}

	@Test
	void unchangedSourcesNeedNoBuildEvenWhenEveryFileLooksNewer() throws IOException {
		Instant future = Instant.now().plusSeconds(3600);
		try (Stream<Path> files = Files.walk(this.repository)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Files.setLastModifiedTime(file, FileTime.from(future));
			}
		}
		assertThat(reason()).isEmpty();
	}

	@Test
	void oneChangedByteInAnyModuleSourceOrPomNeedsABuild() throws IOException {
		for (String file : List.of("library/src/main/java/p/Main.java", "gateway/pom.xml", "pom.xml",
				"alpha-service/src/main/resources/application.yml")) {
			byte[] original = Files.readAllBytes(this.repository.resolve(file));
			byte[] changed = original.clone();
			changed[changed.length - 2] ^= 1;
			Files.write(this.repository.resolve(file), changed);
			assertThat(reason()).as(file).hasValue("the sources changed since the last build");
			Files.write(this.repository.resolve(file), original);
			assertThat(reason()).as(file + " restored").isEmpty();
		}
	}

	@Test
	void anAddedRemovedOrRenamedSourceNeedsABuild() throws IOException {
		write("library/src/main/java/p/Extra.java", "");
		assertThat(reason()).isPresent();
		Files.delete(this.repository.resolve("library/src/main/java/p/Extra.java"));
		assertThat(reason()).isEmpty();
		Files.move(this.repository.resolve("gateway/src/main/java/p/Main.java"),
				this.repository.resolve("gateway/src/main/java/p/Main2.java"));
		assertThat(reason()).isPresent();
	}

	@Test
	void testSourcesAndBuildOutputDoNotCount() throws IOException {
		write("library/src/test/java/p/MainTests.java", "class MainTests { int changed; }");
		write("library/target/classes/p/Main.class", "new");
		assertThat(reason()).isEmpty();
	}

	@Test
	void aMissingJarOrRecordNeedsABuild() throws IOException {
		Files.delete(this.repository.resolve("gateway/target/gateway-0.1.0.jar"));
		assertThat(reason()).hasValue("no jar of gateway");
		write("gateway/target/gateway-0.1.0.jar", "jar");
		assertThat(reason()).isEmpty();
		Files.delete(this.repository.resolve(BuildFingerprint.RECORD));
		assertThat(reason()).get().asString().startsWith("no record");
	}

	private java.util.Optional<String> reason() {
		return BuildFingerprint.reasonToBuild(this.repository, BuildFingerprint.of(this.repository), MODULES);
	}

	private void write(String file, String content) throws IOException {
		Path path = this.repository.resolve(file);
		Files.createDirectories(path.getParent());
		Files.writeString(path, content);
	}

}

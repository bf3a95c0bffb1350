package io.physforge.suite.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.physforge.suite.launch.internal.Jars;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SuiteSettingsTests {

	@TempDir
	Path repository;

	@Test
	void databaseComesFromPfDbUrlElsePhysforge() {
		assertThat(settings(Map.of()).database()).isEqualTo("physforge");
		assertThat(
				settings(Map.of("PF_DB_URL", "jdbc:postgresql://db.example:5433/science?sslmode=require")).database())
			.isEqualTo("science");
		assertThat(settings(Map.of("PF_DB_URL", "jdbc:postgresql://db.example:5433/")).database())
			.isEqualTo("physforge");
	}

	@Test
	void javaOptionsComeFromPfJavaOptsElseTheLeanDefaults() {
		assertThat(settings(Map.of()).javaOptions()).isEqualTo(SuiteSettings.DEFAULT_JAVA_OPTIONS)
			.contains("-XX:TieredStopAtLevel=1");
		assertThat(settings(Map.of("PF_JAVA_OPTS", " -Xmx1g  -XX:+UseG1GC ")).javaOptions()).containsExactly("-Xmx1g",
				"-XX:+UseG1GC");
	}

	@Test
	void missingJarSaysHowToBuildIt() throws IOException {
		Files.createDirectories(this.repository.resolve("data-service/target"));
		assertThatIllegalStateException().isThrownBy(() -> Jars.bootJar(this.repository, "data-service"))
			.withMessageContaining("No jar of data-service")
			.withMessageContaining("./mvnw -DskipTests package");
	}

	@Test
	void bootJarIgnoresSourcesAndExecVariants() throws IOException {
		Path target = Files.createDirectories(this.repository.resolve("suite/target"));
		Files.createFile(target.resolve("suite-0.1.0-SNAPSHOT-exec.jar"));
		Files.createFile(target.resolve("suite-0.1.0-SNAPSHOT-sources.jar"));
		Files.createFile(target.resolve("suite-0.1.0-SNAPSHOT.jar"));
		assertThat(Jars.bootJar(this.repository, "suite").getFileName()).hasToString("suite-0.1.0-SNAPSHOT.jar");
	}

	@Test
	void repositoryIsFoundFromBelowAndItsAbsenceExplained() throws IOException {
		Files.createFile(this.repository.resolve("pom.xml"));
		Files.createDirectories(this.repository.resolve("gateway"));
		Files.createDirectories(this.repository.resolve("auth-service"));
		Path deep = Files.createDirectories(this.repository.resolve("e2e/target/classes"));
		assertThat(Jars.findRepository(deep)).isEqualTo(this.repository.toAbsolutePath());
		assertThatIllegalStateException().isThrownBy(() -> Jars.findRepository(Path.of("/")))
			.withMessageContaining("No PhysForge repository above");
	}

	private SuiteSettings settings(Map<String, String> environment) {
		return SuiteSettings.builder().repository(this.repository).environment(environment).build();
	}

}

package io.physforge.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import io.physforge.core.io.DataSets;
import io.physforge.core.io.InvalidDataException;
import io.physforge.core.testing.ReferenceData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Bad input: a non-zero exit code and one line saying why, never a stack trace. */
class CliErrorsTest {

	private static void assertOneLine(CliRun run, int code, String contains) {
		assertThat(run.exitCode()).isEqualTo(code);
		assertThat(run.out()).isEmpty();
		assertThat(run.err().strip().lines().count()).as(run.err()).isEqualTo(1);
		assertThat(run.err()).contains(contains).doesNotContain("\tat ").doesNotContain("Exception:");
	}

	/**
	 * physics-core's malformed-file fixtures (one per kind of bad input, at least 20).
	 */
	static Stream<Path> malformedFixtures() throws IOException {
		Path dir = Path.of("..", "physics-core", "src", "test", "resources", "malformed").toAbsolutePath().normalize();
		assertThat(dir).isDirectory();
		return Files.list(dir).filter(Files::isRegularFile).sorted();
	}

	@Test
	void thereAreAtLeastTwentyKindsOfMalformedFile() throws IOException {
		assertThat(malformedFixtures().count()).isGreaterThanOrEqualTo(20);
	}

	/**
	 * Every malformed fixture: exit code 1 and one line carrying the reader's precise
	 * message (file, location, problem, fix).
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("malformedFixtures")
	void malformedFileGetsTheReadersMessage(Path fixture) {
		InvalidDataException expected = catchThrowableOfType(InvalidDataException.class, () -> DataSets.read(fixture));
		assertThat(expected).as("the reader rejects " + fixture.getFileName()).isNotNull();
		CliRun run = CliRun.of("discover", fixture.toString());
		assertOneLine(run, 1, expected.getMessage());
		assertThat(run.err()).contains(fixture.getFileName().toString()).contains("Fix:");
	}

	@Test
	void missingFile() {
		assertOneLine(CliRun.of("discover", "/no/such/file.h5"), 1, "no such file");
	}

	@Test
	void corruptFile(@TempDir Path dir) throws Exception {
		Path bad = dir.resolve("bad.h5");
		Files.writeString(bad, "this is not HDF5");
		assertOneLine(CliRun.of("discover", bad.toString()), 1, "bad.h5");
	}

	@Test
	void badSettings() {
		String file = ReferenceData.pdeFind("burgers.npz").toString();
		assertOneLine(CliRun.of("discover", file, "--max-order", "6"), 1, "1 to 4");
		assertOneLine(CliRun.of("discover", file, "--derivative", "magic"), 1, "magic");
		assertOneLine(CliRun.of("discover", file, "--fields", "q=nothing"), 1, "nothing");
		assertOneLine(CliRun.of("discover", file, "--selection", "cv"), 1, "model selection");
		assertOneLine(CliRun.of("discover", file, "--ensemble", "-5"), 1, "ensemble members");
		assertOneLine(CliRun.of("discover", file, "--inclusion-threshold", "0"), 1, "inclusion threshold");
	}

	@Test
	void badCommandLine() {
		assertOneLine(CliRun.of("discover"), 2, "FILE");
		assertOneLine(CliRun.of("discover", "x.h5", "--degree", "two"), 2, "--degree");
		assertOneLine(CliRun.of("simulate", "heat"), 2, "--out");
		assertOneLine(CliRun.of(), 2, "subcommand");
	}

	@Test
	void unknownSimulation(@TempDir Path dir) {
		assertOneLine(CliRun.of("simulate", "navier", "--out", dir.resolve("a.npz").toString()), 1, "known equations");
	}

}

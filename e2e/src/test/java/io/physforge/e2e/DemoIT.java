package io.physforge.e2e;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.physforge.suite.launch.Demo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The launcher's demo (what {@code ./physforge-suite} prints after startup) on the
 * running suite: every service answers, and the discovery pipeline on the PDE-FIND
 * Burgers data set prints {@code u_t = -1.0*u*u_x + 0.1*u_xx}.
 */
@ExtendWith(RunningSuite.class)
class DemoIT {

	private static final Pattern BURGERS = Pattern
		.compile("Discovered: u_t = -(\\d+\\.\\d+)\\*u\\*u_x \\+ (\\d+\\.\\d+)\\*u_xx\\R");

	private final Api api;

	DemoIT(Api api) {
		this.api = api;
	}

	@Test
	void theDemoRunsDiscoveryAndPrintsTheEquation() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		boolean passed = new Demo(this.api.suite(), new PrintStream(bytes, true, StandardCharsets.UTF_8)).run();
		String printed = bytes.toString(StandardCharsets.UTF_8);
		assertThat(passed).as(printed).isTrue();
		assertThat(printed).contains("POST /api/data/datasets (burgers.h5) -> 201").contains("completed 100%");
		Matcher equation = BURGERS.matcher(printed);
		assertThat(equation.find()).as(printed).isTrue();
		assertThat(Double.parseDouble(equation.group(1))).isCloseTo(1.0, within(0.01));
		assertThat(Double.parseDouble(equation.group(2))).isCloseTo(0.1, within(0.001));
	}

}

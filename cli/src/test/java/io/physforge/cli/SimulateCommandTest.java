package io.physforge.cli;

import java.nio.file.Path;

import io.physforge.core.field.Field;
import io.physforge.core.io.DataSets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code physforge simulate} writes a data set that {@code discover} explains. */
class SimulateCommandTest {

	@Test
	void simulatesThenDiscovers(@TempDir Path dir) {
		Path out = dir.resolve("adv.h5");
		CliRun sim = CliRun.of("simulate", "advection-diffusion", "--param", "c=0.5", "--out", out.toString(),
				"--noise", "0.01", "--seed", "3");
		assertThat(sim.exitCode()).as(sim.err()).isZero();
		assertThat(sim.out()).contains("wrote").contains("noise 0.01");
		Field f = DataSets.read(out);
		assertThat(f.fieldNames()).containsExactly("u");
		CliRun run = CliRun.of("discover", out.toString(), "--time-derivative", "fd");
		assertThat(run.exitCode()).as(run.err()).isZero();
		assertThat(run.out()).matches("u_t = -0\\.\\d{4}\\*u_x \\+ 0\\.\\d{4}\\*u_xx\\s*");
		double c = Double.parseDouble(run.out().substring(run.out().indexOf('-') + 1, run.out().indexOf('*')));
		assertThat(c).isBetween(0.49, 0.51);
	}

}

package io.physforge.pinn;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.physforge.core.field.Axis;
import io.physforge.core.field.Field;
import io.physforge.core.field.Grid;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * Progress, cancellation, determinism, settings checks and checkpoints on tiny problems.
 */
class PinnTrainingControlTest {

	static Field wave() {
		Grid grid = Grid.of(Axis.uniform("t", 0, 0.1, 11), Axis.uniform("x", -1, 0.1, 21));
		double[] u = new double[grid.size()];
		for (int i = 0; i < 11; i++) {
			for (int j = 0; j < 21; j++) {
				u[i * 21 + j] = Math.sin(Math.PI * (-1 + 0.1 * j - 0.5 * 0.1 * i));
			}
		}
		return Field.of(grid, "u", u);
	}

	private static PinnSettings small() {
		return PinnSettings.defaults()
			.withLayers(List.of(8, 8))
			.withPde("u_t = c*u_x")
			.withPoints(0, 200)
			.withEpochs(60, 20)
			.withProgressEvery(10)
			.withSeed(3);
	}

	@Test
	void reportsTheLossCurveAndIsDeterministicForASeed() {
		List<TrainingProgress> seen = new ArrayList<>();
		PinnResult a = PinnTrainer.train(wave(), small(), new TrainingMonitor() {
			@Override
			public void progress(TrainingProgress p) {
				seen.add(p);
			}
		});
		assertThat(seen).isNotEmpty();
		assertThat(seen.get(0).phase()).isEqualTo("adam");
		assertThat(seen.get(0).losses()).containsKeys("total", "data", "pde", "boundary", "initial", "regularisation");
		assertThat(seen.get(0).coefficients()).containsKey("c");
		assertThat(a.losses().get("total")).isLessThan(seen.get(0).losses().get("total"));
		PinnResult b = PinnTrainer.train(wave(), small(), TrainingMonitor.NONE);
		assertThat(b.coefficients().get("c")).isEqualTo(a.coefficients().get("c"));
		assertThat(a.provenance()).containsKeys("input", "inputSha256", "settings", "seed", "version", "backend");
	}

	@Test
	void stopsWhenCancelled() {
		int[] polls = new int[1];
		assertThatExceptionOfType(TrainingCancelledException.class)
			.isThrownBy(() -> PinnTrainer.train(wave(), small().withEpochs(100_000, 0), new TrainingMonitor() {
				@Override
				public boolean cancelled() {
					return ++polls[0] > 5;
				}
			}))
			.satisfies((ex) -> assertThat(ex.step()).isEqualTo(5));
	}

	@Test
	void rejectsBadSettingsNamingEachProblem() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PinnSettings.fromMap(Map.of("layers", "0x32", "epochs", -1, "learningRate", 2)))
			.withMessageContaining("layers")
			.withMessageContaining("epochs")
			.withMessageContaining("learningRate");
		assertThatIllegalArgumentException().isThrownBy(() -> PinnSettings.fromMap(Map.of("epoch", 5)))
			.withMessageContaining("unknown PINN setting 'epoch'");
		assertThat(PinnSettings.fromMap(Map.of("layers", "3x20")).hiddenLayers()).containsExactly(20, 20, 20);
		assertThat(PinnSettings.fromMap(small().asMap())).isEqualTo(small());
	}

	@Test
	void aCheckpointRoundTripsAndEvaluatesTheSame() throws IOException {
		PinnResult r = PinnTrainer.train(wave(), small(), TrainingMonitor.NONE);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		r.model().save(bytes);
		PinnModel loaded = PinnModel.load(new ByteArrayInputStream(bytes.toByteArray()));
		assertThat(loaded.architecture()).isEqualTo(r.model().architecture());
		assertThat(loaded.coefficients()).isEqualTo(r.model().coefficients());
		double[][] points = { { 0.3, 0.2 }, { 0.9, -0.7 } };
		double[] before = r.model().evaluate(List.of("u_x"), points).get("u_x");
		double[] after = loaded.evaluate(List.of("u_x"), points).get("u_x");
		assertThat(after[0]).isCloseTo(before[0], within(1e-12));
		assertThat(after[1]).isCloseTo(before[1], within(1e-12));
		assertThatExceptionOfType(IOException.class).isThrownBy(
				() -> PinnModel.load(new ByteArrayInputStream("{\"format\":\"x\"}".getBytes(StandardCharsets.UTF_8))))
			.withMessageContaining("not a PINN checkpoint");
	}

}

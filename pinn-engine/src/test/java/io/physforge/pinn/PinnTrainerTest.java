package io.physforge.pinn;

import java.util.List;

import io.physforge.core.field.Axis;
import io.physforge.core.field.Field;
import io.physforge.core.field.Grid;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A short training run end to end: the flat parameter vector (Adam and L-BFGS read and
 * write every weight matrix through it) and a loss that goes down.
 */
class PinnTrainerTest {

	@Test
	void aShortRunLowersTheDataLossAndGivesAModelOverTheInputs() {
		Grid grid = Grid.of(Axis.uniform("t", 0, 0.1, 11), Axis.uniform("x", -1, 0.1, 21));
		double[] u = new double[grid.size()];
		for (int i = 0; i < 11; i++) {
			for (int j = 0; j < 21; j++) {
				u[i * 21 + j] = Math.sin(Math.PI * (-1 + 0.1 * j)) * Math.exp(-0.1 * i);
			}
		}
		PinnResult result = PinnTrainer.train(Field.of(grid, "u", u),
				PinnSettings.defaults().withLayers(List.of(8, 8)).withEpochs(100, 20), TrainingMonitor.NONE);
		assertThat(result.model().inputs()).containsExactly("t", "x");
		assertThat(result.model().outputs()).containsExactly("u");
		assertThat(result.steps()).isPositive();
		List<TrainingProgress> history = result.history();
		assertThat(history.size()).isGreaterThanOrEqualTo(2);
		double first = history.get(0).losses().values().stream().mapToDouble(Double::doubleValue).sum();
		double last = result.losses().values().stream().mapToDouble(Double::doubleValue).sum();
		assertThat(last).isLessThan(first);
	}

}

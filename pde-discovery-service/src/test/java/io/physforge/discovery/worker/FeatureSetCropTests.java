package io.physforge.discovery.worker;

import java.util.Map;

import io.physforge.core.field.Axis;
import io.physforge.core.field.Field;
import io.physforge.core.field.Grid;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The trim of a feature set drops the unreliable edge points of each axis, keeping every
 * other value where it was.
 */
class FeatureSetCropTests {

	@Test
	void cropKeepsTheInteriorOfEachAxis() {
		Grid grid = Grid.of(Axis.uniform("t", 0, 1, 5), Axis.uniform("x", 0, 0.5, 7));
		double[] u = new double[grid.size()];
		for (int i = 0; i < u.length; i++) {
			u[i] = i;
		}
		Field cropped = FeatureSetReader.crop(Field.of(grid, "u_x", u), Map.of("t", 1, "x", 2), "test");
		assertThat(cropped.grid().shape()).containsExactly(3, 3);
		assertThat(cropped.grid().axis("t").values()).containsExactly(1, 2, 3);
		assertThat(cropped.grid().axis("x").values()).containsExactly(1.0, 1.5, 2.0);
		assertThat(cropped.values("u_x")).containsExactly(9, 10, 11, 16, 17, 18, 23, 24, 25);
		assertThat(FeatureSetReader.crop(Field.of(grid, "u", u), Map.of("t", 0), "test").values("u")).isSameAs(u);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> FeatureSetReader.crop(Field.of(grid, "u", u), Map.of("x", 4), "feature set f"))
			.withMessageContaining("axis 'x' of 7 points");
	}

}

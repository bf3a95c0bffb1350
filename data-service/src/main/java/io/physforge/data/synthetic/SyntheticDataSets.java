package io.physforge.data.synthetic;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.physforge.core.field.Field;
import io.physforge.core.field.Noise;
import io.physforge.core.simulate.SimulationResult;
import io.physforge.core.simulate.SimulationSettings;
import io.physforge.core.simulate.Simulations;
import io.physforge.data.DataProperties;
import io.physforge.data.dataset.DataSet;
import io.physforge.data.dataset.DataSetCatalog;
import io.physforge.data.synthetic.SimulationRequest.GridSpec;
import io.physforge.platform.problem.ProblemException;
import io.physforge.platform.security.CurrentUser;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Runs a built-in simulator ({@link Simulations}: Fourier pseudo-spectral with ETDRK4,
 * accuracy as documented there), adds seeded noise ({@link Noise#add}) and stores the
 * result as a data set whose provenance records equation, parameters, settings, true
 * equation, noise level, seed and software versions.
 */
@Service
public class SyntheticDataSets {

	private final DataSetCatalog catalog;

	private final DataProperties properties;

	public SyntheticDataSets(DataSetCatalog catalog, DataProperties properties) {
		this.catalog = catalog;
		this.properties = properties;
	}

	/**
	 * @return every built-in simulator with its defaults
	 */
	public List<Simulator> simulators() {
		return Simulations.names().stream().map((name) -> {
			SimulationSettings s = Simulations.defaultSettings(name);
			GridSpec grid = new GridSpec(s.xMin(), s.xLength(), s.nx(), s.twoDimensional() ? s.yMin() : null,
					s.twoDimensional() ? s.yLength() : null, s.twoDimensional() ? s.ny() : null, s.time(0),
					s.time(s.timeCount() - 1), s.timeCount());
			return new Simulator(name, Simulations.description(name), Simulations.fields(name),
					Simulations.dimension(name), Simulations.defaultParameters(name),
					Simulations.initialConditions(name), grid);
		}).toList();
	}

	/**
	 * Simulates and stores a data set of the caller.
	 * @param user the caller
	 * @param request the simulation
	 * @return the new data set
	 */
	public DataSet simulate(CurrentUser user, SimulationRequest request) {
		DataSetCatalog.requireWriter(user);
		String equation = (request.equation() != null) ? request.equation().strip() : "";
		if (!Simulations.names().contains(equation)) {
			throw ProblemException.badRequest("unknown-equation",
					"equation '" + equation + "' is not a built-in simulator; use one of " + Simulations.names() + ".");
		}
		double noise = (request.noise() != null) ? request.noise() : 0.0;
		long seed = (request.seed() != null) ? request.seed() : 0L;
		if (!Double.isFinite(noise) || noise < 0) {
			throw ProblemException.badRequest("validation",
					"noise must be a finite number >= 0 (0.01 = 1% of each field's standard deviation), got " + noise
							+ ".");
		}
		SimulationResult result;
		Field field;
		try {
			SimulationSettings settings = settings(equation, request);
			long points = (long) settings.timeCount() * settings.nx() * Math.max(1, settings.ny());
			if (points > this.properties.maxSimulationPoints()) {
				throw ProblemException.badRequest("simulation-too-large",
						"The grid has " + points + " points (times x space) but at most "
								+ this.properties.maxSimulationPoints()
								+ " are allowed (physforge.data.max-simulation-points); use fewer points.");
			}
			result = Simulations.simulateWithProvenance(equation, request.parameters(), settings);
			field = (noise > 0) ? Noise.add(result.field(), noise, seed) : result.field();
		}
		catch (IllegalArgumentException ex) {
			throw ProblemException.badRequest("invalid-simulation", ex.getMessage());
		}
		catch (IllegalStateException ex) {
			throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "simulation-failed", "Simulation failed",
					ex.getMessage() + " Try a smaller time span, a finer grid or other parameters.");
		}
		Map<String, Object> provenance = new LinkedHashMap<>(result.provenance().asMap());
		provenance.put("noise", Map.of("level", noise, "seed", seed, "model",
				"u + level * std(u) * N(0,1) per field (physics-core Noise.add)"));
		String name = (request.name() != null && !request.name().isBlank()) ? request.name() : equation + " simulation";
		return this.catalog.register(user, field, name, request.description(), provenance);
	}

	private static SimulationSettings settings(String equation, SimulationRequest request) {
		SimulationSettings s = Simulations.defaultSettings(equation);
		GridSpec g = request.grid();
		if (g != null) {
			s = s.withX(or(g.xMin(), s.xMin()), or(g.xLength(), s.xLength()), or(g.nx(), s.nx()));
			if (g.yMin() != null || g.yLength() != null || g.ny() != null) {
				s = s.withY(or(g.yMin(), s.yMin()), or(g.yLength(), s.yLength()), or(g.ny(), s.ny()));
			}
			if (g.tStart() != null || g.tEnd() != null || g.nt() != null) {
				s = s.withTimes(SimulationSettings.uniformTimes(or(g.tStart(), s.time(0)),
						or(g.tEnd(), s.time(s.timeCount() - 1)), or(g.nt(), s.timeCount())));
			}
		}
		if (request.initialCondition() != null && !request.initialCondition().isBlank()) {
			s = s.withInitialCondition(request.initialCondition().strip());
		}
		return s;
	}

	private static double or(Double value, double fallback) {
		return (value != null) ? value : fallback;
	}

	private static int or(Integer value, int fallback) {
		return (value != null) ? value : fallback;
	}

}

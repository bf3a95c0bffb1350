package io.physforge.data.synthetic;

import java.net.URI;
import java.util.List;

import io.physforge.data.dataset.DataSet;
import io.physforge.platform.security.CurrentUser;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/data/datasets/simulate} creates a data set from a built-in simulator;
 * {@code GET /api/data/simulators} lists the simulators with their defaults.
 */
@RestController
public class SimulationController {

	private final SyntheticDataSets synthetic;

	public SimulationController(SyntheticDataSets synthetic) {
		this.synthetic = synthetic;
	}

	/**
	 * @return the built-in simulators
	 */
	@GetMapping("/api/data/simulators")
	public List<Simulator> simulators() {
		return this.synthetic.simulators();
	}

	/**
	 * @param request equation, parameters, grid, noise, seed
	 * @return 201 with the new data set
	 */
	@PostMapping("/api/data/datasets/simulate")
	public ResponseEntity<DataSet> simulate(@RequestBody SimulationRequest request) {
		DataSet dataSet = this.synthetic.simulate(CurrentUser.get(), request);
		return ResponseEntity.created(URI.create("/api/data/datasets/" + dataSet.id())).body(dataSet);
	}

}

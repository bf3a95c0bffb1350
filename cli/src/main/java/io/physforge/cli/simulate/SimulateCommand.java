package io.physforge.cli.simulate;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import io.physforge.core.field.Field;
import io.physforge.core.field.Noise;
import io.physforge.core.io.DataSets;
import io.physforge.core.simulate.Simulations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Runs a built-in simulator with its default grid and times, adds noise if asked, and
 * writes the data set (format by the extension of {@code --out}).
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
		description = "Simulate a built-in equation and write the data set to a file.")
public final class SimulateCommand implements Callable<Integer> {

	@Spec
	private picocli.CommandLine.Model.CommandSpec spec;

	@Parameters(index = "0", paramLabel = "NAME",
			description = "equation: heat, advection-diffusion, burgers, kdv, kuramoto-sivashinsky, allen-cahn, fisher-kpp, nls, reaction-diffusion")
	private String name;

	@Option(names = "--param", split = ",", description = "parameter override, e.g. nu=0.05 (repeatable)")
	private Map<String, Double> params = new LinkedHashMap<>();

	@Option(names = "--out", required = true, description = "output file: .csv, .h5, .nc, .npz or .mat")
	private Path out;

	@Option(names = "--noise", defaultValue = "0",
			description = "noise level: u + level*std(u)*N(0,1) per field (default: ${DEFAULT-VALUE})")
	private double noise;

	@Option(names = "--seed", defaultValue = "1", description = "seed of the noise (default: ${DEFAULT-VALUE})")
	private long seed;

	@Override
	public Integer call() {
		if (!Simulations.names().contains(this.name)) {
			throw new IllegalArgumentException(
					"unknown equation '" + this.name + "'; known equations are " + Simulations.names());
		}
		if (!(this.noise >= 0)) {
			throw new IllegalArgumentException("--noise must be >= 0, got " + this.noise);
		}
		Field field = Simulations.simulate(this.name, this.params, null);
		if (this.noise > 0) {
			field = Noise.add(field, this.noise, this.seed);
		}
		DataSets.write(field, this.out);
		PrintWriter w = this.spec.commandLine().getOut();
		w.println("wrote " + this.out + ": " + this.name + " " + field.fieldNames() + " on " + field.grid()
				+ ((this.noise > 0) ? ", noise " + this.noise + " (seed " + this.seed + ")" : ""));
		w.flush();
		return 0;
	}

}

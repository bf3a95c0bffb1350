package io.physforge.cli.pinn;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import io.physforge.cli.internal.DataFileOptions;
import io.physforge.cli.internal.Json;
import io.physforge.cli.internal.ProgressBar;
import io.physforge.core.field.Field;
import io.physforge.core.field.Noise;
import io.physforge.pinn.PinnResult;
import io.physforge.pinn.PinnSettings;
import io.physforge.pinn.PinnTrainer;
import io.physforge.pinn.TrainingMonitor;
import io.physforge.pinn.TrainingProgress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Trains a PINN on a data file: with {@code --pde} the named coefficients are learned
 * (inverse problem), without it the network only denoises. Shows the losses on a progress
 * bar (standard error), then prints the learned coefficients and losses, or with
 * {@code --json}
 * {@code {"coefficients":{"c1":-1.0,"c2":0.1},"losses":{"data":..,"pde":..},"epochs":N,...}}.
 */
@Command(name = "pinn", mixinStandardHelpOptions = true,
		description = "Train a physics-informed neural network on a data file; learn the coefficients of --pde.")
public final class PinnCommand implements Callable<Integer> {

	@Spec
	private picocli.CommandLine.Model.CommandSpec spec;

	@Mixin
	private DataFileOptions input;

	@Option(names = "--pde",
			description = "equation with coefficients to learn, e.g. \"u_t = c1*u*u_x + c2*u_xx\" (numbers are fixed)")
	private String pde;

	@Option(names = "--layers", defaultValue = "4x32",
			description = "hidden layers: DEPTHxWIDTH or widths (default: ${DEFAULT-VALUE})")
	private String layers;

	@Option(names = "--epochs", defaultValue = "2000", description = "Adam steps (default: ${DEFAULT-VALUE})")
	private int epochs;

	@Option(names = "--lbfgs", defaultValue = "2000",
			description = "L-BFGS iterations after Adam, 0 for none (default: ${DEFAULT-VALUE})")
	private int lbfgs;

	@Option(names = "--learning-rate", defaultValue = "1e-3",
			description = "Adam step size (default: ${DEFAULT-VALUE})")
	private double learningRate;

	@Option(names = "--data-points", defaultValue = "2000",
			description = "data points drawn from the file, 0 for all (default: ${DEFAULT-VALUE})")
	private int dataPoints;

	@Option(names = "--collocation-points", defaultValue = "2000",
			description = "points where the residual is evaluated (default: ${DEFAULT-VALUE})")
	private int collocationPoints;

	@Option(names = "--noise", defaultValue = "0",
			description = "add Gaussian noise of this fraction of std(u) first, for experiments (default: ${DEFAULT-VALUE})")
	private double noise;

	@Option(names = "--seed", defaultValue = "0", description = "seed of weights, samples and noise")
	private long seed;

	@Option(names = "--save", paramLabel = "MODEL", description = "write the trained model (JSON checkpoint) here")
	private Path save;

	@Option(names = "--json", description = "print the result as JSON")
	private boolean json;

	@Override
	public Integer call() {
		PinnSettings settings = PinnSettings.defaults()
			.withLayers(PinnSettings.parseLayers(this.layers))
			.withPde(this.pde)
			.withEpochs(this.epochs, this.lbfgs)
			.withLearningRate(this.learningRate)
			.withPoints(this.dataPoints, this.collocationPoints)
			.withSeed(this.seed)
			.withProgressEvery(Math.max(1, (this.epochs + this.lbfgs) / 200));
		Field data = this.input.read();
		if (this.noise > 0) {
			data = Noise.add(data, this.noise, this.seed);
		}
		PrintWriter err = this.spec.commandLine().getErr();
		ProgressBar bar = new ProgressBar(err);
		PinnResult result = PinnTrainer.train(data, settings, new TrainingMonitor() {
			@Override
			public void progress(TrainingProgress p) {
				bar.show((int) Math.round(100 * p.fraction()), p.text());
			}
		});
		bar.done();
		if (this.save != null) {
			try {
				result.model().save(this.save);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(this.save + ": cannot write the model: " + ex.getMessage(), ex);
			}
		}
		PrintWriter out = this.spec.commandLine().getOut();
		if (this.json) {
			Map<String, Object> m = new LinkedHashMap<>(result.summary());
			m.put("equation", result.model().equation());
			m.put("noise", this.noise);
			m.put("model", (this.save != null) ? this.save.toString() : null);
			out.println(Json.write(m));
		}
		else {
			if (result.model().equation() != null) {
				out.println(result.model().equation());
			}
			result.coefficients().forEach((k, v) -> out.println(String.format(Locale.ROOT, "%s = %.6g", k, v)));
			out.println(String.format(Locale.ROOT, "losses: %s (%d steps, %.1f s)", losses(result.losses()),
					result.steps(), result.durationMillis() / 1000.0));
		}
		out.flush();
		return 0;
	}

	private static String losses(Map<String, Double> losses) {
		StringBuilder sb = new StringBuilder();
		losses.forEach((k, v) -> {
			if (v != 0 || k.equals("total")) {
				sb.append((sb.length() == 0) ? "" : ", ").append(String.format(Locale.ROOT, "%s %.3e", k, v));
			}
		});
		return sb.toString();
	}

}

package io.physforge.cli.discover;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.physforge.cli.internal.DataFileOptions;
import io.physforge.cli.internal.Json;
import io.physforge.cli.internal.ProgressBar;
import io.physforge.pinn.PinnDerivatives;
import io.physforge.pinn.PinnSettings;
import io.physforge.pinn.TrainingMonitor;
import io.physforge.pinn.TrainingProgress;
import io.physforge.core.discovery.DiscoveredEquation;
import io.physforge.core.discovery.Discovery;
import io.physforge.core.discovery.DiscoveryResult;
import io.physforge.core.discovery.DiscoverySettings;
import io.physforge.core.field.Field;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Reads a data file (CSV, HDF5, NetCDF, NPZ, MAT), discovers one equation per field and
 * prints {@code u_t = -1.0000*u*u_x + 0.1000*u_xx} lines or, with {@code --json}, the
 * discovery JSON contract.
 */
@Command(name = "discover", mixinStandardHelpOptions = true,
		description = "Discover the PDE u_t = ... of each field in a data file by sparse regression (PDE-FIND).")
public final class DiscoverCommand implements Callable<Integer> {

	@Spec
	private picocli.CommandLine.Model.CommandSpec spec;

	@Mixin
	private DataFileOptions input;

	@Option(names = "--targets", split = ",", description = "fields to find an equation for (default: all), e.g. u")
	private List<String> targets = List.of();

	@Option(names = "--derivative", defaultValue = "auto",
			description = "spatial derivative: auto, fd, poly, sg, spectral or pinn (a physics-informed network fitted "
					+ "to the data; options layers=4x32,epochs=1000,lbfgsIterations=2000, physics=path|sparse|none) "
					+ "(default: ${DEFAULT-VALUE})")
	private String derivative;

	@Option(names = "--derivative-option", split = ",",
			description = "option of the derivative method, e.g. width=10,degree=4")
	private Map<String, String> derivativeOptions = new LinkedHashMap<>();

	@Option(names = "--time-derivative", defaultValue = "auto",
			description = "time derivative: auto (the spatial method; fd for spectral), fd, poly or sg")
	private String timeDerivative;

	@Option(names = "--time-derivative-option", split = ",", description = "option of the time derivative method")
	private Map<String, String> timeDerivativeOptions = new LinkedHashMap<>();

	@Option(names = "--max-order", defaultValue = "4",
			description = "highest spatial derivative order in the library, 1-4 (default: ${DEFAULT-VALUE})")
	private int maxOrder;

	@Option(names = "--degree", defaultValue = "3",
			description = "highest power of the fields in the library (default: ${DEFAULT-VALUE})")
	private int degree;

	@Option(names = "--method", defaultValue = "auto",
			description = "auto (weak form when the estimated noise makes pointwise derivatives unsafe), "
					+ "strong or weak (default: ${DEFAULT-VALUE})")
	private String method;

	@Option(names = "--regression", defaultValue = "trainstridge",
			description = "strong form's sparse regression: trainstridge (automatic tolerance), stridge or stlsq "
					+ "(default: ${DEFAULT-VALUE}); with the weak form, stlsq fixes --threshold instead of MSTLS")
	private String regression;

	@Option(names = "--threshold", defaultValue = "0.05",
			description = "tolerance of stridge/stlsq on normalised coefficients (default: ${DEFAULT-VALUE})")
	private double threshold;

	@Option(names = "--l0-penalty", defaultValue = "0.01",
			description = "trainstridge's penalty per term, fraction of the |u_t| norm (default: ${DEFAULT-VALUE})")
	private double l0Penalty;

	@Option(names = "--max-rows", defaultValue = "100000",
			description = "largest number of grid points used as rows; more are subsampled (default: ${DEFAULT-VALUE})")
	private int maxRows;

	@Option(names = "--seed", defaultValue = "0", description = "seed of subsampling and train/test split")
	private long seed;

	@Option(names = "--ensemble", defaultValue = "-1",
			description = "bootstrap ensemble members for inclusion probabilities and intervals: -1 = auto "
					+ "(100 with the weak form, off with the strong form), 0 = off (default: ${DEFAULT-VALUE})")
	private int ensemble;

	@Option(names = "--inclusion-threshold", defaultValue = "0.5",
			description = "inclusion probability from which an ensemble keeps a term (default: ${DEFAULT-VALUE})")
	private double inclusionThreshold;

	@Option(names = "--library-fraction", defaultValue = "1.0",
			description = "fraction of the library each ensemble member sees; 1 = no library bagging "
					+ "(default: ${DEFAULT-VALUE})")
	private double libraryFraction;

	@Option(names = "--selection", defaultValue = "method",
			description = "model choice on the sparsity path: method (the regression's or the ensemble's), "
					+ "aic or bic; every candidate is in metrics.equations.*.candidates (default: ${DEFAULT-VALUE})")
	private String selection;

	@Option(names = "--validate",
			description = "re-simulate the discovered equations from the first time slice and report the "
					+ "trajectory error in metrics.validation")
	private boolean validate;

	@Option(names = "--product-rule",
			description = "weak form: also the products of a monomial and one derivative that are not "
					+ "divergences (u*u_xx, u*v_x), by integration by parts; needed for equations such as "
					+ "u_t = v*u_x (the strong form always has them)")
	private boolean productRule;

	@Option(names = "--json", description = "print the result as JSON (equations, metrics, provenance)")
	private boolean json;

	@Option(names = "--details",
			description = "after each equation, its terms with coefficient, 95% interval and inclusion "
					+ "probability, the terms dropped as insignificant, the method and the estimated noise level")
	private boolean details;

	@Override
	public Integer call() {
		DiscoverySettings defaults = DiscoverySettings.defaults();
		DiscoverySettings settings = new DiscoverySettings(this.targets, this.method, this.derivative,
				this.derivativeOptions, this.timeDerivative, this.timeDerivativeOptions, this.maxOrder, this.degree,
				this.regression, this.threshold, defaults.lambda(), this.l0Penalty, defaults.testFraction(),
				this.maxRows, this.seed, this.ensemble, this.inclusionThreshold, this.libraryFraction, this.selection,
				this.validate, this.productRule);
		Field data = this.input.read();
		DiscoveryResult result = discover(data, settings).withInput(this.input.file().getFileName().toString(),
				sha256(this.input.file()));
		PrintWriter out = this.spec.commandLine().getOut();
		if (this.json) {
			out.println(Json.write(result));
		}
		else {
			if (this.details) {
				UncertaintyReport.print(result, out);
			}
			else {
				for (DiscoveredEquation e : result.equations()) {
					out.println(e.text());
				}
			}
			if (this.validate) {
				out.println("validation: " + result.metrics().get("validation"));
			}
		}
		out.flush();
		return 0;
	}

	/**
	 * Discovery with the chosen derivative source: a PINN fitted in process (progress bar
	 * on standard error) for {@code --derivative pinn}, physics-core's differentiators
	 * otherwise.
	 */
	private DiscoveryResult discover(Field data, DiscoverySettings settings) {
		if (!settings.derivative().equalsIgnoreCase("pinn")) {
			return Discovery.discover(data, settings);
		}
		PinnSettings pinn = PinnDerivatives.settings(this.derivativeOptions, this.seed);
		ProgressBar bar = new ProgressBar(this.spec.commandLine().getErr());
		DiscoverySettings strong = settings.withMethod("strong");
		PinnDerivatives.Physics physics = PinnDerivatives.Physics.from(this.derivativeOptions);
		DiscoveryResult result = PinnDerivatives.discover(data, strong, pinn, physics, new TrainingMonitor() {
			@Override
			public void progress(TrainingProgress p) {
				bar.show((int) Math.round(100 * p.fraction()), "PINN " + p.text());
			}
		});
		bar.done();
		if (result.metrics().get("crossCheck") instanceof Map<?, ?> check
				&& Boolean.FALSE.equals(check.get("sameTerms"))) {
			PrintWriter err = this.spec.commandLine().getErr();
			err.println("warning: the weak form finds other terms on the same data " + check.get("equations")
					+ "; the PINN's derivatives may be biased (metrics.crossCheck)");
			err.flush();
		}
		return result;
	}

	private static String sha256(Path file) {
		try {
			MessageDigest md = MessageDigest.getInstance("SHA-256");
			try (var in = Files.newInputStream(file)) {
				byte[] b = new byte[1 << 16];
				int n;
				while ((n = in.read(b)) > 0) {
					md.update(b, 0, n);
				}
			}
			return HexFormat.of().formatHex(md.digest());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(file + ": cannot be read: " + ex.getMessage(), ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

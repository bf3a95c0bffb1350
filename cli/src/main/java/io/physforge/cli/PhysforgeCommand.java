package io.physforge.cli;

import io.physforge.cli.discover.DiscoverCommand;
import io.physforge.cli.pinn.PinnCommand;
import io.physforge.cli.internal.ErrorHandlers;
import io.physforge.cli.internal.VersionProvider;
import io.physforge.cli.remote.AuditCommand;
import io.physforge.cli.remote.DatasetsCommand;
import io.physforge.cli.remote.EquationsCommand;
import io.physforge.cli.remote.LoginCommand;
import io.physforge.cli.remote.LogoutCommand;
import io.physforge.cli.remote.PipelinesCommand;
import io.physforge.cli.remote.RunCommand;
import io.physforge.cli.simulate.SimulateCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code physforge}: discover governing equations from field data, locally
 * ({@code discover}, {@code simulate}, {@code pinn}) or through the PhysForge gateway
 * ({@code login}, {@code datasets}, {@code run}, {@code pipelines}, {@code equations}).
 */
@Command(name = "physforge", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
		description = "Discover the governing equations of physical systems from field data.",
		subcommands = { DiscoverCommand.class, SimulateCommand.class, PinnCommand.class, LoginCommand.class,
				LogoutCommand.class, DatasetsCommand.class, RunCommand.class, PipelinesCommand.class,
				EquationsCommand.class, AuditCommand.class, CommandLine.HelpCommand.class })
public final class PhysforgeCommand implements Runnable {

	@CommandLine.Spec
	private CommandLine.Model.CommandSpec spec;

	@Override
	public void run() {
		throw new CommandLine.ParameterException(this.spec.commandLine(),
				"a subcommand is required (discover, simulate, pinn, login, datasets, run, pipelines, equations, audit)");
	}

	/**
	 * The configured command line: one-line errors on standard error, exit code 2 for
	 * usage errors and 1 for bad data or failures.
	 */
	public static CommandLine commandLine() {
		CommandLine cl = new CommandLine(new PhysforgeCommand());
		cl.setParameterExceptionHandler(ErrorHandlers::parameterError);
		cl.setExecutionExceptionHandler(ErrorHandlers::executionError);
		cl.setCaseInsensitiveEnumValuesAllowed(true);
		return cl;
	}

	public static void main(String[] args) {
		System.exit(commandLine().execute(args));
	}

}

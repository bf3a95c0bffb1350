package io.physforge.cli.remote;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import io.physforge.cli.remote.internal.ApiClient;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of the remote commands: options, client, output streams.
 */
abstract class RemoteCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	RemoteOptions remote;

	PrintWriter out() {
		return this.spec.commandLine().getOut();
	}

	PrintWriter err() {
		return this.spec.commandLine().getErr();
	}

	ApiClient client() {
		return this.remote.client();
	}

	boolean json() {
		return this.remote.output() == RemoteOptions.Output.JSON;
	}

	@Override
	public Integer call() throws Exception {
		run();
		return 0;
	}

	abstract void run() throws Exception;

}

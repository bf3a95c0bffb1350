package io.physforge.cli.internal;

import java.io.PrintWriter;
import java.io.UncheckedIOException;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/** One-line error reports instead of stack traces. */
public final class ErrorHandlers {

	/** Exit code for bad data or a failed run. */
	public static final int FAILED = 1;

	/** Exit code for a bad command line. */
	public static final int USAGE = 2;

	private ErrorHandlers() {
	}

	/** A bad command line: the reason and where to get help. */
	public static int parameterError(ParameterException ex, String[] args) {
		CommandLine cl = ex.getCommandLine();
		PrintWriter err = cl.getErr();
		err.println(cl.getCommandName() + ": " + ex.getMessage() + " (try '" + qualifiedName(cl) + " --help')");
		err.flush();
		return USAGE;
	}

	/**
	 * Bad input (an {@link IllegalArgumentException}, such as the readers'
	 * {@code InvalidDataException}), unreadable files and failed computations: the
	 * message on one line.
	 */
	public static int executionError(Exception ex, CommandLine cl, ParseResult parseResult) {
		PrintWriter err = cl.getErr();
		String message;
		if (ex instanceof IllegalArgumentException || ex instanceof UncheckedIOException
				|| ex instanceof java.io.IOException || ex instanceof IllegalStateException
				|| ex instanceof ArithmeticException) {
			message = ex.getMessage();
		}
		else {
			message = ex.getClass().getSimpleName() + ": " + ex.getMessage();
		}
		if (message == null || message.isBlank()) {
			message = ex.getClass().getSimpleName();
		}
		err.println(qualifiedName(cl) + ": " + message.replace('\n', ' ').strip());
		err.flush();
		return FAILED;
	}

	private static String qualifiedName(CommandLine cl) {
		return cl.getCommandSpec().qualifiedName();
	}

}

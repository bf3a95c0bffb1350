package io.physforge.core.io;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A data file that cannot be read as a data set: says which file, where in it (line,
 * column, variable), what is wrong and how to fix it. The message reads
 * {@code "<file> (<location>): <problem>. Fix: <fix>"}.
 */
public class InvalidDataException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	private final transient Path file;

	private final String location;

	private final String problem;

	private final String fix;

	/**
	 * @param file the file that was read
	 * @param location where in the file ({@code "line 12, column 'u'"},
	 * {@code "variable 'usol'"}), or empty for the file as a whole
	 * @param problem what is wrong, in the reader's words
	 * @param fix what the user can do about it
	 */
	public InvalidDataException(Path file, String location, String problem, String fix) {
		this(file, location, problem, fix, null);
	}

	public InvalidDataException(Path file, String location, String problem, String fix, Throwable cause) {
		super(message(file, location, problem, fix), cause);
		this.file = file;
		this.location = Objects.requireNonNullElse(location, "");
		this.problem = Objects.requireNonNull(problem, "problem");
		this.fix = Objects.requireNonNullElse(fix, "");
	}

	private static String message(Path file, String location, String problem, String fix) {
		StringBuilder b = new StringBuilder();
		b.append(file == null ? "<input>" : file.toString());
		if (location != null && !location.isEmpty()) {
			b.append(" (").append(location).append(')');
		}
		b.append(": ").append(problem);
		if (fix != null && !fix.isEmpty()) {
			b.append(". Fix: ").append(fix);
		}
		return b.toString();
	}

	/** The file that was read (may be {@code null} for in-memory input). */
	public Path file() {
		return this.file;
	}

	/** Where in the file, or empty when the problem concerns the whole file. */
	public String location() {
		return this.location;
	}

	/** What is wrong. */
	public String problem() {
		return this.problem;
	}

	/** How to fix it. */
	public String fix() {
		return this.fix;
	}

}

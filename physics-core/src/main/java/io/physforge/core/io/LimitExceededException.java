package io.physforge.core.io;

import java.nio.file.Path;

/**
 * A file that declares or inflates to more than a {@link ReadLimits} setting allows: an
 * {@link InvalidDataException} whose fix names the setting to raise.
 */
public class LimitExceededException extends InvalidDataException {

	private static final long serialVersionUID = 1L;

	private final String setting;

	private final long limit;

	/**
	 * @param file the file that was read
	 * @param location where in the file
	 * @param problem what it declares, in the reader's words
	 * @param fix what the user can do, besides raising the setting
	 * @param setting the {@link ReadLimits} component that was exceeded
	 * @param limit its value
	 */
	public LimitExceededException(Path file, String location, String problem, String fix, String setting, long limit) {
		super(file, location, problem + " (limit " + setting + " = " + limit + ")",
				fix + ", or raise the read limit " + setting);
		this.setting = setting;
		this.limit = limit;
	}

	/**
	 * The {@link ReadLimits} component that was exceeded, such as
	 * {@code maxValuesPerArray}.
	 */
	public String setting() {
		return this.setting;
	}

	/** The value of that setting. */
	public long limit() {
		return this.limit;
	}

}

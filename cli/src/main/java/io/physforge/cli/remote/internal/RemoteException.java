package io.physforge.cli.remote.internal;

/**
 * A request the server refused or could not answer, as one line: the problem's detail and
 * field errors, or what went wrong on the way.
 */
public class RemoteException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	private final int status;

	/**
	 * @param status the HTTP status, 0 when no answer came
	 * @param message one line: what is wrong and how to fix it
	 */
	public RemoteException(int status, String message) {
		super(message);
		this.status = status;
	}

	/**
	 * @return the HTTP status, 0 when no answer came
	 */
	public int status() {
		return this.status;
	}

}

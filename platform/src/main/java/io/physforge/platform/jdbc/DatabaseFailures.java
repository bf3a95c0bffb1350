package io.physforge.platform.jdbc;

import java.net.ConnectException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a database that could not be reached from one that refused a statement, so a
 * stream consumer can wait out an outage (the entry is not counted as a failed delivery)
 * instead of dead-lettering what arrives meanwhile.
 */
public final class DatabaseFailures {

	private DatabaseFailures() {
	}

	/**
	 * @param failure what a database call threw
	 * @return whether its cause chain says the database could not be reached (no
	 * connection, no transaction), rather than that it refused this work
	 */
	public static boolean unreachable(Throwable failure) {
		Throwable cause = failure;
		for (int depth = 0; cause != null && depth < 32; depth++) {
			if (cause instanceof CannotGetJdbcConnectionException || cause instanceof CannotCreateTransactionException
					|| cause instanceof TransientDataAccessResourceException
					|| cause instanceof SQLTransientConnectionException || cause instanceof ConnectException) {
				return true;
			}
			cause = cause.getCause();
		}
		return false;
	}

}

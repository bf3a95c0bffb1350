package io.physforge.core.io.internal;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads text lines ({@code \n}, {@code \r\n} or {@code \r}) no longer than a limit: a
 * longer line stops the read once the limit is reached, without holding the rest.
 */
final class BoundedLines {

	private final Reader in;

	private final int maxLength;

	private final char[] buffer = new char[1 << 14];

	private int pos;

	private int end;

	private boolean skipLf;

	BoundedLines(Reader in, int maxLength) {
		this.in = in;
		this.maxLength = maxLength;
	}

	/**
	 * The next line without its terminator, or {@code null} at the end.
	 * @throws LineTooLongException when the line has more than the limit's characters
	 */
	String next() throws IOException {
		StringBuilder line = null;
		while (true) {
			if (this.pos == this.end) {
				this.end = this.in.read(this.buffer);
				this.pos = 0;
				if (this.end <= 0) {
					this.end = 0;
					return line == null ? null : line.toString();
				}
			}
			if (this.skipLf) {
				this.skipLf = false;
				if (this.buffer[this.pos] == '\n') {
					this.pos++;
					continue;
				}
			}
			int start = this.pos;
			while (this.pos < this.end && this.buffer[this.pos] != '\n' && this.buffer[this.pos] != '\r') {
				this.pos++;
			}
			int length = this.pos - start;
			if (line == null) {
				line = new StringBuilder(Math.min(length + 16, this.maxLength));
			}
			if (line.length() + length > this.maxLength) {
				throw new LineTooLongException();
			}
			line.append(this.buffer, start, length);
			if (this.pos < this.end) {
				this.skipLf = this.buffer[this.pos] == '\r';
				this.pos++;
				return line.toString();
			}
		}
	}

	/** A line longer than the limit. */
	static final class LineTooLongException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		LineTooLongException() {
			super(null, null, false, false);
		}

	}

}

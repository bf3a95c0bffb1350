package io.physforge.cli.internal;

import java.io.PrintWriter;

/**
 * A one-line progress bar redrawn in place ({@code \r}) on standard error.
 */
public final class ProgressBar {

	private static final int WIDTH = 30;

	private final PrintWriter err;

	private String last = "";

	/**
	 * @param err where to draw
	 */
	public ProgressBar(PrintWriter err) {
		this.err = err;
	}

	/**
	 * Redraws the bar.
	 * @param percent 0 to 100
	 * @param text what is going on
	 */
	public void show(int percent, String text) {
		int clamped = Math.max(0, Math.min(100, percent));
		int filled = clamped * WIDTH / 100;
		String line = "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + String.format("%3d%%", clamped)
				+ ((text != null && !text.isBlank()) ? " " + text : "");
		if (line.length() > 110) {
			line = line.substring(0, 107) + "...";
		}
		if (line.equals(this.last)) {
			return;
		}
		String pad = (this.last.length() > line.length()) ? " ".repeat(this.last.length() - line.length()) : "";
		this.err.print("\r" + line + pad);
		this.err.flush();
		this.last = line;
	}

	/** Ends the bar's line. */
	public void done() {
		if (!this.last.isEmpty()) {
			this.err.println();
			this.err.flush();
		}
	}

}

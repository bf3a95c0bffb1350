package io.physforge.cli.remote.internal;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Aligned text columns.
 */
public final class Table {

	private final List<String> headers;

	private final List<List<String>> rows = new ArrayList<>();

	/**
	 * @param headers the column headers
	 */
	public Table(String... headers) {
		this.headers = List.of(headers);
	}

	/**
	 * Adds a row.
	 * @param cells one per column ({@code null} printed as {@code -})
	 * @return this table
	 */
	public Table row(Object... cells) {
		List<String> row = new ArrayList<>();
		for (Object cell : cells) {
			row.add((cell == null) ? "-" : cell.toString());
		}
		this.rows.add(row);
		return this;
	}

	/**
	 * Prints the table.
	 * @param out where to
	 */
	public void print(PrintWriter out) {
		int[] widths = new int[this.headers.size()];
		for (int i = 0; i < widths.length; i++) {
			widths[i] = this.headers.get(i).length();
			for (List<String> row : this.rows) {
				widths[i] = Math.max(widths[i], row.get(i).length());
			}
		}
		line(out, this.headers, widths);
		for (List<String> row : this.rows) {
			line(out, row, widths);
		}
		out.flush();
	}

	private static void line(PrintWriter out, List<String> cells, int[] widths) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				text.append("  ");
			}
			text.append(cells.get(i));
			if (i < cells.size() - 1) {
				text.append(" ".repeat(widths[i] - cells.get(i).length()));
			}
		}
		out.println(text);
	}

}

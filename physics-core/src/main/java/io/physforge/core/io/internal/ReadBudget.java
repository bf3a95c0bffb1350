package io.physforge.core.io.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;

import io.physforge.core.io.InvalidDataException;
import io.physforge.core.io.LimitExceededException;
import io.physforge.core.io.ReadLimits;

/**
 * The {@link ReadLimits} of one read and what it has used so far: values read and bytes
 * inflated. Every check runs before the allocation or the work it guards.
 */
final class ReadBudget {

	/** Inflated bytes an entry may produce before its compression ratio is checked. */
	static final long RATIO_GRACE = 1 << 20;

	private final Path file;

	private final ReadLimits limits;

	private long values;

	private long inflated;

	ReadBudget(Path file, ReadLimits limits) {
		this.file = file;
		this.limits = limits;
	}

	ReadLimits limits() {
		return this.limits;
	}

	/**
	 * Checks a declared shape: rank, no negative dimension, and the number of values,
	 * computed without overflow.
	 * @return the number of values
	 */
	long checkShape(String location, long[] shape) {
		checkRank(location, shape.length);
		long n = 1;
		boolean overflow = false;
		for (long d : shape) {
			if (d < 0) {
				throw new InvalidDataException(this.file, location,
						"declares a negative dimension " + d + " in its shape " + Arrays.toString(shape),
						"the header is corrupt; export the array again");
			}
			if (!overflow) {
				try {
					n = Math.multiplyExact(n, d);
				}
				catch (ArithmeticException ex) {
					overflow = true;
				}
			}
		}
		if (n == 0) {
			return 0;
		}
		if (overflow || n > this.limits.maxValuesPerArray()) {
			throw exceeded(location,
					"declares " + (overflow ? "more than 2^63" : n) + " values (shape " + Arrays.toString(shape) + ")",
					"maxValuesPerArray", this.limits.maxValuesPerArray(),
					"split the data set into smaller files or coarsen the grid");
		}
		return n;
	}

	/** Checks a declared number of dimensions. */
	void checkRank(String location, long rank) {
		if (rank > this.limits.maxRank()) {
			throw exceeded(location, "declares " + rank + " dimensions", "maxRank", this.limits.maxRank(),
					"store the data with at most " + this.limits.maxRank() + " dimensions");
		}
	}

	/** Checks a declared shape given as ints. */
	long checkShape(String location, int[] shape) {
		long[] wide = new long[shape.length];
		for (int i = 0; i < shape.length; i++) {
			wide[i] = shape[i];
		}
		return checkShape(location, wide);
	}

	/** Counts values about to be read, against the total for the file. */
	void takeValues(String location, long count) {
		long total = this.values + count;
		if (count < 0 || total > this.limits.maxTotalValues()) {
			throw exceeded(location,
					"would bring the values read from the file to " + total + " (" + this.values + " read before)",
					"maxTotalValues", this.limits.maxTotalValues(),
					"split the data set into smaller files, or read only the fields you need (--fields)");
		}
		this.values = total;
	}

	/**
	 * Checks an entry's declared inflated size before it is opened.
	 */
	void checkDeclaredEntry(String location, long declaredBytes) {
		if (declaredBytes > this.limits.maxEntryBytes()) {
			throw exceeded(location, "declares " + declaredBytes + " uncompressed bytes", "maxEntryBytes",
					this.limits.maxEntryBytes(), "split the data set into smaller files");
		}
	}

	/**
	 * Wraps the inflating stream of one compressed entry so that the bytes it actually
	 * produces are counted against the per-entry and per-file limits and the compression
	 * ratio, whatever its headers declare.
	 * @param compressedBytes the entry's compressed size, or a negative number if unknown
	 */
	InputStream inflating(InputStream in, String location, long compressedBytes) {
		return new Counting(in, location, compressedBytes);
	}

	private LimitExceededException exceeded(String location, String problem, String setting, long limit, String fix) {
		return new LimitExceededException(this.file, location, problem, fix, setting, limit);
	}

	private final class Counting extends FilterInputStream {

		private final String location;

		private final long compressed;

		private long count;

		Counting(InputStream in, String location, long compressed) {
			super(in);
			this.location = location;
			this.compressed = compressed;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				add(1);
			}
			return b;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			int n = super.read(b, off, len);
			if (n > 0) {
				add(n);
			}
			return n;
		}

		@Override
		public long skip(long n) throws IOException {
			long skipped = super.skip(n);
			if (skipped > 0) {
				add(skipped);
			}
			return skipped;
		}

		private void add(long n) {
			this.count += n;
			ReadBudget budget = ReadBudget.this;
			budget.inflated += n;
			ReadLimits limits = budget.limits;
			if (this.count > limits.maxEntryBytes()) {
				throw exceeded(this.location, "inflates to more than " + limits.maxEntryBytes() + " bytes",
						"maxEntryBytes", limits.maxEntryBytes(), "split the data set into smaller files");
			}
			if (budget.inflated > limits.maxTotalBytes()) {
				throw exceeded(this.location,
						"brings the bytes inflated from the file to more than " + limits.maxTotalBytes(),
						"maxTotalBytes", limits.maxTotalBytes(), "split the data set into smaller files");
			}
			if (this.compressed > 0 && this.count > RATIO_GRACE
					&& this.count > limits.maxCompressionRatio() * this.compressed) {
				throw exceeded(this.location,
						"inflates more than " + (long) limits.maxCompressionRatio() + " times its " + this.compressed
								+ " compressed bytes (a decompression bomb?)",
						"maxCompressionRatio", (long) limits.maxCompressionRatio(),
						"store the arrays uncompressed (numpy.savez instead of savez_compressed)");
			}
		}

	}

}

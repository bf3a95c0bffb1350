package io.physforge.core.io;

/**
 * How much a reader may take from one file, checked against the sizes the file declares
 * before anything is allocated, and against the bytes actually decompressed while
 * streaming (compressed headers can lie). A file over a limit is refused with a
 * {@link LimitExceededException} naming the file, the array, the size and the setting to
 * raise.
 *
 * <p>
 * The defaults bound one read to about 1 GiB of {@code double}s; a server with a smaller
 * heap sets smaller ones.
 *
 * @param maxValuesPerArray most values one array may declare (a complex value counts
 * once); default 2^26 (512 MiB as doubles)
 * @param maxTotalValues most values read from one file, every array together; default
 * 2^27
 * @param maxRank most dimensions one array may declare; default 8
 * @param maxEntryBytes most bytes one compressed entry (an NPZ member, a MAT-file
 * compressed element) may inflate to; default 1 GiB
 * @param maxTotalBytes most bytes all compressed entries of one file may inflate to
 * together; default 2 GiB
 * @param maxCompressionRatio highest ratio of inflated to compressed bytes of one entry,
 * checked once it has inflated more than 1 MiB; default 200 (zip bombs reach 1,000)
 * @param maxCsvColumns most columns a CSV header may have; default 1024
 * @param maxLineLength most characters one CSV line may have; default 1 MiB
 */
public record ReadLimits(long maxValuesPerArray, long maxTotalValues, int maxRank, long maxEntryBytes,
		long maxTotalBytes, double maxCompressionRatio, int maxCsvColumns, int maxLineLength) {

	/** The documented defaults. */
	public static final ReadLimits DEFAULTS = builder().build();

	public ReadLimits {
		positive(maxValuesPerArray, "maxValuesPerArray");
		positive(maxTotalValues, "maxTotalValues");
		positive(maxRank, "maxRank");
		positive(maxEntryBytes, "maxEntryBytes");
		positive(maxTotalBytes, "maxTotalBytes");
		positive(maxCsvColumns, "maxCsvColumns");
		positive(maxLineLength, "maxLineLength");
		if (!(maxCompressionRatio >= 1)) {
			throw new IllegalArgumentException("maxCompressionRatio must be at least 1, was " + maxCompressionRatio);
		}
	}

	/** A builder starting from the defaults. */
	public static Builder builder() {
		return new Builder();
	}

	/** A builder starting from these limits. */
	public Builder toBuilder() {
		return new Builder().maxValuesPerArray(this.maxValuesPerArray)
			.maxTotalValues(this.maxTotalValues)
			.maxRank(this.maxRank)
			.maxEntryBytes(this.maxEntryBytes)
			.maxTotalBytes(this.maxTotalBytes)
			.maxCompressionRatio(this.maxCompressionRatio)
			.maxCsvColumns(this.maxCsvColumns)
			.maxLineLength(this.maxLineLength);
	}

	private static void positive(long value, String name) {
		if (value <= 0) {
			throw new IllegalArgumentException(name + " must be positive, was " + value);
		}
	}

	/** Builds {@link ReadLimits}; every setting starts at its default. */
	public static final class Builder {

		private long maxValuesPerArray = 1L << 26;

		private long maxTotalValues = 1L << 27;

		private int maxRank = 8;

		private long maxEntryBytes = 1L << 30;

		private long maxTotalBytes = 2L << 30;

		private double maxCompressionRatio = 200;

		private int maxCsvColumns = 1024;

		private int maxLineLength = 1 << 20;

		private Builder() {
		}

		public Builder maxValuesPerArray(long value) {
			this.maxValuesPerArray = value;
			return this;
		}

		public Builder maxTotalValues(long value) {
			this.maxTotalValues = value;
			return this;
		}

		public Builder maxRank(int value) {
			this.maxRank = value;
			return this;
		}

		public Builder maxEntryBytes(long value) {
			this.maxEntryBytes = value;
			return this;
		}

		public Builder maxTotalBytes(long value) {
			this.maxTotalBytes = value;
			return this;
		}

		public Builder maxCompressionRatio(double value) {
			this.maxCompressionRatio = value;
			return this;
		}

		public Builder maxCsvColumns(int value) {
			this.maxCsvColumns = value;
			return this;
		}

		public Builder maxLineLength(int value) {
			this.maxLineLength = value;
			return this;
		}

		public ReadLimits build() {
			return new ReadLimits(this.maxValuesPerArray, this.maxTotalValues, this.maxRank, this.maxEntryBytes,
					this.maxTotalBytes, this.maxCompressionRatio, this.maxCsvColumns, this.maxLineLength);
		}

	}

}

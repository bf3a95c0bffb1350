package io.physforge.data;

import io.physforge.core.io.ReadLimits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The physics-core {@link ReadLimits} uploads are read with
 * ({@code physforge.data.read-limits.*}); a file over one is answered 413 with the
 * reader's message. The defaults fit the service's heap: one array of at most 128 MiB of
 * doubles.
 *
 * @param maxValuesPerArray most values one array may declare
 * ({@code PF_DATA_MAX_VALUES_PER_ARRAY})
 * @param maxTotalValues most values read from one file ({@code PF_DATA_MAX_TOTAL_VALUES})
 * @param maxRank most dimensions of one array ({@code PF_DATA_MAX_RANK})
 * @param maxEntryBytes most bytes one compressed entry may inflate to
 * ({@code PF_DATA_MAX_ENTRY_BYTES})
 * @param maxTotalBytes most bytes one file's compressed entries may inflate to
 * ({@code PF_DATA_MAX_INFLATED_BYTES})
 * @param maxCompressionRatio highest inflated-to-compressed ratio of one entry
 * ({@code PF_DATA_MAX_COMPRESSION_RATIO})
 * @param maxCsvColumns most columns of a CSV header ({@code PF_DATA_MAX_CSV_COLUMNS})
 * @param maxLineLength most characters of one CSV line ({@code PF_DATA_MAX_LINE_LENGTH})
 */
@ConfigurationProperties("physforge.data.read-limits")
public record ReadLimitsProperties(@DefaultValue("16777216") long maxValuesPerArray,
		@DefaultValue("33554432") long maxTotalValues, @DefaultValue("8") int maxRank,
		@DefaultValue("256MB") DataSize maxEntryBytes, @DefaultValue("512MB") DataSize maxTotalBytes,
		@DefaultValue("200") double maxCompressionRatio, @DefaultValue("1024") int maxCsvColumns,
		@DefaultValue("1048576") int maxLineLength) {

	/**
	 * @return these settings as physics-core limits
	 * @throws IllegalArgumentException when a setting is not positive
	 */
	public ReadLimits toReadLimits() {
		return ReadLimits.builder()
			.maxValuesPerArray(this.maxValuesPerArray)
			.maxTotalValues(this.maxTotalValues)
			.maxRank(this.maxRank)
			.maxEntryBytes(this.maxEntryBytes.toBytes())
			.maxTotalBytes(this.maxTotalBytes.toBytes())
			.maxCompressionRatio(this.maxCompressionRatio)
			.maxCsvColumns(this.maxCsvColumns)
			.maxLineLength(this.maxLineLength)
			.build();
	}

}

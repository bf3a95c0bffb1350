package io.physforge.data;

import java.nio.file.Path;
import java.time.Duration;

import io.physforge.core.io.DataFormat;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of data-service ({@code physforge.data.*}).
 *
 * @param maxUploadSize largest file one upload may hold (multipart or resumable); larger
 * ones are answered 413 ({@code PF_DATA_MAX_UPLOAD_SIZE})
 * @param quota bytes each user may keep stored: originals plus canonical forms
 * ({@code PF_DATA_QUOTA})
 * @param canonicalFormat format of the canonical form workers read: {@code NPZ} or
 * {@code HDF5}
 * @param chunkSize chunk size of resumable uploads when the client names none
 * @param maxChunkSize largest chunk size a client may choose
 * @param uploadExpiry how long an unfinished resumable upload is kept after its last
 * chunk
 * @param presignExpiry lifetime of presigned download URLs
 * @param maxPreviewPoints most values one preview may return
 * @param maxSimulationPoints most grid points (times x space points) one simulation may
 * produce
 * @param tempDir where uploads are spooled; empty for {@code java.io.tmpdir}
 */
@ConfigurationProperties("physforge.data")
public record DataProperties(@DefaultValue("512MB") DataSize maxUploadSize, @DefaultValue("10GB") DataSize quota,
		@DefaultValue("NPZ") DataFormat canonicalFormat, @DefaultValue("8MB") DataSize chunkSize,
		@DefaultValue("64MB") DataSize maxChunkSize, @DefaultValue("24h") Duration uploadExpiry,
		@DefaultValue("15m") Duration presignExpiry, @DefaultValue("250000") int maxPreviewPoints,
		@DefaultValue("4000000") long maxSimulationPoints, Path tempDir) {

	public DataProperties {
		if (canonicalFormat != DataFormat.NPZ && canonicalFormat != DataFormat.HDF5) {
			throw new IllegalArgumentException(
					"physforge.data.canonical-format must be NPZ or HDF5 (what workers read), was " + canonicalFormat);
		}
		if (chunkSize.toBytes() <= 0 || chunkSize.toBytes() > maxChunkSize.toBytes()) {
			throw new IllegalArgumentException("physforge.data.chunk-size must be positive and at most "
					+ "physforge.data.max-chunk-size (" + maxChunkSize + "), was " + chunkSize);
		}
	}

	/**
	 * @return the spool folder
	 */
	public Path spoolDirectory() {
		return (this.tempDir != null) ? this.tempDir : Path.of(System.getProperty("java.io.tmpdir"), "physforge-data");
	}

}

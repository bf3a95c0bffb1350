package io.physforge.data.upload;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The state of a resumable upload.
 *
 * @param id the upload id
 * @param name name the data set will get
 * @param description its description
 * @param filename the file name (its extension must match the content)
 * @param size total bytes declared at the start
 * @param chunkSize bytes of every chunk but the last
 * @param chunkCount number of chunks, {@code ceil(size / chunkSize)}
 * @param sha256 SHA-256 the client declared, or {@code null}
 * @param receivedChunks indexes of the chunks received, ascending
 * @param missingChunks indexes still missing, ascending
 * @param receivedBytes bytes received
 * @param receivedRanges received byte ranges {@code [start, end)}, merged, ascending
 * @param createdAt when the upload started
 * @param expiresAt when an unfinished upload is discarded
 */
public record UploadSession(UUID id, String name, String description, String filename, long size, long chunkSize,
		int chunkCount, String sha256, List<Integer> receivedChunks, List<Integer> missingChunks, long receivedBytes,
		List<long[]> receivedRanges, Instant createdAt, Instant expiresAt) {

}

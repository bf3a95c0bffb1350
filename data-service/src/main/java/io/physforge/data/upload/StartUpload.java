package io.physforge.data.upload;

/**
 * Request starting a resumable upload.
 *
 * @param filename the file's name; its extension must match its content, as for a
 * multipart upload
 * @param size total bytes of the file
 * @param name name of the data set, the file name without extension when blank
 * @param description free text
 * @param sha256 SHA-256 of the whole file (hex), checked on completion; optional
 * @param chunkSize bytes per chunk; the service default when {@code null}
 */
public record StartUpload(String filename, Long size, String name, String description, String sha256, Long chunkSize) {

}

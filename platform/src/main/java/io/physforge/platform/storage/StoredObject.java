package io.physforge.platform.storage;

/**
 * An object written by {@link ObjectStorage#put}.
 *
 * @param bucket the bucket
 * @param key the server-generated key
 * @param size the size in bytes
 * @param contentType the content type
 * @param etag the entity tag reported by the server
 */
public record StoredObject(String bucket, String key, long size, String contentType, String etag) {

}

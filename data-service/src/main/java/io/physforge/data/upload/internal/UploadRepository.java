package io.physforge.data.upload.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rows of {@code data.uploads} and {@code data.upload_chunks}.
 */
@Repository
public class UploadRepository {

	private final JdbcClient jdbc;

	public UploadRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Inserts an upload.
	 * @param row the upload
	 */
	public void insert(UploadRow row) {
		this.jdbc.sql("""
				INSERT INTO uploads (id, owner_id, name, description, filename, total_size, chunk_size, sha256,
				    created_at, updated_at)
				VALUES (:id, :owner, :name, :description, :filename, :size, :chunkSize, :sha256, :createdAt, :createdAt)
				""")
			.param("id", row.id())
			.param("owner", row.owner())
			.param("name", row.name())
			.param("description", row.description())
			.param("filename", row.filename())
			.param("size", row.size())
			.param("chunkSize", row.chunkSize())
			.param("sha256", row.sha256())
			.param("createdAt", java.sql.Timestamp.from(row.createdAt()))
			.update();
	}

	/**
	 * @param id upload id
	 * @param owner the caller's id, or {@code null} for an ADMIN
	 * @return the upload when it exists and the caller may see it
	 */
	public Optional<UploadRow> find(UUID id, String owner) {
		return this.jdbc
			.sql("SELECT * FROM uploads WHERE id = :id AND (CAST(:owner AS text) IS NULL OR owner_id = :owner)")
			.param("id", id)
			.param("owner", owner)
			.query((rs, n) -> new UploadRow(rs.getObject("id", UUID.class), rs.getString("owner_id"),
					rs.getString("name"), rs.getString("description"), rs.getString("filename"),
					rs.getLong("total_size"), rs.getLong("chunk_size"), rs.getString("sha256"),
					rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant()))
			.optional();
	}

	/**
	 * @param id upload id
	 * @return its chunks by index
	 */
	public List<ChunkRow> chunks(UUID id) {
		return this.jdbc
			.sql("SELECT chunk_index, object_key, size FROM upload_chunks WHERE upload_id = :id ORDER BY chunk_index")
			.param("id", id)
			.query((rs, n) -> new ChunkRow(rs.getInt(1), rs.getString(2), rs.getLong(3)))
			.list();
	}

	/**
	 * Records a chunk, replacing an earlier copy.
	 * @param id upload id
	 * @param chunk the chunk
	 * @return the object key of the replaced copy, or {@code null}
	 */
	@Transactional
	public String putChunk(UUID id, ChunkRow chunk) {
		String previous = this.jdbc
			.sql("SELECT object_key FROM upload_chunks WHERE upload_id = :id AND chunk_index = :index FOR UPDATE")
			.param("id", id)
			.param("index", chunk.index())
			.query(String.class)
			.optional()
			.orElse(null);
		this.jdbc.sql("""
				INSERT INTO upload_chunks (upload_id, chunk_index, object_key, size) VALUES (:id, :index, :key, :size)
				ON CONFLICT (upload_id, chunk_index)
				DO UPDATE SET object_key = EXCLUDED.object_key, size = EXCLUDED.size, received_at = now()
				""")
			.param("id", id)
			.param("index", chunk.index())
			.param("key", chunk.key())
			.param("size", chunk.size())
			.update();
		this.jdbc.sql("UPDATE uploads SET updated_at = now() WHERE id = :id").param("id", id).update();
		return previous;
	}

	/**
	 * Deletes an upload and its chunk rows.
	 * @param id upload id
	 */
	public void delete(UUID id) {
		this.jdbc.sql("DELETE FROM uploads WHERE id = :id").param("id", id).update();
	}

	/**
	 * @param before a time
	 * @return ids of uploads last touched before it
	 */
	public List<UUID> idleSince(Instant before) {
		return this.jdbc.sql("SELECT id FROM uploads WHERE updated_at < :before")
			.param("before", java.sql.Timestamp.from(before))
			.query(UUID.class)
			.list();
	}

	/**
	 * An upload row.
	 *
	 * @param id id
	 * @param owner owner id
	 * @param name data set name
	 * @param description description
	 * @param filename file name
	 * @param size total size
	 * @param chunkSize chunk size
	 * @param sha256 declared SHA-256 or {@code null}
	 * @param createdAt start time
	 * @param updatedAt last chunk time
	 */
	public record UploadRow(UUID id, String owner, String name, String description, String filename, long size,
			long chunkSize, String sha256, Instant createdAt, Instant updatedAt) {

	}

	/**
	 * A received chunk.
	 *
	 * @param index chunk index
	 * @param key object key
	 * @param size bytes
	 */
	public record ChunkRow(int index, String key, long size) {

	}

}

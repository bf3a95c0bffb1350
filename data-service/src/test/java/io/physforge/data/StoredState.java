package io.physforge.data;

import java.util.HashSet;
import java.util.Set;

import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.messages.Item;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What an upload left behind, for tests asserting that a refused one changed nothing: the
 * owner's rows and the keys in bucket {@code datasets}.
 */
final class StoredState {

	private StoredState() {
	}

	static long rows(JdbcClient jdbc, String owner) {
		return jdbc.sql("SELECT count(*) FROM data.datasets WHERE owner_id = :owner")
			.param("owner", owner)
			.query(Long.class)
			.single();
	}

	static Set<String> bucketKeys(MinioClient minio) {
		Set<String> keys = new HashSet<>();
		try {
			for (Result<Item> item : minio.listObjects(ListObjectsArgs.builder().bucket("datasets").build())) {
				keys.add(item.get().objectName());
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		return keys;
	}

}

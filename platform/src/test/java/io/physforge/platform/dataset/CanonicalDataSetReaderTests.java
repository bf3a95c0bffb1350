package io.physforge.platform.dataset;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import io.minio.MinioClient;
import io.physforge.core.field.Axis;
import io.physforge.core.field.Field;
import io.physforge.core.field.Grid;
import io.physforge.core.io.DataFormat;
import io.physforge.core.io.DataSets;
import io.physforge.platform.dataset.CanonicalDataSetReader.BadDataSetException;
import io.physforge.platform.queue.JobInput;
import io.physforge.platform.queue.JobResultRef;
import io.physforge.platform.storage.ObjectStorage;
import io.physforge.platform.storage.StoredObject;
import io.physforge.suite.infra.LocalInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link CanonicalDataSetReader} against a real S3-compatible server (MinIO on
 * 127.0.0.1:9000 or PF_S3_ENDPOINT when there is one, else S3Proxy in this JVM).
 */
class CanonicalDataSetReaderTests {

	private static LocalInfrastructure infra;

	private static ObjectStorage storage;

	private static CanonicalDataSetReader reader;

	@BeforeAll
	static void start() {
		infra = LocalInfrastructure.create();
		MinioClient client = MinioClient.builder()
			.endpoint(infra.s3().endpoint().toString())
			.credentials(infra.s3().accessKey(), infra.s3().secretKey())
			.region("us-east-1")
			.build();
		storage = new ObjectStorage(client, List.of(CanonicalDataSetReader.BUCKET), 5L * 1024 * 1024);
		storage.ensureBuckets();
		reader = new CanonicalDataSetReader(storage, "test");
	}

	@AfterAll
	static void stop() {
		infra.close();
	}

	@Test
	void readsACanonicalFormBackExactly(@TempDir Path dir) throws Exception {
		Grid grid = Grid.of(Axis.uniform("t", 0, 0.1, 3), Axis.uniform("x", -1, 0.5, 5));
		double[] u = new double[grid.size()];
		for (int i = 0; i < u.length; i++) {
			u[i] = Math.sin(0.37 * i) + i;
		}
		Field field = Field.of(grid, "u", u);
		Path file = dir.resolve("canonical.npz");
		DataSets.write(field, file, DataFormat.NPZ);
		byte[] bytes = Files.readAllBytes(file);
		StoredObject stored = storage.put(CanonicalDataSetReader.BUCKET, new ByteArrayInputStream(bytes), bytes.length,
				"application/octet-stream");

		Field read = reader.read(UUID.randomUUID(), stored.key());
		assertThat(read.fieldNames()).containsExactly("u");
		assertThat(read.values("u")).containsExactly(u);
		assertThat(read.grid().axes()).hasSize(2);
		storage.delete(CanonicalDataSetReader.BUCKET, stored.key());
	}

	@Test
	void aMissingObjectOrAnUploadThatIsNotCanonicalIsABadDataSet() {
		UUID id = UUID.randomUUID();
		String missing = UUID.randomUUID().toString();
		assertThatExceptionOfType(BadDataSetException.class).isThrownBy(() -> reader.read(id, missing))
			.withMessageContaining(id.toString())
			.withMessageContaining("datasets/" + missing)
			.withMessageContaining("does not exist in storage")
			.withMessageContaining("Upload the data set again");

		byte[] csv = "t,x,u\n0,0,1\n".getBytes();
		StoredObject stored = storage.put(CanonicalDataSetReader.BUCKET, new ByteArrayInputStream(csv), csv.length,
				"text/csv");
		assertThatExceptionOfType(BadDataSetException.class).isThrownBy(() -> reader.read(id, stored.key()))
			.withMessageContaining("not a canonical form");
		storage.delete(CanonicalDataSetReader.BUCKET, stored.key());

		assertThatExceptionOfType(BadDataSetException.class).isThrownBy(() -> reader.read(id, null))
			.withMessageContaining("names no canonical form of data set " + id)
			.withMessageContaining("datasetObjectKey");
	}

	@Test
	void theObjectKeyIsThePayloadsElseTheFirstUpstreamResultInTheDataSetsBucket() {
		JobInput model = new JobInput("pinn", UUID.randomUUID(), "pinn",
				new JobResultRef(JobResultRef.PINN_MODEL, "m1", "s3://models/m1.json", null));
		JobInput upload = new JobInput("upload", UUID.randomUUID(), "upload",
				new JobResultRef("dataset", "d1", "s3://datasets/k1", null));
		JobInput none = new JobInput("other", UUID.randomUUID(), "other", null);
		assertThat(CanonicalDataSetReader.objectKey(" k0 ", List.of(model, upload))).isEqualTo("k0");
		assertThat(CanonicalDataSetReader.objectKey(null, List.of(none, model, upload))).isEqualTo("k1");
		assertThat(CanonicalDataSetReader.objectKey(" ", List.of(model))).isNull();
		assertThat(JobInput.resultsOfKind(List.of(none, model, upload), JobResultRef.PINN_MODEL))
			.extracting(JobResultRef::id)
			.containsExactly("m1");
	}

}

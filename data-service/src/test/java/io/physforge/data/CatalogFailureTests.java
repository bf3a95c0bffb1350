package io.physforge.data;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.messages.Item;
import io.physforge.core.io.DataFormat;
import io.physforge.core.io.ReadLimits;
import io.physforge.data.dataset.DataSet;
import io.physforge.data.dataset.DataSetCatalog;
import io.physforge.data.dataset.DataSetEvents;
import io.physforge.data.dataset.SpooledFile;
import io.physforge.data.dataset.Spooler;
import io.physforge.data.dataset.internal.DataSetRepository;
import io.physforge.platform.audit.AuditRecorder;
import io.physforge.platform.problem.ProblemException;
import io.physforge.platform.security.CurrentUser;
import io.physforge.platform.storage.ObjectStorage;
import io.physforge.suite.infra.S3Endpoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Failures after objects were stored: the catalog deletes what it put and its temporary
 * files. Real S3 server; the database insert is made to fail.
 */
class CatalogFailureTests {

	private static MinioClient minio;

	private static ObjectStorage storage;

	@TempDir
	Path spoolDir;

	@BeforeAll
	static void storage() {
		S3Endpoint s3 = TestInfrastructure.infra().s3();
		minio = MinioClient.builder()
			.endpoint(s3.endpoint().toString())
			.credentials(s3.accessKey(), s3.secretKey())
			.region("us-east-1")
			.build();
		storage = new ObjectStorage(minio, List.of(DataSet.BUCKET), 5L * 1024 * 1024);
		storage.ensureBuckets();
	}

	@Test
	void failedInsertDeletesStoredObjectsAndTemporaryFiles() throws IOException {
		DataProperties properties = properties(DataSize.ofMegabytes(1));
		Spooler spooler = new Spooler(properties);
		DataSetRepository failing = new DataSetRepository(null, null) {

			@Override
			public long storedBytes(String owner) {
				return 0;
			}

			@Override
			public void insert(DataSet dataSet) {
				assertThat(storage.exists(DataSet.BUCKET, dataSet.originalKey())).isTrue();
				assertThat(storage.exists(DataSet.BUCKET, dataSet.canonicalKey())).isTrue();
				throw new IllegalStateException("database went away");
			}

		};
		DataSetCatalog catalog = new DataSetCatalog(failing, storage, spooler, properties,
				new DataSetEvents(new StaticListableBeanFactory().getBeanProvider(AuditRecorder.class),
						TransactionOperations.withoutTransaction()),
				ReadLimits.DEFAULTS);
		CurrentUser user = new CurrentUser("u-1", null, Set.of("RESEARCHER"));
		Set<String> before = keys();
		try (InputStream in = Files.newInputStream(TestInfrastructure.dataset("pde-find/burgers.h5"));
				SpooledFile spooled = spooler.spool(in, "burgers.h5")) {
			assertThatIllegalStateException().isThrownBy(() -> catalog.ingest(user, spooled, "x", null))
				.withMessage("database went away");
			assertThat(files()).containsExactly(spooled.path());
		}
		assertThat(files()).isEmpty();
		assertThat(keys()).isEqualTo(before);
	}

	@Test
	void spoolingStopsAtTheLimitAndDeletesThePartialFile() throws IOException {
		Spooler spooler = new Spooler(properties(DataSize.ofKilobytes(2)));
		assertThatExceptionOfType(ProblemException.class)
			.isThrownBy(() -> spooler.spool(new ByteArrayInputStream(new byte[2049]), "big.h5"))
			.satisfies((ex) -> assertThat(ex.getStatus().value()).isEqualTo(413))
			.withMessageContaining("2048 bytes");
		assertThat(files()).isEmpty();
		try (SpooledFile ok = spooler.spool(new ByteArrayInputStream(new byte[2048]), "../../etc/ok.h5")) {
			assertThat(ok.size()).isEqualTo(2048);
			assertThat(ok.filename()).isEqualTo("ok.h5");
			assertThat(ok.path().getParent()).isEqualTo(this.spoolDir);
			assertThat(ok.path().getFileName().toString()).endsWith(".h5");
			assertThat(ok.sha256()).isEqualTo("e5a00aa9991ac8a5ee3109844d84a55583bd20572ad3ffcd42792f3c36b183ad");
		}
	}

	@Test
	void sweepDeletesOnlyStaleSpoolFiles() throws IOException {
		Spooler spooler = new Spooler(properties(DataSize.ofKilobytes(2)));
		Path stale = Files.writeString(this.spoolDir.resolve("stale.h5"), "left by a crash");
		Files.setLastModifiedTime(stale,
				java.nio.file.attribute.FileTime.from(Instant.now().minus(Duration.ofHours(2))));
		Path fresh = Files.writeString(this.spoolDir.resolve("fresh.h5"), "in use");
		assertThat(spooler.sweep()).isEqualTo(1);
		assertThat(files()).containsExactly(fresh);
	}

	private DataProperties properties(DataSize maxUpload) {
		return new DataProperties(maxUpload, DataSize.ofMegabytes(10), DataFormat.NPZ, DataSize.ofKilobytes(1),
				DataSize.ofMegabytes(1), Duration.ofHours(1), Duration.ofMinutes(1), 1000, 1000, this.spoolDir);
	}

	private List<Path> files() throws IOException {
		try (Stream<Path> list = Files.list(this.spoolDir)) {
			return list.toList();
		}
	}

	private static Set<String> keys() {
		Set<String> keys = new HashSet<>();
		try {
			for (Result<Item> item : minio.listObjects(ListObjectsArgs.builder().bucket(DataSet.BUCKET).build())) {
				keys.add(item.get().objectName());
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		return keys;
	}

}

package io.physforge.audit.log;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.physforge.audit.chain.SigningKeys;
import io.physforge.audit.chain.VerifyResult;
import io.physforge.audit.keys.AuditKeys;
import io.physforge.audit.support.AuditSchema;
import io.physforge.audit.support.Events;
import io.physforge.audit.verify.ChainVerifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two service instances appending to one log at the same time: the chain-head lock keeps
 * the chain and every checkpoint consistent, each instance catching its Merkle frontier
 * up with the other's rows, and a redelivered batch is stored once.
 */
class AuditIngestTests {

	private final AuditSchema schema = AuditSchema.create().migrate();

	@AfterEach
	void drop() throws SQLException {
		this.schema.close();
	}

	@Test
	void twoInstancesNeverInterleaveAndEveryCheckpointHolds() throws Exception {
		AuditKeys keys = AuditKeys.of(new byte[40], SigningKeys.generate());
		EventLogRows rows = new EventLogRows(100);
		AuditIngest first = new AuditIngest(this.schema.writer(), rows, keys, 100, Clock.systemUTC());
		AuditIngest second = new AuditIngest(this.schema.writer(), rows, keys, 100, Clock.systemUTC());
		first.start();
		second.start();
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (AuditIngest instance : List.of(first, second)) {
				done.add(pool.submit(() -> {
					for (int batch = 0; batch < 8; batch++) {
						List<RawEntry> entries = Events.batch(40, UUID.randomUUID().toString());
						instance.ingest(entries);
						instance.ingest(entries.subList(0, 10)); // redelivered: stored
																	// once
					}
					return null;
				}));
			}
			for (Future<?> future : done) {
				future.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		first.checkpointNow();
		try (Connection connection = this.schema.writer().getConnection()) {
			assertThat(rows.head(connection).seq()).isEqualTo(640);
			assertThat(rows.checkpoints(connection, -1, -1)).hasSizeGreaterThanOrEqualTo(6);
			assertThat(new ChainVerifier(rows, keys.hashes(), 100).verify(connection)).isEqualTo(VerifyResult.ok(640));
		}
	}

}

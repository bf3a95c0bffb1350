package io.physforge.data.dataset;

import java.util.Map;
import java.util.function.BooleanSupplier;

import io.physforge.platform.audit.AuditEvent;
import io.physforge.platform.audit.AuditRecorder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Audit events of the data set feature, recorded with the platform's
 * {@link AuditRecorder} in the same transaction as the row change they describe (actor,
 * request id and client address from the current request). Records nothing when auditing
 * is switched off.
 */
@Component
public class DataSetEvents {

	/** Resource type of data sets in audit events. */
	public static final String RESOURCE = "dataset";

	private final ObjectProvider<AuditRecorder> recorder;

	private final TransactionOperations transactions;

	public DataSetEvents(ObjectProvider<AuditRecorder> recorder, TransactionOperations transactions) {
		this.recorder = recorder;
		this.transactions = transactions;
	}

	/**
	 * Inserts a new data set's row and records {@code dataset.upload} in one transaction.
	 * @param dataSet the data set (uploaded or simulated: its source is bound)
	 * @param insert inserts the row
	 */
	void uploaded(DataSet dataSet, Runnable insert) {
		this.transactions.executeWithoutResult((status) -> {
			insert.run();
			record(AuditEvent.builder("dataset.upload", RESOURCE)
				.resourceId(dataSet.id())
				.details(Map.of("source", dataSet.source(), "format", dataSet.format(), "sha256",
						String.valueOf(dataSet.sha256()), "bytes", dataSet.byteSize())));
		});
	}

	/**
	 * Deletes a data set's row and records {@code dataset.delete} in one transaction.
	 * @param dataSet the data set
	 * @param delete deletes the row, answering whether it existed
	 * @return whether it existed (nothing is recorded when not)
	 */
	boolean deleted(DataSet dataSet, BooleanSupplier delete) {
		Boolean deleted = this.transactions.execute((status) -> {
			if (!delete.getAsBoolean()) {
				return false;
			}
			record(AuditEvent.builder("dataset.delete", RESOURCE).resourceId(dataSet.id()));
			return true;
		});
		return Boolean.TRUE.equals(deleted);
	}

	/**
	 * Records {@code dataset.download}: the original or the canonical form, as bytes or
	 * as a presigned URL.
	 * @param dataSet the data set
	 * @param form {@code original} or {@code canonical}
	 * @param presigned whether a presigned URL was handed out
	 */
	void downloaded(DataSet dataSet, String form, boolean presigned) {
		record(AuditEvent.builder("dataset.download", RESOURCE)
			.resourceId(dataSet.id())
			.details(Map.of("form", form, "presigned", presigned)));
	}

	private void record(AuditEvent.Builder event) {
		this.recorder.ifAvailable((audit) -> audit.record(event));
	}

}

package io.physforge.data.dataset;

import io.physforge.platform.audit.AuditOutcome;
import io.physforge.platform.audit.AuditPublisher;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Audit events of the data set feature, published to {@code pf:audit} through the
 * platform's {@link AuditPublisher} (actor, request id and client address from the
 * current request). Does nothing when auditing is switched off.
 */
@Component
public class DataSetEvents {

	/** Resource type of data sets in audit events. */
	public static final String RESOURCE = "dataset";

	private final ObjectProvider<AuditPublisher> publisher;

	public DataSetEvents(ObjectProvider<AuditPublisher> publisher) {
		this.publisher = publisher;
	}

	void created(DataSet dataSet) {
		publish("dataset.create", dataSet);
	}

	void deleted(DataSet dataSet) {
		publish("dataset.delete", dataSet);
	}

	private void publish(String action, DataSet dataSet) {
		this.publisher.ifAvailable(
				(audit) -> audit.publish(null, action, RESOURCE, dataSet.id().toString(), AuditOutcome.SUCCESS));
	}

}

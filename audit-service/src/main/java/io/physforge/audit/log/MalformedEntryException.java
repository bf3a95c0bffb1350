package io.physforge.audit.log;

/**
 * A stream entry that is not a valid audit event (docs/audit-events.md): the caller
 * dead-letters it; nothing of its batch was stored.
 */
public class MalformedEntryException extends IllegalArgumentException {

	private final String entryId;

	/**
	 * @param entryId the stream entry id
	 * @param reason what is wrong
	 */
	public MalformedEntryException(String entryId, String reason) {
		super("audit stream entry " + entryId + " is not a valid audit event: " + reason);
		this.entryId = entryId;
	}

	/**
	 * @return the stream entry id
	 */
	public String entryId() {
		return this.entryId;
	}

}

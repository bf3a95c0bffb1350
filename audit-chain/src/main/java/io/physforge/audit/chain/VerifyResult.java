package io.physforge.audit.chain;

/**
 * The outcome of checking an audit log or an export of it.
 *
 * @param valid whether every check passed
 * @param checked number of events checked
 * @param firstBadSeq the first seq found wrong, or {@code null} when valid (or when the
 * fault is not one event's, such as a bad checkpoint signature in an export)
 * @param reason what is wrong, or {@code null} when valid
 */
public record VerifyResult(boolean valid, long checked, Long firstBadSeq, String reason) {

	/**
	 * @param checked events checked
	 * @return a valid result
	 */
	public static VerifyResult ok(long checked) {
		return new VerifyResult(true, checked, null, null);
	}

	/**
	 * @param checked events checked
	 * @param firstBadSeq first bad seq, or {@code null}
	 * @param reason what is wrong
	 * @return an invalid result
	 */
	public static VerifyResult bad(long checked, Long firstBadSeq, String reason) {
		return new VerifyResult(false, checked, firstBadSeq, reason);
	}

}

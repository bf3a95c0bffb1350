package io.physforge.audit.log;

import java.util.Map;

/**
 * One entry of the {@code pf:audit} stream as read: its stream id and its fields (the
 * event JSON is the field {@value #EVENT_FIELD}).
 *
 * @param id the stream entry id, such as {@code 1733600000000-0}
 * @param fields the entry's fields
 */
public record RawEntry(String id, Map<String, String> fields) {

	/** The field holding the event JSON. */
	public static final String EVENT_FIELD = "event";

	public RawEntry {
		fields = Map.copyOf(fields);
	}

}

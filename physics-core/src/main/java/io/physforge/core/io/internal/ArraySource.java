package io.physforge.core.io.internal;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * A file opened as a set of named numeric arrays. Headers come first and cheaply; the
 * values of an array are read only when asked for, so that unused arrays are never held.
 */
public interface ArraySource extends Closeable {

	/** The numeric arrays in file order. */
	List<ArrayInfo> arrays() throws IOException;

	/** The values of one array, read now. */
	ArrayData read(ArrayInfo array) throws IOException;

	/**
	 * A short word for the kind of entry, for messages: "variable", "dataset", "array".
	 */
	String entryKind();

}

package io.physforge.core.io.internal;

import java.io.IOException;
import java.util.List;

/**
 * An {@link ArraySource} whose declared shapes are checked against the read limits before
 * the assembler sees them, and whose reads are counted against the file's total before
 * any value is allocated.
 */
final class LimitedSource implements ArraySource {

	private final ArraySource source;

	private final ReadBudget budget;

	LimitedSource(ArraySource source, ReadBudget budget) {
		this.source = source;
		this.budget = budget;
	}

	@Override
	public List<ArrayInfo> arrays() throws IOException {
		List<ArrayInfo> arrays = this.source.arrays();
		for (ArrayInfo a : arrays) {
			this.budget.checkShape(a.location(), a.shape());
		}
		return arrays;
	}

	@Override
	public ArrayData read(ArrayInfo array) throws IOException {
		long n = this.budget.checkShape(array.location(), array.shape());
		this.budget.takeValues(array.location(), array.complex() ? 2 * n : n);
		return this.source.read(array);
	}

	@Override
	public String entryKind() {
		return this.source.entryKind();
	}

	@Override
	public void close() throws IOException {
		this.source.close();
	}

}

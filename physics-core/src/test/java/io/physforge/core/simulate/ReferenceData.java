package io.physforge.core.simulate;

import org.jetbrains.bio.npy.NpyArray;
import org.jetbrains.bio.npy.NpzFile;

/**
 * Reads NPZ arrays of the shared reference data sets (located by
 * {@link io.physforge.core.testing.ReferenceData}).
 */
final class ReferenceData {

	private ReferenceData() {
	}

	/** Array {@code name} of {@code pde-find/<file>}. */
	static NpyArray npz(String file, String name) {
		try (NpzFile.Reader reader = NpzFile.read(io.physforge.core.testing.ReferenceData.pdeFind(file))) {
			return reader.get(name, 1 << 18);
		}
	}

}

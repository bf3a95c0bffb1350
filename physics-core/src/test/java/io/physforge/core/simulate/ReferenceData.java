package io.physforge.core.simulate;

import java.nio.file.Files;
import java.nio.file.Path;

import org.jetbrains.bio.npy.NpyArray;
import org.jetbrains.bio.npy.NpzFile;

/**
 * Locates the shared reference data sets (system property {@code physforge.datasets},
 * else the first {@code shared/datasets} found walking up from the working directory) and
 * reads NPZ arrays.
 */
final class ReferenceData {

	private ReferenceData() {
	}

	static Path datasets() {
		String property = System.getProperty("physforge.datasets");
		if (property != null && !property.isBlank()) {
			return Path.of(property);
		}
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			Path candidate = dir.resolve("shared").resolve("datasets");
			if (Files.isDirectory(candidate)) {
				return candidate;
			}
		}
		throw new IllegalStateException("no shared/datasets folder above " + Path.of("").toAbsolutePath()
				+ "; set -Dphysforge.datasets=/path/to/datasets");
	}

	/** Array {@code name} of {@code pde-find/<file>}. */
	static NpyArray npz(String file, String name) {
		try (NpzFile.Reader reader = NpzFile.read(datasets().resolve("pde-find").resolve(file))) {
			return reader.get(name, 1 << 18);
		}
	}

}

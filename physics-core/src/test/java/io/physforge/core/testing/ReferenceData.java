package io.physforge.core.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the shared reference data sets for tests and benches: the system property
 * {@code physforge.datasets} if set, else the first {@code shared/datasets} folder found
 * walking up from the working directory (CI clones the repository with {@code shared/}
 * beside it). Published in physics-core's test-jar so every module finds the data the
 * same way.
 */
public final class ReferenceData {

	private ReferenceData() {
	}

	/** The {@code datasets} folder. */
	public static Path datasets() {
		String property = System.getProperty("physforge.datasets");
		if (property != null && !property.isBlank()) {
			Path p = Path.of(property);
			if (!Files.isDirectory(p)) {
				throw new IllegalStateException("physforge.datasets=" + property + " is not a directory");
			}
			return p;
		}
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			Path candidate = dir.resolve("shared").resolve("datasets");
			if (Files.isDirectory(candidate)) {
				return candidate;
			}
		}
		throw new IllegalStateException("no shared/datasets folder above " + Path.of("").toAbsolutePath()
				+ "; set -Dphysforge.datasets=/path/to/shared/datasets");
	}

	/** The PDE-FIND folder ({@code datasets/pde-find}). */
	public static Path pdeFind() {
		return datasets().resolve("pde-find");
	}

	/** A file of the PDE-FIND folder, e.g. {@code burgers.h5}. */
	public static Path pdeFind(String file) {
		return pdeFind().resolve(file);
	}

}

package io.physforge.e2e;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the reference data sets: system property {@code physforge.datasets}, else the
 * first {@code shared/datasets} folder walking up from the working directory.
 */
final class ReferenceData {

	private ReferenceData() {
	}

	static Path burgers() {
		return directory().resolve("pde-find").resolve("burgers.h5");
	}

	static Path directory() {
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
		throw new IllegalStateException("No shared/datasets folder above " + Path.of("").toAbsolutePath()
				+ "; set -Dphysforge.datasets=<folder with pde-find/burgers.h5>");
	}

}

package io.physforge.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the reference data sets: the system property {@code physforge.datasets} if set,
 * else the first {@code shared/datasets} folder found walking up from the working
 * directory (CI clones the repository with {@code shared/} beside it).
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

	static Path pdeFind(String file) {
		return datasets().resolve("pde-find").resolve(file);
	}

}

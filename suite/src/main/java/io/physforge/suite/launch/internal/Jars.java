package io.physforge.suite.launch.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the repository and the Boot jars the build left in each module's {@code target}.
 */
public final class Jars {

	private Jars() {
	}

	/**
	 * Walks up from {@code start} to the directory holding the root {@code pom.xml} and
	 * the {@code gateway} module.
	 * @param start where to start
	 * @return the repository root
	 * @throws IllegalStateException if there is none above {@code start}
	 */
	public static Path findRepository(Path start) {
		for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
			if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("gateway"))
					&& Files.isDirectory(dir.resolve("auth-service"))) {
				return dir;
			}
		}
		throw new IllegalStateException("No PhysForge repository above " + start
				+ ": run from inside the repository or set the repository explicitly (SuiteSettings.repository)");
	}

	/**
	 * The executable jar of a module, {@code <module>/target/<module>-<version>.jar}.
	 * @param repository the repository root
	 * @param module the module
	 * @return the jar
	 * @throws IllegalStateException saying how to build it if it is missing
	 */
	public static Path bootJar(Path repository, String module) {
		Path target = repository.resolve(module).resolve("target");
		List<Path> jars = List.of();
		if (Files.isDirectory(target)) {
			try (Stream<Path> files = Files.list(target)) {
				jars = files.filter((file) -> {
					String name = file.getFileName().toString();
					return name.startsWith(module + "-") && name.endsWith(".jar") && !name.endsWith("-sources.jar")
							&& !name.endsWith("-javadoc.jar") && !name.endsWith("-tests.jar")
							&& !name.endsWith("-exec.jar");
				}).sorted().toList();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		if (jars.isEmpty()) {
			throw new IllegalStateException("No jar of " + module + " in " + target
					+ ": build the suite first with './mvnw -DskipTests package' from " + repository);
		}
		return jars.get(jars.size() - 1);
	}

}

package io.physforge.suite.launch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * A repository layout the launcher accepts ({@code pom.xml},
 * {@code <module>/target/*.jar}) whose jars run {@link FakeService}.
 */
final class FakeRepository {

	private FakeRepository() {
	}

	static Path create(Path root, String... modules) throws IOException {
		Files.writeString(root.resolve("pom.xml"), "<project/>");
		String entry = FakeService.class.getName().replace('.', '/') + ".class";
		byte[] classFile;
		try (InputStream in = FakeService.class.getClassLoader().getResourceAsStream(entry)) {
			classFile = in.readAllBytes();
		}
		Manifest manifest = new Manifest();
		manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
		manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeService.class.getName());
		for (String module : modules) {
			Path target = Files.createDirectories(root.resolve(module).resolve("target"));
			try (OutputStream file = Files.newOutputStream(target.resolve(module + "-0.1.0.jar"));
					JarOutputStream jar = new JarOutputStream(file, manifest)) {
				jar.putNextEntry(new JarEntry(entry));
				jar.write(classFile);
				jar.closeEntry();
			}
		}
		return root;
	}

}

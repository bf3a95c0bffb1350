package io.physforge.core.discovery.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The physics-core version, from the resource
 * {@code io/physforge/core/version.properties} that the build fills in.
 */
public final class Versions {

	private static final String VERSION = load();

	private Versions() {
	}

	public static String physicsCore() {
		return VERSION;
	}

	private static String load() {
		try (InputStream in = Versions.class.getResourceAsStream("/io/physforge/core/version.properties")) {
			if (in == null) {
				return "unknown";
			}
			Properties p = new Properties();
			p.load(in);
			return p.getProperty("version", "unknown");
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

}

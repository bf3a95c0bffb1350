package io.physforge.cli.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import picocli.CommandLine.IVersionProvider;

/** {@code physforge --version}: the physics-core version the CLI was built with. */
public final class VersionProvider implements IVersionProvider {

	@Override
	public String[] getVersion() throws IOException {
		try (InputStream in = VersionProvider.class.getResourceAsStream("/io/physforge/core/version.properties")) {
			Properties p = new Properties();
			if (in != null) {
				p.load(in);
			}
			return new String[] { "physforge " + p.getProperty("version", "unknown") };
		}
	}

}

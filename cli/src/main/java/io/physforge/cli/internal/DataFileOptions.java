package io.physforge.cli.internal;

import java.nio.file.Files;
import java.nio.file.Path;

import io.physforge.core.field.Field;
import io.physforge.core.io.DataSets;
import io.physforge.core.io.ReadOptions;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The data file of a local command and how to read it ({@code FILE --fields --coords
 * --layout}), shared by {@code discover} and {@code pinn} as a picocli mixin.
 */
public final class DataFileOptions {

	@Parameters(index = "0", paramLabel = "FILE", description = "data file: .csv, .h5, .nc, .npz or .mat")
	private Path file;

	@Option(names = "--fields",
			description = "field names for the fields found (u,v), or a mapping to file variables (u=usol)")
	private String fields;

	@Option(names = "--coords", description = "coordinates: canonical axes (t,x) or a mapping (t=tt,x=x)")
	private String coords;

	@Option(names = "--layout", description = "the file's dimension order of the fields, e.g. x,t")
	private String layout;

	public Path file() {
		return this.file;
	}

	/**
	 * Reads the file.
	 * @throws IllegalArgumentException when it does not exist, or for bad read options
	 * @throws io.physforge.core.io.InvalidDataException when it cannot be read
	 */
	public Field read() {
		if (!Files.isRegularFile(this.file)) {
			throw new IllegalArgumentException(
					this.file + ": no such file; give the path of a .csv, .h5, .nc, .npz or .mat data file");
		}
		return DataSets.read(this.file, ReadOptions.parse(this.coords, this.fields, this.layout));
	}

}

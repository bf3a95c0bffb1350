package io.physforge.core.io.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** A {@code .npz} archive: every {@code NAME.npy} entry is an array named NAME. */
final class NpzSource implements ArraySource {

	/** Name of the optional text array naming the field arrays' dimensions. */
	static final String DIMS = "dims";

	private final Path file;

	private final ZipFile zip;

	private final Map<String, ZipEntry> entries = new HashMap<>();

	private final ReadBudget budget;

	NpzSource(Path file, ReadBudget budget) throws IOException {
		this.file = file;
		this.budget = budget;
		this.zip = new ZipFile(file.toFile());
	}

	@Override
	public String entryKind() {
		return "array";
	}

	/**
	 * The arrays, in archive order. A text array named {@code dims} (as
	 * {@code numpy.savez(..., dims=["t", "x"])} and our writer store it) names the
	 * dimensions of every array of that rank; other text arrays are skipped when they are
	 * vectors or scalars (labels) and rejected when they are matrices (data in the wrong
	 * type).
	 */
	@Override
	public List<ArrayInfo> arrays() throws IOException {
		List<ArrayInfo> out = new ArrayList<>();
		List<String> dims = null;
		Enumeration<? extends ZipEntry> all = this.zip.entries();
		while (all.hasMoreElements()) {
			ZipEntry e = all.nextElement();
			if (e.isDirectory() || !e.getName().endsWith(".npy")) {
				continue;
			}
			String name = e.getName().substring(0, e.getName().length() - 4);
			String location = "array '" + name + "' (" + e.getName() + ")";
			this.budget.checkDeclaredEntry(location, e.getSize());
			try (InputStream in = open(e, location, 1 << 13)) {
				Npy.Header h = Npy.readHeader(in, this.file, location, this.budget);
				if (Npy.isText(h) && h.shape().length <= 1) {
					if (name.equals(DIMS)) {
						dims = List.of(Npy.readStrings(in, h));
					}
					continue;
				}
				Npy.requireNumeric(h, this.file, location);
				this.entries.put(name, e);
				out.add(new ArrayInfo(name, h.shape(), null, h.complex(), location));
			}
		}
		if (dims != null) {
			for (int i = 0; i < out.size(); i++) {
				ArrayInfo a = out.get(i);
				if (a.shape().length == dims.size() && a.shape().length > 1) {
					out.set(i, new ArrayInfo(a.name(), a.shape(), dims, a.complex(), a.location()));
				}
			}
		}
		return out;
	}

	@Override
	public ArrayData read(ArrayInfo array) throws IOException {
		try (InputStream in = open(this.entries.get(array.name()), array.location(), 1 << 16)) {
			Npy.Header h = Npy.readHeader(in, this.file, array.location(), this.budget);
			return Npy.readData(in, h, this.file, array.location());
		}
	}

	/**
	 * The entry's inflated bytes, counted against the limits whatever its header says.
	 */
	private InputStream open(ZipEntry e, String location, int buffer) throws IOException {
		return new BufferedInputStream(
				this.budget.inflating(this.zip.getInputStream(e), location, e.getCompressedSize()), buffer);
	}

	@Override
	public void close() throws IOException {
		this.zip.close();
	}

}

package io.physforge.core.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Test helpers: the reference data sets and hand-made NumPy files. */
final class TestFiles {

	private TestFiles() {
	}

	/** The PDE-FIND data folder ({@link io.physforge.core.testing.ReferenceData}). */
	static Path pdeFind() {
		return io.physforge.core.testing.ReferenceData.pdeFind();
	}

	static byte[] npy(String descr, boolean fortran, int[] shape, byte[] data) {
		StringBuilder dims = new StringBuilder();
		for (int d : shape) {
			dims.append(d).append(", ");
		}
		if (shape.length > 1) {
			dims.setLength(dims.length() - 2);
		}
		else if (shape.length == 1) {
			dims.setLength(dims.length() - 1);
		}
		String dict = "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': ("
				+ dims + "), }";
		int total = 10 + dict.length() + 1;
		int pad = (64 - total % 64) % 64;
		String header = dict + " ".repeat(pad) + "\n";
		ByteBuffer b = ByteBuffer.allocate(10 + header.length() + data.length).order(ByteOrder.LITTLE_ENDIAN);
		b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
		b.putShort((short) header.length());
		b.put(header.getBytes(StandardCharsets.US_ASCII)).put(data);
		return b.array();
	}

	/** Little-endian float64 bytes. */
	static byte[] f8(double... values) {
		ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
		for (double v : values) {
			b.putDouble(v);
		}
		return b.array();
	}

	/** A real float64 .npy entry. */
	static byte[] npyF8(int[] shape, double... values) {
		return npy("<f8", false, shape, f8(values));
	}

	/** A zip archive of named entries (names get ".npy" appended). */
	static byte[] npz(Map<String, byte[]> arrays) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			for (Map.Entry<String, byte[]> e : arrays.entrySet()) {
				zip.putNextEntry(new ZipEntry(e.getKey() + ".npy"));
				zip.write(e.getValue());
				zip.closeEntry();
			}
		}
		return bytes.toByteArray();
	}

	static Map<String, byte[]> arrays(Object... nameBytes) {
		Map<String, byte[]> m = new LinkedHashMap<>();
		for (int i = 0; i < nameBytes.length; i += 2) {
			m.put((String) nameBytes[i], (byte[]) nameBytes[i + 1]);
		}
		return m;
	}

	static double[] range(int n, double start, double step) {
		double[] v = new double[n];
		for (int i = 0; i < n; i++) {
			v[i] = start + i * step;
		}
		return v;
	}

}

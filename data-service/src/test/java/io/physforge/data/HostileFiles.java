package io.physforge.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Hostile uploads made in memory: NPZ files that lie about their sizes, a very wide CSV.
 */
final class HostileFiles {

	private HostileFiles() {
	}

	/**
	 * An NPZ whose one array {@code u} declares 2 x 10^9 float64 values and holds 64
	 * bytes.
	 */
	static byte[] npzClaimingTwoBillionValues() {
		return npz(npy("(2000000000,)", new byte[64]));
	}

	/**
	 * A zip bomb: coordinates t[2048], x[8192] and a field u[2048 x 8192] of zeros, 128
	 * MiB that deflate to about 130 KB, whose central directory claims 1,000 bytes for
	 * each entry.
	 */
	static byte[] npzBomb() {
		return Bomb.BYTES.clone();
	}

	/** Built once: deflating 128 MiB takes a second or two. */
	private static final class Bomb {

		static final byte[] BYTES = build();

	}

	private static byte[] build() {
		byte[] zip = npz(npy("(2048,)", range(2048)), npy("(8192,)", range(8192)),
				npy("(2048, 8192)", new byte[8 * 2048 * 8192]));
		ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
		for (int i = 0; i + 46 <= zip.length; i++) {
			if (b.getInt(i) == 0x02014b50) {
				b.putInt(i + 24, 1000);
			}
		}
		return zip;
	}

	/** A CSV whose header has {@code t, x} and 10^6 field columns, then one row. */
	static byte[] csvWithAMillionColumns() {
		StringBuilder csv = new StringBuilder("t,x");
		for (int c = 0; c < 1_000_000; c++) {
			csv.append(",u").append(c);
		}
		csv.append("\n0,0").append(",1".repeat(1_000_000)).append('\n');
		return csv.toString().getBytes(StandardCharsets.US_ASCII);
	}

	private static byte[] range(int n) {
		ByteBuffer b = ByteBuffer.allocate(8 * n).order(ByteOrder.LITTLE_ENDIAN);
		for (int i = 0; i < n; i++) {
			b.putDouble(i);
		}
		return b.array();
	}

	private static byte[] npy(String shape, byte[] data) {
		String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': " + shape + ", }";
		String header = dict + " ".repeat((64 - (10 + dict.length() + 1) % 64) % 64) + "\n";
		ByteBuffer b = ByteBuffer.allocate(10 + header.length() + data.length).order(ByteOrder.LITTLE_ENDIAN);
		b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
		b.putShort((short) header.length()).put(header.getBytes(StandardCharsets.US_ASCII)).put(data);
		return b.array();
	}

	/** Entries named t, x, u in this order (or only u). */
	private static byte[] npz(byte[]... entries) {
		String[] names = (entries.length == 1) ? new String[] { "u" } : new String[] { "t", "x", "u" };
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.setLevel(Deflater.BEST_COMPRESSION);
			for (int i = 0; i < entries.length; i++) {
				zip.putNextEntry(new ZipEntry(names[i] + ".npy"));
				zip.write(entries[i]);
				zip.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}

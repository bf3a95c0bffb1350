package io.physforge.core.discovery.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

import io.physforge.core.field.Axis;
import io.physforge.core.field.Field;

/** SHA-256 of data sets and files, for provenance. */
public final class DataHash {

	private DataHash() {
	}

	/**
	 * SHA-256 over the axis names and values, then the field names and values, doubles
	 * little-endian.
	 */
	public static String of(Field field) {
		MessageDigest md = sha256();
		ByteBuffer buf = ByteBuffer.allocate(8 * 8192).order(ByteOrder.LITTLE_ENDIAN);
		for (Axis axis : field.grid().axes()) {
			md.update(axis.name().getBytes(StandardCharsets.UTF_8));
			update(md, buf, axis.values());
		}
		for (Map.Entry<String, double[]> e : field.asMap().entrySet()) {
			md.update(e.getKey().getBytes(StandardCharsets.UTF_8));
			update(md, buf, e.getValue());
		}
		return HexFormat.of().formatHex(md.digest());
	}

	/** SHA-256 of a file's bytes. */
	public static String of(Path file) throws IOException {
		MessageDigest md = sha256();
		try (InputStream in = Files.newInputStream(file)) {
			byte[] b = new byte[1 << 16];
			int n;
			while ((n = in.read(b)) > 0) {
				md.update(b, 0, n);
			}
		}
		return HexFormat.of().formatHex(md.digest());
	}

	private static void update(MessageDigest md, ByteBuffer buf, double[] values) {
		int i = 0;
		while (i < values.length) {
			buf.clear();
			while (i < values.length && buf.remaining() >= 8) {
				buf.putDouble(values[i++]);
			}
			buf.flip();
			md.update(buf);
		}
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required by every Java platform", ex);
		}
	}

}

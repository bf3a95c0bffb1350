package io.physforge.core.io.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.physforge.core.io.InvalidDataException;

/**
 * The NumPy {@code .npy} format (versions 1 to 3): header dictionary and raw values,
 * decoded straight from a stream into one {@code double[]}. Written here rather than
 * taken from {@code org.jetbrains.bio:npy}, whose reader rejects complex and
 * Fortran-ordered arrays; that library still writes our {@code .npz} files.
 */
final class Npy {

	private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=])([a-zA-Z])(\\d+)'");

	private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");

	private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

	private static final Pattern DIMENSION = Pattern.compile("-?\\d{1,19}");

	/** Largest item size read, in bytes (or characters for text). */
	private static final int MAX_ITEM_SIZE = 1 << 12;

	private static final int CHUNK = 1 << 16;

	private Npy() {
	}

	/** A parsed header. */
	record Header(String descr, char kind, int itemSize, ByteOrder order, boolean fortran, int[] shape) {

		boolean complex() {
			return this.kind == 'c';
		}

		long size() {
			long n = 1;
			for (int d : this.shape) {
				n = Math.multiplyExact(n, d);
			}
			return n;
		}

		/** The shape as the values are read: C order, or reversed for Fortran order. */
		int[] storedShape() {
			if (!this.fortran) {
				return this.shape;
			}
			int[] r = new int[this.shape.length];
			for (int i = 0; i < r.length; i++) {
				r[i] = this.shape[r.length - 1 - i];
			}
			return r;
		}

	}

	/**
	 * Reads and checks a header: the declared shape is checked against the budget's
	 * limits before anything is allocated for the values.
	 */
	static Header readHeader(InputStream in, Path file, String location, ReadBudget budget) throws IOException {
		byte[] magic = in.readNBytes(8);
		if (magic.length < 8 || (magic[0] & 0xff) != 0x93 || magic[1] != 'N' || magic[2] != 'U' || magic[3] != 'M'
				|| magic[4] != 'P' || magic[5] != 'Y') {
			throw corrupt(file, location, "does not start with the .npy signature \\x93NUMPY");
		}
		int major = magic[6];
		int headerLength;
		if (major == 1) {
			byte[] len = in.readNBytes(2);
			if (len.length < 2) {
				throw corrupt(file, location, "ends inside the .npy header");
			}
			headerLength = (len[0] & 0xff) | ((len[1] & 0xff) << 8);
		}
		else if (major == 2 || major == 3) {
			byte[] len = in.readNBytes(4);
			if (len.length < 4) {
				throw corrupt(file, location, "ends inside the .npy header");
			}
			headerLength = ByteBuffer.wrap(len).order(ByteOrder.LITTLE_ENDIAN).getInt();
			if (headerLength < 0 || headerLength > (1 << 24)) {
				throw corrupt(file, location, "has an impossible header length " + headerLength);
			}
		}
		else {
			throw corrupt(file, location, "has unknown .npy format version " + major);
		}
		byte[] headerBytes = in.readNBytes(headerLength);
		if (headerBytes.length < headerLength) {
			throw corrupt(file, location, "ends inside the .npy header");
		}
		String header = new String(headerBytes, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
		Matcher d = DESCR.matcher(header);
		Matcher f = FORTRAN.matcher(header);
		Matcher s = SHAPE.matcher(header);
		if (!f.find() || !s.find()) {
			throw corrupt(file, location, "has an unreadable .npy header '" + header.trim() + "'");
		}
		if (!d.find()) {
			throw new InvalidDataException(file, location,
					"holds a structured or object array (header '" + header.trim() + "'), not numbers",
					"save plain numeric arrays, for example numpy.savez(path, t=t, x=x, u=u)");
		}
		char kind = d.group(2).charAt(0);
		if (d.group(3).length() > 4 || Integer.parseInt(d.group(3)) > MAX_ITEM_SIZE
				|| Integer.parseInt(d.group(3)) == 0) {
			throw corrupt(file, location, "has an impossible item size in its data type '" + d.group(0) + "'");
		}
		int itemSize = Integer.parseInt(d.group(3));
		ByteOrder order = d.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
		String descr = d.group(1) + kind + itemSize;
		String dims = s.group(1).trim();
		int[] shape;
		if (dims.isEmpty()) {
			shape = new int[0];
		}
		else {
			budget.checkRank(location, dims.chars().filter((c) -> c == ',').count() + (dims.endsWith(",") ? 0 : 1));
			String[] parts = dims.split(",");
			int n = 0;
			long[] declared = new long[parts.length];
			for (String p : parts) {
				if (!p.isBlank()) {
					declared[n++] = dimension(p.trim(), file, location);
				}
			}
			declared = Arrays.copyOf(declared, n);
			budget.checkShape(location, declared);
			shape = new int[n];
			for (int i = 0; i < n; i++) {
				if (declared[i] > Integer.MAX_VALUE) {
					throw corrupt(file, location, "has an impossible dimension " + declared[i]);
				}
				shape[i] = (int) declared[i];
			}
		}
		return new Header(descr, kind, itemSize, order, f.group(1).equals("True"), shape);
	}

	private static long dimension(String text, Path file, String location) {
		String digits = text.endsWith("L") ? text.substring(0, text.length() - 1) : text;
		if (!DIMENSION.matcher(digits).matches()) {
			throw corrupt(file, location, "has an impossible dimension '" + text + "' in its shape");
		}
		try {
			return Long.parseLong(digits);
		}
		catch (NumberFormatException ex) {
			throw corrupt(file, location, "has an impossible dimension '" + text + "' in its shape");
		}
	}

	/** Throws unless the header describes numbers this reader decodes. */
	static void requireNumeric(Header h, Path file, String location) {
		int itemSize = h.itemSize();
		boolean ok = switch (h.kind()) {
			case 'f' -> itemSize == 4 || itemSize == 8;
			case 'c' -> itemSize == 8 || itemSize == 16;
			case 'i', 'u' -> itemSize == 1 || itemSize == 2 || itemSize == 4 || itemSize == 8;
			case 'b' -> itemSize == 1;
			default -> false;
		};
		if (!ok) {
			throw new InvalidDataException(file, location,
					"has data type '" + h.descr() + "', which is not a supported number type",
					"convert it with numpy, for example u.astype(numpy.float64)");
		}
	}

	/** Whether the header describes text ({@code S} bytes or {@code U} UTF-32). */
	static boolean isText(Header h) {
		return h.kind() == 'S' || h.kind() == 'U';
	}

	/** Reads a text array ({@link #isText}) as trimmed strings, flat. */
	static String[] readStrings(InputStream in, Header h) throws IOException {
		int n = (int) h.size();
		int bytesPerItem = h.kind() == 'U' ? 4 * h.itemSize() : h.itemSize();
		String[] out = new String[n];
		for (int i = 0; i < n; i++) {
			byte[] raw = in.readNBytes(bytesPerItem);
			String s;
			if (h.kind() == 'U') {
				s = new String(raw, h.order() == ByteOrder.BIG_ENDIAN ? java.nio.charset.Charset.forName("UTF-32BE")
						: java.nio.charset.Charset.forName("UTF-32LE"));
			}
			else {
				s = new String(raw, StandardCharsets.UTF_8);
			}
			out[i] = s.replace("\0", "").trim();
		}
		return out;
	}

	/**
	 * Reads the values after the header, returned in C order for {@link Header#shape()}
	 * (Fortran-ordered data is transposed).
	 */
	static ArrayData readData(InputStream in, Header h, Path file, String location) throws IOException {
		long total = h.size();
		if (total > Integer.MAX_VALUE - 8) {
			throw new InvalidDataException(file, location, "holds " + total + " values, more than one Java array",
					"split the data set");
		}
		int n = (int) total;
		double[] re = new double[n];
		double[] im = h.complex() ? new double[n] : null;
		int item = h.itemSize();
		byte[] chunk = new byte[Math.max(item, (CHUNK / item) * item)];
		int done = 0;
		while (done < n) {
			int want = Math.min(chunk.length / item, n - done);
			int got = in.readNBytes(chunk, 0, want * item);
			if (got < want * item) {
				throw new InvalidDataException(file, location,
						"is truncated: the header announces " + n + " values of " + item
								+ " bytes but the data ends after " + (done + got / item) + " values",
						"the file was cut short (interrupted download or copy?); export it again");
			}
			ByteBuffer b = ByteBuffer.wrap(chunk, 0, want * item).order(h.order());
			for (int k = 0; k < want; k++) {
				int i = done + k;
				switch (h.kind()) {
					case 'f' -> re[i] = (item == 8) ? b.getDouble() : b.getFloat();
					case 'c' -> {
						re[i] = (item == 16) ? b.getDouble() : b.getFloat();
						im[i] = (item == 16) ? b.getDouble() : b.getFloat();
					}
					case 'i' -> re[i] = switch (item) {
						case 1 -> b.get();
						case 2 -> b.getShort();
						case 4 -> b.getInt();
						default -> b.getLong();
					};
					case 'u' -> re[i] = switch (item) {
						case 1 -> b.get() & 0xff;
						case 2 -> b.getShort() & 0xffff;
						case 4 -> b.getInt() & 0xffffffffL;
						default -> unsigned(b.getLong());
					};
					default -> re[i] = b.get() != 0 ? 1 : 0;
				}
			}
			done += want;
		}
		if (h.fortran() && h.shape().length > 1) {
			int[] stored = h.storedShape();
			int[] perm = new int[stored.length];
			for (int j = 0; j < perm.length; j++) {
				perm[j] = perm.length - 1 - j;
			}
			re = Layouts.permute(re, stored, perm);
			im = (im == null) ? null : Layouts.permute(im, stored, perm);
		}
		return new ArrayData(re, im);
	}

	private static double unsigned(long v) {
		double d = (double) (v >>> 1) * 2.0;
		return d + (v & 1);
	}

	private static InvalidDataException corrupt(Path file, String location, String what) {
		return new InvalidDataException(file, location, "is corrupt: it " + what,
				"export the array again with numpy.save or numpy.savez");
	}

}

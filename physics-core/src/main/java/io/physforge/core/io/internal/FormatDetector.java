package io.physforge.core.io.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Node;
import io.physforge.core.io.DataFormat;
import io.physforge.core.io.InvalidDataException;

/**
 * Tells a file's format from its first bytes: the HDF5 signature (at offset 0 or after a
 * 512/1024/... byte user block), {@code CDF\001}/{@code CDF\002}, {@code \223NUMPY}, a
 * zip local header, the MATLAB text header; text without NUL bytes is CSV.
 */
public final class FormatDetector {

	private static final byte[] HDF5_SIGNATURE = { (byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n' };

	private FormatDetector() {
	}

	/** The format of the file's content; an {@link InvalidDataException} if none fits. */
	public static DataFormat detect(Path file) {
		byte[] head;
		long length;
		try {
			length = Files.size(file);
			try (InputStream in = Files.newInputStream(file)) {
				head = in.readNBytes(4096);
			}
		}
		catch (NoSuchFileException ex) {
			throw new InvalidDataException(file, "", "the file does not exist", "check the path");
		}
		catch (IOException ex) {
			throw new InvalidDataException(file, "", "the file cannot be read (" + ex.getMessage() + ")",
					"check that the path is a readable file", ex);
		}
		if (length == 0) {
			throw new InvalidDataException(file, "", "the file is empty (0 bytes)",
					"export the data again; a data set needs coordinates and at least one field");
		}
		if (startsWith(head, 0, "MATLAB 5.0 MAT-file") || isMat5Header(head)) {
			return DataFormat.MATLAB;
		}
		if (startsWith(head, 0, "MATLAB 7.3 MAT-file")) {
			return DataFormat.MATLAB;
		}
		if (hdf5SignatureOffset(file, head, length) >= 0) {
			return isNetcdf4(file) ? DataFormat.NETCDF4 : DataFormat.HDF5;
		}
		if (head.length >= 4 && head[0] == 'C' && head[1] == 'D' && head[2] == 'F'
				&& (head[3] == 1 || head[3] == 2 || head[3] == 5)) {
			return DataFormat.NETCDF3;
		}
		if (head.length >= 6 && (head[0] & 0xff) == 0x93 && startsWith(head, 1, "NUMPY")) {
			return DataFormat.NPY;
		}
		if (head.length >= 4 && head[0] == 'P' && head[1] == 'K'
				&& ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6))) {
			return DataFormat.NPZ;
		}
		if (isText(head)) {
			return DataFormat.CSV;
		}
		throw new InvalidDataException(file, "",
				"the content is not a supported format (first bytes " + hex(head, 8) + ")",
				"save the data as CSV, HDF5 (.h5), NetCDF (.nc), NumPy (.npz) or MATLAB (.mat)");
	}

	/**
	 * Checks the detected format against the file's extension and throws when they
	 * disagree, saying what the file really is.
	 */
	public static void checkExtension(Path file, DataFormat actual) {
		String name = file.getFileName().toString();
		int dot = name.lastIndexOf('.');
		if (dot < 0) {
			return;
		}
		String ext = name.substring(dot + 1).toLowerCase(Locale.ROOT);
		boolean known = false;
		for (DataFormat f : DataFormat.values()) {
			if (f.extensions().contains(ext)) {
				known = true;
				if (f == actual) {
					return;
				}
			}
		}
		if (actual == DataFormat.MATLAB && (ext.equals("h5") || ext.equals("hdf5"))) {
			return;
		}
		if (!known) {
			return;
		}
		throw new InvalidDataException(file, "",
				"the extension '." + ext + "' says " + expected(ext) + " but the content is really "
						+ article(actual.description()) + " file",
				"rename it to ." + actual.extensions().get(0) + " or pass the format explicitly (--format "
						+ actual.name().toLowerCase(Locale.ROOT) + ")");
	}

	private static String expected(String ext) {
		StringBuilder b = new StringBuilder();
		for (DataFormat f : DataFormat.values()) {
			if (f.extensions().contains(ext)) {
				b.append(b.length() == 0 ? "" : " or ").append(f.description());
			}
		}
		return b.toString();
	}

	private static String article(String word) {
		return (word.startsWith("HDF") ? "an " : "a ") + word;
	}

	private static boolean isMat5Header(byte[] head) {
		// A v5 MAT-file: 116 bytes of text, 8 bytes subsystem offset, version 0x0100 and
		// the endian indicator "IM" or "MI" at offset 126.
		return head.length >= 128 && ((head[126] == 'I' && head[127] == 'M') || (head[126] == 'M' && head[127] == 'I'))
				&& startsWith(head, 0, "MATLAB");
	}

	/** Offset of the HDF5 superblock (0, 512, 1024, ...), or -1. */
	static long hdf5SignatureOffset(Path file, byte[] head, long length) {
		if (startsWith(head, 0, HDF5_SIGNATURE)) {
			return 0;
		}
		try (var ch = Files.newByteChannel(file)) {
			for (long off = 512; off + 8 <= length && off <= (1L << 20); off *= 2) {
				java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(8);
				ch.position(off);
				while (buf.hasRemaining() && ch.read(buf) > 0) {
					// fill
				}
				if (startsWith(buf.array(), 0, HDF5_SIGNATURE)) {
					return off;
				}
			}
		}
		catch (IOException ex) {
			return -1;
		}
		return -1;
	}

	private static boolean isNetcdf4(Path file) {
		try (HdfFile hdf = new HdfFile(file)) {
			if (hdf.getAttributes().containsKey("_NCProperties")) {
				return true;
			}
			for (Node node : hdf) {
				Attribute cls = node.getAttributes().get("CLASS");
				if (cls != null && "DIMENSION_SCALE".equals(String.valueOf(cls.getData()))) {
					return true;
				}
			}
			return false;
		}
		catch (RuntimeException ex) {
			// a damaged HDF5 file is reported by the reader
			return false;
		}
	}

	private static boolean isText(byte[] head) {
		for (byte b : head) {
			if (b == 0) {
				return false;
			}
		}
		String s = new String(head, StandardCharsets.UTF_8);
		int control = 0;
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c == '\uFFFD' || (c < 32 && c != '\n' && c != '\r' && c != '\t')) {
				control++;
			}
		}
		return control <= 3; // a truncated multi-byte character at the end of the block
	}

	private static boolean startsWith(byte[] head, int offset, String text) {
		return startsWith(head, offset, text.getBytes(StandardCharsets.US_ASCII));
	}

	private static boolean startsWith(byte[] head, int offset, byte[] prefix) {
		if (head.length < offset + prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (head[offset + i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static String hex(byte[] head, int n) {
		StringBuilder b = new StringBuilder();
		for (int i = 0; i < Math.min(n, head.length); i++) {
			b.append(String.format("%02x", head[i] & 0xff));
		}
		return b.toString();
	}

}

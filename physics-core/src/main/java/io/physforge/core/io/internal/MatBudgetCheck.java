package io.physforge.core.io.internal;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.InflaterInputStream;

import io.physforge.core.io.InvalidDataException;

/**
 * Walks the top-level elements of a MATLAB v5/v7 file before MFL reads it, because MFL
 * sizes its buffers from the declared byte counts: every element's size must fit the
 * file, every compressed element is inflated once through the budget (counting the bytes
 * it really produces, holding none) and every matrix's declared dimensions are checked.
 */
final class MatBudgetCheck {

	private static final int MI_INT32 = 5;

	private static final int MI_MATRIX = 14;

	private static final int MI_COMPRESSED = 15;

	private MatBudgetCheck() {
	}

	static void check(Path file, ReadBudget budget) throws IOException {
		long size = Files.size(file);
		try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
			byte[] header = raw.readNBytes(128);
			if (header.length < 128) {
				return;
			}
			ByteOrder order = (header[126] == 'I' && header[127] == 'M') ? ByteOrder.LITTLE_ENDIAN
					: ByteOrder.BIG_ENDIAN;
			long offset = 128;
			int index = 0;
			while (offset + 8 <= size) {
				ByteBuffer tag = ByteBuffer.wrap(raw.readNBytes(8)).order(order);
				int type = tag.getInt();
				long bytes = Integer.toUnsignedLong(tag.getInt());
				index++;
				String location = "element " + index + " at byte " + offset;
				if ((type >>> 16) != 0) {
					// small data element: 4 bytes of data in the tag itself
					offset += 8;
					continue;
				}
				long padded = (type == MI_COMPRESSED) ? bytes : (bytes + 7) & ~7L;
				if (offset + 8 + padded > size) {
					throw new InvalidDataException(file, location,
							"declares " + bytes + " bytes but the file has only " + (size - offset - 8) + " left",
							"the file was cut short or damaged; save it again from MATLAB");
				}
				if (type == MI_COMPRESSED) {
					InputStream slice = new BoundedInput(raw, bytes);
					try (InputStream inflated = budget.inflating(new InflaterInputStream(slice), location, bytes)) {
						checkMatrix(budget, new DataInputStream(inflated), order, location);
						inflated.transferTo(OutputStream.nullOutputStream());
					}
					slice.transferTo(OutputStream.nullOutputStream());
				}
				else if (type == MI_MATRIX) {
					BoundedInput slice = new BoundedInput(raw, padded);
					checkMatrixBody(budget, new DataInputStream(slice), order, location);
					slice.transferTo(OutputStream.nullOutputStream());
				}
				else {
					raw.skipNBytes(padded);
				}
				offset += 8 + padded;
			}
		}
		catch (EOFException ex) {
			// truncated: MFL reports it in its own words
		}
	}

	private static void checkMatrix(ReadBudget budget, DataInputStream in, ByteOrder order, String location)
			throws IOException {
		ByteBuffer tag = ByteBuffer.wrap(in.readNBytes(8)).order(order);
		if (tag.remaining() < 8 || tag.getInt() != MI_MATRIX) {
			return;
		}
		long bytes = Integer.toUnsignedLong(tag.getInt());
		budget.checkDeclaredEntry(location, bytes);
		checkMatrixBody(budget, in, order, location);
	}

	/** Array flags, then dimensions: checked before MFL allocates for them. */
	private static void checkMatrixBody(ReadBudget budget, DataInputStream in, ByteOrder order, String location)
			throws IOException {
		in.skipNBytes(16);
		ByteBuffer tag = ByteBuffer.wrap(in.readNBytes(8)).order(order);
		if (tag.remaining() < 8) {
			return;
		}
		int first = tag.getInt();
		long count;
		byte[] dims;
		if ((first >>> 16) != 0) {
			count = (first >>> 16) / 4;
			tag.position(4);
			dims = new byte[8];
			tag.get(dims, 0, 4);
		}
		else {
			if (first != MI_INT32) {
				return;
			}
			count = Integer.toUnsignedLong(tag.getInt()) / 4;
			budget.checkRank(location, count);
			dims = in.readNBytes((int) (4 * count));
		}
		budget.checkRank(location, count);
		ByteBuffer d = ByteBuffer.wrap(dims).order(order);
		long[] shape = new long[(int) count];
		for (int i = 0; i < count && d.remaining() >= 4; i++) {
			shape[i] = d.getInt();
		}
		budget.checkShape(location, shape);
	}

	/** At most {@code limit} bytes of the underlying stream, which stays open. */
	private static final class BoundedInput extends InputStream {

		private final InputStream in;

		private long left;

		BoundedInput(InputStream in, long limit) {
			this.in = in;
			this.left = limit;
		}

		@Override
		public int read() throws IOException {
			if (this.left <= 0) {
				return -1;
			}
			int b = this.in.read();
			if (b >= 0) {
				this.left--;
			}
			return b;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			if (this.left <= 0) {
				return -1;
			}
			int n = this.in.read(b, off, (int) Math.min(len, this.left));
			if (n > 0) {
				this.left -= n;
			}
			return n;
		}

		@Override
		public void close() {
			// the file stream is closed by its owner
		}

	}

}

package io.physforge.core.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.zip.DeflaterOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * MATLAB v5/v7 files that declare more than they hold are refused before MFL sizes its
 * buffers from them: huge dimensions, a compressed element whose inner tag claims 2 GiB,
 * and a compressed element of zeros (a decompression bomb).
 */
class MatBombTest {

	@TempDir
	Path dir;

	@Test
	void hugeDeclaredDimensionsAreRefused() throws IOException {
		Path file = mat("dims.mat", matrix(100_000, 100_000, new byte[0], -1));
		LimitExceededException ex = refused(file);
		assertThat(ex.setting()).isEqualTo("maxValuesPerArray");
		assertThat(ex.problem()).contains("declares 10000000000 values");
		assertThat(ex.location()).isEqualTo("element 1 at byte 128");
	}

	@Test
	void compressedElementClaimingTwoGibibytesIsRefusedBeforeInflating() throws IOException {
		Path file = mat("claims.mat", compressed(matrix(4, 4, new byte[8 * 16], 0x7fff_fff0)));
		LimitExceededException ex = refused(file);
		assertThat(ex.setting()).isEqualTo("maxEntryBytes");
		assertThat(ex.problem()).contains("declares 2147483632 uncompressed bytes");
	}

	@Test
	void compressedZerosAreADecompressionBomb() throws IOException {
		Path file = mat("bomb.mat", compressed(matrix(2048, 1024, new byte[8 * 2048 * 1024], -1)));
		assertThat(Files.size(file)).isLessThan(100_000);
		LimitExceededException ex = refused(file);
		assertThat(ex.setting()).isEqualTo("maxCompressionRatio");
	}

	private LimitExceededException refused(Path file) {
		Throwable[] thrown = new Throwable[1];
		assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
			try {
				DataSets.read(file);
			}
			catch (Throwable ex) {
				thrown[0] = ex;
			}
		});
		assertThat(thrown[0]).isInstanceOf(LimitExceededException.class);
		LimitExceededException ex = (LimitExceededException) thrown[0];
		assertThat(ex.getMessage()).startsWith(file.toString()).contains("Fix: ").contains(ex.setting());
		return ex;
	}

	/** A double matrix named u; {@code declared} overrides the miMATRIX byte count. */
	private static byte[] matrix(int rows, int cols, byte[] data, int declared) {
		ByteBuffer body = ByteBuffer.allocate(48 + data.length).order(ByteOrder.LITTLE_ENDIAN);
		body.putInt(6).putInt(8).putInt(6).putInt(0);
		body.putInt(5).putInt(8).putInt(rows).putInt(cols);
		body.putInt((1 << 16) | 1).put((byte) 'u').put(new byte[3]);
		body.putInt(9).putInt(data.length).put(data);
		ByteBuffer m = ByteBuffer.allocate(8 + body.position()).order(ByteOrder.LITTLE_ENDIAN);
		m.putInt(14).putInt(declared >= 0 ? declared : body.position()).put(body.array(), 0, body.position());
		return m.array();
	}

	private static byte[] compressed(byte[] element) throws IOException {
		ByteArrayOutputStream z = new ByteArrayOutputStream();
		try (DeflaterOutputStream out = new DeflaterOutputStream(z)) {
			out.write(element);
		}
		ByteBuffer b = ByteBuffer.allocate(8 + z.size()).order(ByteOrder.LITTLE_ENDIAN);
		return b.putInt(15).putInt(z.size()).put(z.toByteArray()).array();
	}

	private Path mat(String name, byte[] element) throws IOException {
		ByteBuffer b = ByteBuffer.allocate(128 + element.length).order(ByteOrder.LITTLE_ENDIAN);
		byte[] text = "MATLAB 5.0 MAT-file, hostile test".getBytes(StandardCharsets.US_ASCII);
		byte[] header = new byte[116];
		Arrays.fill(header, (byte) ' ');
		System.arraycopy(text, 0, header, 0, text.length);
		b.put(header).put(new byte[8]).putShort((short) 0x0100).put((byte) 'I').put((byte) 'M').put(element);
		Path file = this.dir.resolve(name);
		Files.write(file, b.array());
		return file;
	}

}

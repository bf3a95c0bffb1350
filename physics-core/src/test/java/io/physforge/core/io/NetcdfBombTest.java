package io.physforge.core.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A NetCDF-3 header declaring a variable of 10^10 values in a file of a few hundred bytes
 * is refused from its declared dimensions, before the library reads a value.
 */
class NetcdfBombTest {

	@TempDir
	Path dir;

	@Test
	void hugeDeclaredDimensionsAreRefusedBeforeReading() throws IOException {
		Path file = this.dir.resolve("huge.nc");
		Files.write(file, netcdf3(100_000, 100_000));
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
		assertThat(ex.setting()).isEqualTo("maxValuesPerArray");
		assertThat(ex.location()).isEqualTo("variable 'u'");
		assertThat(ex.problem()).contains("declares 10000000000 values (shape [100000, 100000])");
	}

	/** Classic format: dimensions t and x, one double variable u(t, x), no data. */
	private static byte[] netcdf3(int nt, int nx) {
		ByteBuffer b = ByteBuffer.allocate(256);
		b.put("CDF".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).putInt(0);
		b.putInt(0x0A).putInt(2);
		name(b, "t").putInt(nt);
		name(b, "x").putInt(nx);
		b.putInt(0).putInt(0);
		b.putInt(0x0B).putInt(1);
		name(b, "u").putInt(2).putInt(0).putInt(1);
		b.putInt(0).putInt(0);
		b.putInt(6).putInt(Integer.MAX_VALUE - 3);
		int begin = b.position() + 4;
		b.putInt(begin);
		return Arrays.copyOf(b.array(), b.position());
	}

	private static ByteBuffer name(ByteBuffer b, String name) {
		b.putInt(name.length()).put(name.getBytes(StandardCharsets.US_ASCII));
		for (int i = name.length(); i % 4 != 0; i++) {
			b.put((byte) 0);
		}
		return b;
	}

}

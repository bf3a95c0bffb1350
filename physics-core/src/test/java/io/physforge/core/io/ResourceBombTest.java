package io.physforge.core.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.physforge.core.field.Field;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Hostile files that declare or inflate to far more than they hold are refused with a
 * {@link LimitExceededException} (the documented {@link InvalidDataException}) before the
 * claimed memory is allocated, quickly, with a message naming the file, the array, the
 * size and the setting to raise. Run with a small heap in mind: none of these may
 * allocate what the file claims.
 */
class ResourceBombTest {

	private static final Duration QUICK = Duration.ofSeconds(2);

	@TempDir
	Path dir;

	@Test
	void npzHeaderClaimingTwoBillionValuesIsRefusedBeforeAllocating() throws IOException {
		Path file = npz("claims.npz", false, entry("u", "(2000000000,)", new byte[64]));
		LimitExceededException ex = refused(file, ReadLimits.DEFAULTS);
		assertThat(ex.setting()).isEqualTo("maxValuesPerArray");
		assertThat(ex.location()).isEqualTo("array 'u' (u.npy)");
		assertThat(ex.problem()).contains("declares 2000000000 values").contains("limit maxValuesPerArray = 67108864");
		assertThat(ex.fix()).contains("split the data set").contains("raise the read limit maxValuesPerArray");
	}

	@ParameterizedTest(name = "shape {0}")
	@CsvSource(delimiter = '|', textBlock = """
			(4294967296, 4294967296, 4294967296) | maxValuesPerArray | declares more than 2^63 values
			(9223372036854775807, 2)              | maxValuesPerArray | declares more than 2^63 values
			(65536, 65536)                        | maxValuesPerArray | declares 4294967296 values
			(1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1)     | maxRank           | declares 16 dimensions
			""")
	void overflowingShapesAreOverTheLimit(String shape, String setting, String problem) throws IOException {
		Path file = npz("overflow.npz", false, entry("u", shape, new byte[8]));
		LimitExceededException ex = refused(file, ReadLimits.DEFAULTS);
		assertThat(ex.setting()).isEqualTo(setting);
		assertThat(ex.problem()).contains(problem);
	}

	@ParameterizedTest(name = "shape {0}")
	@CsvSource(delimiter = '|', textBlock = """
			(-1, 5)                    | declares a negative dimension -1
			(3, 99999999999999999999)  | impossible dimension '99999999999999999999'
			(3, 0x10)                  | impossible dimension '0x10'
			""")
	void malformedShapesAreFormatErrors(String shape, String problem) throws IOException {
		Path file = npz("negative.npz", false, entry("u", shape, new byte[8]));
		assertThatThrownBy(() -> read(file, ReadLimits.DEFAULTS)).isInstanceOfSatisfying(InvalidDataException.class,
				(ex) -> {
					assertThat(ex.location()).isEqualTo("array 'u' (u.npy)");
					assertThat(ex.problem()).contains(problem);
					assertThat(ex.fix()).isNotBlank();
				});
	}

	@Test
	void zipBombWithALyingDeclaredSizeStopsAtTheEntryLimit() throws IOException {
		// 64 MiB of zeros deflate to about 64 KiB; the central directory claims 1,000
		// bytes
		Path file = bomb();
		ReadLimits limits = ReadLimits.builder().maxEntryBytes(4 << 20).maxCompressionRatio(10_000).build();
		LimitExceededException ex = refused(file, limits);
		assertThat(ex.setting()).isEqualTo("maxEntryBytes");
		assertThat(ex.location()).isEqualTo("array 'u' (u.npy)");
		assertThat(ex.problem()).contains("inflates to more than 4194304 bytes");
	}

	@Test
	void zipBombIsCaughtByItsCompressionRatioWithDefaultLimits() throws IOException {
		Path file = bomb();
		LimitExceededException ex = refused(file, ReadLimits.DEFAULTS);
		assertThat(ex.setting()).isEqualTo("maxCompressionRatio");
		assertThat(ex.problem()).contains("a decompression bomb");
	}

	@Test
	void honestEntryDeclaringTooManyBytesIsRefusedBeforeInflating() throws IOException {
		int values = 1 << 20;
		Path file = npz("big.npz", true, entry("u", "(" + values + ",)", new byte[8 * values]));
		ReadLimits limits = ReadLimits.builder().maxEntryBytes(1 << 20).build();
		LimitExceededException ex = refused(file, limits);
		assertThat(ex.setting()).isEqualTo("maxEntryBytes");
		assertThat(ex.problem()).contains("declares 83887").contains(" uncompressed bytes");
	}

	@Test
	void totalValuesOfAllArraysAreLimited() throws IOException {
		Path file = this.dir.resolve("grid.npz");
		Files.write(file,
				TestFiles.npz(TestFiles.arrays("t", TestFiles.npyF8(new int[] { 4 }, 0, 1, 2, 3), "x",
						TestFiles.npyF8(new int[] { 5 }, 0, 1, 2, 3, 4), "u",
						TestFiles.npyF8(new int[] { 4, 5 }, new double[20]))));
		LimitExceededException ex = refused(file, ReadLimits.builder().maxTotalValues(20).build());
		assertThat(ex.setting()).isEqualTo("maxTotalValues");
		assertThat(read(file, ReadLimits.builder().maxTotalValues(29).build()).values("u")).hasSize(20);
	}

	@Test
	void csvHeaderWithAMillionColumnsFailsFastOnTheHeaderLine() throws IOException {
		StringBuilder header = new StringBuilder("t,x");
		for (int c = 0; c < 1_000_000; c++) {
			header.append(",u").append(c);
		}
		Path file = this.dir.resolve("wide.csv");
		Files.writeString(file, header + "\n0,0," + "1,".repeat(10) + "1\n");
		LimitExceededException byLength = refused(file, ReadLimits.DEFAULTS);
		assertThat(byLength.setting()).isEqualTo("maxLineLength");
		assertThat(byLength.location()).isEqualTo("line 1");
		LimitExceededException byColumns = refused(file, ReadLimits.builder().maxLineLength(64 << 20).build());
		assertThat(byColumns.setting()).isEqualTo("maxCsvColumns");
		assertThat(byColumns.location()).isEqualTo("line 1");
		assertThat(byColumns.problem()).contains("the header has 1000002 columns");
		assertThat(byColumns.fix()).contains("long form").contains("maxCsvColumns");
	}

	@Test
	void csvHeaderWithManyDistinctColumnsUnderTheLimitIsCheckedInLinearTime() throws IOException {
		StringBuilder header = new StringBuilder("t,x");
		for (int c = 0; c < 200_000; c++) {
			header.append(",u").append(c);
		}
		header.append(",u7");
		Path file = this.dir.resolve("duplicate.csv");
		Files.writeString(file, header + "\n");
		ReadLimits generous = ReadLimits.builder().maxLineLength(64 << 20).maxCsvColumns(1 << 20).build();
		assertTimeoutPreemptively(QUICK,
				() -> assertThatThrownBy(() -> read(file, generous)).isInstanceOf(InvalidDataException.class)
					.hasMessageContaining("the column name 'u7' appears twice"));
	}

	@Test
	void csvDataLineLongerThanTheLimitNamesItsLine() throws IOException {
		Path file = this.dir.resolve("long.csv");
		Files.writeString(file, "t,x,u\n0,0,1\n0,1," + "1".repeat(5000) + "\n");
		LimitExceededException ex = refused(file, ReadLimits.builder().maxLineLength(1000).build());
		assertThat(ex.setting()).isEqualTo("maxLineLength");
		assertThat(ex.location()).isEqualTo("line 3");
	}

	@Test
	void csvRowsBeyondTheTotalAreRefusedWhileStreaming() throws IOException {
		Path file = this.dir.resolve("rows.csv");
		Files.writeString(file, "t,x,u\n" + "0,0,1\n".repeat(100));
		LimitExceededException ex = refused(file, ReadLimits.builder().maxTotalValues(150).build());
		assertThat(ex.setting()).isEqualTo("maxTotalValues");
		assertThat(ex.location()).isEqualTo("line 52");
	}

	@Test
	void limitsMustBePositive() {
		assertThatThrownBy(() -> ReadLimits.builder().maxValuesPerArray(0).build())
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("maxValuesPerArray");
		assertThat(ReadLimits.DEFAULTS.toBuilder().build()).isEqualTo(ReadLimits.DEFAULTS);
	}

	private LimitExceededException refused(Path file, ReadLimits limits) {
		Throwable[] thrown = new Throwable[1];
		assertTimeoutPreemptively(QUICK, () -> {
			try {
				read(file, limits);
			}
			catch (Throwable ex) {
				thrown[0] = ex;
			}
		});
		assertThat(thrown[0]).isInstanceOf(LimitExceededException.class);
		LimitExceededException ex = (LimitExceededException) thrown[0];
		assertThat(ex.file()).isEqualTo(file);
		assertThat(ex.getMessage()).startsWith(file.toString()).contains(". Fix: ").contains(ex.setting());
		return ex;
	}

	private static Field read(Path file, ReadLimits limits) {
		return DataSets.read(file, ReadOptions.DEFAULTS, limits);
	}

	private record Entry(String name, byte[] bytes) {
	}

	private static Entry entry(String name, String shape, byte[] data) {
		String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': " + shape + ", }";
		int pad = (64 - (10 + dict.length() + 1) % 64) % 64;
		String header = dict + " ".repeat(pad) + "\n";
		ByteBuffer b = ByteBuffer.allocate(10 + header.length() + data.length).order(ByteOrder.LITTLE_ENDIAN);
		b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
		b.putShort((short) header.length());
		b.put(header.getBytes(StandardCharsets.US_ASCII)).put(data);
		return new Entry(name, b.array());
	}

	private Path npz(String name, boolean deflate, Entry... entries) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.setLevel(Deflater.BEST_COMPRESSION);
			for (Entry e : entries) {
				ZipEntry z = new ZipEntry(e.name() + ".npy");
				if (!deflate) {
					z.setMethod(ZipEntry.STORED);
					z.setSize(e.bytes().length);
					CRC32 crc = new CRC32();
					crc.update(e.bytes());
					z.setCrc(crc.getValue());
				}
				zip.putNextEntry(z);
				zip.write(e.bytes());
				zip.closeEntry();
			}
		}
		Path file = this.dir.resolve(name);
		Files.write(file, bytes.toByteArray());
		return file;
	}

	/**
	 * An NPZ with small coordinates t[8192] and x[1024] and a field u[8192 x 1024] of
	 * zeros: 64 MiB deflating to about 64 KiB, whose central directory claims 1,000
	 * bytes.
	 */
	private Path bomb() throws IOException {
		double[] t = new double[8192];
		double[] x = new double[1024];
		for (int i = 0; i < t.length; i++) {
			t[i] = i;
		}
		for (int i = 0; i < x.length; i++) {
			x[i] = i;
		}
		Path file = npz("bomb.npz", true, entry("t", "(8192,)", TestFiles.f8(t)),
				entry("x", "(1024,)", TestFiles.f8(x)), entry("u", "(8192, 1024)", new byte[8 << 23]));
		lieAboutUncompressedSize(file, 1000);
		return file;
	}

	/** Rewrites the uncompressed size of every central directory record. */
	private static void lieAboutUncompressedSize(Path file, int size) throws IOException {
		byte[] zip = Files.readAllBytes(file);
		ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
		for (int i = 0; i + 46 <= zip.length; i++) {
			if (b.getInt(i) == 0x02014b50) {
				b.putInt(i + 24, size);
			}
		}
		Files.write(file, zip);
	}

}

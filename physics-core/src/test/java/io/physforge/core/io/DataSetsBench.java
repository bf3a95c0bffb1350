package io.physforge.core.io;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import io.physforge.core.field.Field;

/**
 * Prints, for every PDE-FIND reference file, the median read time over 7 reads (after 3
 * warm-up reads) and the bytes the reading thread allocated, as a multiple of the data
 * set's own size (8 bytes per value): the "about one copy" memory claim of
 * {@link DataSets}. Run: {@code java -cp ... io.physforge.core.io.DataSetsBench [dir]}.
 */
public final class DataSetsBench {

	private DataSetsBench() {
	}

	public static void main(String[] args) throws Exception {
		Path dir = args.length > 0 ? Path.of(args[0]) : TestFiles.pdeFind();
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		List<Path> files;
		try (Stream<Path> s = Files.list(dir)) {
			files = s.sorted().toList();
		}
		System.out.printf("%-28s %10s %10s %12s %8s%n", "file", "file MiB", "median ms", "alloc MiB", "copies");
		for (Path file : files) {
			for (int i = 0; i < 3; i++) {
				DataSets.read(file);
			}
			long[] nanos = new long[7];
			long allocated = 0;
			Field f = null;
			for (int i = 0; i < nanos.length; i++) {
				long a0 = threads.getCurrentThreadAllocatedBytes();
				long t0 = System.nanoTime();
				f = DataSets.read(file);
				nanos[i] = System.nanoTime() - t0;
				allocated = threads.getCurrentThreadAllocatedBytes() - a0;
			}
			Arrays.sort(nanos);
			long dataBytes = 8L * f.grid().size() * f.fieldNames().size();
			System.out.printf("%-28s %10.2f %10.1f %12.2f %8.2f%n", file.getFileName(), Files.size(file) / 1048576.0,
					nanos[nanos.length / 2] / 1e6, allocated / 1048576.0, (double) allocated / dataBytes);
		}
	}

}

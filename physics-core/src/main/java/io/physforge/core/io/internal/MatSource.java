package io.physforge.core.io.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.format.Mat5File;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.Matrix;
import us.hebi.matlab.mat.types.Sparse;

/**
 * MATLAB v5 and v7 (compressed) MAT-files through MFL. MATLAB stores arrays column-major,
 * so a MATLAB {@code m x n} matrix is presented as the row-major {@code n x m} array with
 * the same bytes: no copy and no transposition; the assembler reorders the axes by
 * matching lengths like for any other file.
 */
final class MatSource implements ArraySource {

	private final Mat5File mat;

	private final Map<String, Matrix> matrices = new HashMap<>();

	MatSource(Path file) throws IOException {
		this.mat = Mat5.readFromFile(file.toFile());
	}

	@Override
	public String entryKind() {
		return "variable";
	}

	@Override
	public List<ArrayInfo> arrays() {
		List<ArrayInfo> out = new ArrayList<>();
		for (MatFile.Entry e : this.mat.getEntries()) {
			if (!(e.getValue() instanceof Matrix m) || e.getValue() instanceof Sparse) {
				continue;
			}
			int[] dims = m.getDimensions();
			int[] shape = new int[dims.length];
			for (int i = 0; i < dims.length; i++) {
				shape[i] = dims[dims.length - 1 - i];
			}
			this.matrices.put(e.getName(), m);
			out.add(new ArrayInfo(e.getName(), shape, null, m.isComplex(), "variable '" + e.getName() + "'"));
		}
		return out;
	}

	@Override
	public ArrayData read(ArrayInfo array) {
		Matrix m = this.matrices.get(array.name());
		int n = m.getNumElements();
		double[] re = new double[n];
		for (int i = 0; i < n; i++) {
			re[i] = m.getDouble(i);
		}
		double[] im = null;
		if (m.isComplex()) {
			im = new double[n];
			for (int i = 0; i < n; i++) {
				im[i] = m.getImaginaryDouble(i);
			}
		}
		return new ArrayData(re, im);
	}

	@Override
	public void close() throws IOException {
		this.mat.close();
	}

}

/**
 * Reading and writing data sets ({@link io.physforge.core.field.Field}) in the file
 * formats scientists use: long-form CSV, HDF5, NetCDF-3 classic, NetCDF-4, NumPy
 * {@code .npy}/{@code .npz} and MATLAB v5/v7/v7.3 {@code .mat}.
 *
 * <p>
 * Entry point: {@link io.physforge.core.io.DataSets}. The format is detected from the
 * file's content (magic bytes), never trusted from its extension. Coordinates are found
 * by name ({@code t}, {@code x}, {@code y}, {@code z} and common aliases such as
 * {@code tt}), fields are the arrays whose shape matches the grid, and values always come
 * out in canonical axis order {@code t, x, y, z}. Complex arrays become two real fields
 * ({@code psi = u + i v}). Every problem with the input is an
 * {@link io.physforge.core.io.InvalidDataException} naming the file, the place, the
 * problem and the fix. Every size a file declares is checked against
 * {@link io.physforge.core.io.ReadLimits} before it is allocated, and compressed entries
 * are counted while they inflate; a file over a limit is a
 * {@link io.physforge.core.io.LimitExceededException} naming the setting to raise.
 */
package io.physforge.core.io;

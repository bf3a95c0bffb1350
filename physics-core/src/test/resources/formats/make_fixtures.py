# Writes the small format fixtures used by FormatFixturesTest (run with Debian's
# python3-h5py, python3-netcdf4, python3-numpy; the outputs are committed).
# Every fixture holds t = [0, 1], x = [0, 0.5, 1] (or x = [0, 1] where axes must tie)
# and u[i, j] = 10 i + j (i along t, j along x), v (imaginary part) = 100 i + j + 1.
import h5py
import netCDF4
import numpy as np

t = np.array([0.0, 1.0])
x = np.array([0.0, 0.5, 1.0])
i, j = np.meshgrid(np.arange(2), np.arange(3), indexing="ij")
u = 10.0 * i + j
v = 100.0 * i + j + 1

# NetCDF-4 with equal axis lengths: only the dimension names tell the order (x, t).
d = netCDF4.Dataset("dims_xt.nc", "w", format="NETCDF4")
d.createDimension("x", 2)
d.createDimension("t", 2)
d.createVariable("x", "f8", ("x",))[:] = [0.0, 1.0]
d.createVariable("t", "f8", ("t",))[:] = [0.0, 1.0]
d.createVariable("u", "f8", ("x", "t"))[:] = np.array([[0.0, 10.0], [1.0, 11.0]])
d.close()

# h5py complex (compound r/i) field laid out (x, t) with a dims attribute.
with h5py.File("complex_psi.h5", "w") as f:
    f["t"] = t
    f["x"] = x
    f["psi"] = (u + 1j * v).T
    f["psi"].attrs["dims"] = "x,t"

# MATLAB v7.3 style: 512-byte user block with the MATLAB header, HDF5 after it;
# MATLAB's column-major usol (x by t) appears in HDF5 as (t, x); complex as real/imag.
with h5py.File("v73.mat", "w", userblock_size=512) as f:
    f["t"] = t.reshape(2, 1)
    f["x"] = x.reshape(1, 3)
    ct = np.dtype([("real", "f8"), ("imag", "f8")])
    z = np.empty((2, 3), dtype=ct)
    z["real"] = u
    z["imag"] = v
    f["usol"] = z
with open("v73.mat", "r+b") as fh:
    fh.write(b"MATLAB 7.3 MAT-file, Platform: GLNXA64, Created on: test HDF5 schema 1.00 .".ljust(116))

# Fortran-ordered NPZ entry.
np.savez("fortran.npz", t=t, x=x, u=np.asfortranarray(u))

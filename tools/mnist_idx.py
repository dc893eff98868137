"""The four MNIST files in their IDX form (plain or .gz), read with the standard library only: the one
reader of tools/mnist_torch.py and tools/mnist_keras.py, which turn its bytes into their own arrays."""
import gzip
import os
import struct
import sys


def read_idx(directory, name, magic, dims, tool):
    """(shape, bytes) of the IDX file `name` (or `name`.gz) in `directory`; exits with one line naming
    `tool` and the fix if it is missing, of another kind, or shorter or longer than its header says."""
    for candidate in (name, name + ".gz"):
        path = os.path.join(directory, candidate)
        if os.path.exists(path):
            opener = gzip.open if candidate.endswith(".gz") else open
            with opener(path, "rb") as f:
                data = f.read()
            break
    else:
        sys.exit(f"{tool}: {name} is not in {directory}: run bin/course data, or set COURSE_MNIST_DIR")
    found = struct.unpack(">I", data[:4])[0]
    if found != magic:
        sys.exit(f"{tool}: {path}: magic number {found:#x}, expected {magic:#x}")
    shape = struct.unpack(">" + "I" * dims, data[4:4 + 4 * dims])
    body = data[4 + 4 * dims:]
    count = 1
    for s in shape:
        count *= s
    if len(body) != count:
        sys.exit(f"{tool}: {path}: {len(body)} bytes of data, the header says {count}")
    return shape, body

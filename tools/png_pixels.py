"""Reads the pixels of a PNG (8-bit grey, RGB or RGBA, not interlaced: what Chromium's screenshots and
Java's ImageIO write) with the standard library only, and counts what a figure check needs.

    image = decode(png_bytes)          # Image(width, height, rgb rows)
    stats(image)                       # {'pixels', 'non_white', 'coloured', 'distinct'}
    count_near(image, (31, 119, 180))  # pixels within a tolerance of one colour
"""
import struct
import zlib
from collections import namedtuple

Image = namedtuple("Image", "width height rows")  # rows: list of bytes, 3 bytes (r, g, b) per pixel

_CHANNELS = {0: 1, 2: 3, 6: 4}


def decode(data):
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, header = 8, [], None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in _CHANNELS or interlace:
        raise ValueError("unsupported PNG: depth %d, colour type %d, interlace %d" % (depth, colour, interlace))
    channels = _CHANNELS[colour]
    raw = zlib.decompress(b"".join(idat))
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        _unfilter(kind, line, previous, channels)
        previous = line
        if channels == 4:
            rgb = bytearray(width * 3)
            rgb[0::3], rgb[1::3], rgb[2::3] = line[0::4], line[1::4], line[2::4]
        elif channels == 1:
            rgb = bytearray(width * 3)
            rgb[0::3] = rgb[1::3] = rgb[2::3] = line
        else:
            rgb = line
        rows.append(bytes(rgb))
    return Image(width, height, rows)


def _unfilter(kind, line, previous, bpp):
    n = len(line)
    if kind == 0:
        return
    if kind == 1:
        for i in range(bpp, n):
            line[i] = (line[i] + line[i - bpp]) & 0xFF
    elif kind == 2:
        for i in range(n):
            line[i] = (line[i] + previous[i]) & 0xFF
    elif kind == 3:
        for i in range(n):
            left = line[i - bpp] if i >= bpp else 0
            line[i] = (line[i] + ((left + previous[i]) >> 1)) & 0xFF
    elif kind == 4:
        for i in range(n):
            a = line[i - bpp] if i >= bpp else 0
            b = previous[i]
            c = previous[i - bpp] if i >= bpp else 0
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            predictor = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
            line[i] = (line[i] + predictor) & 0xFF
    else:
        raise ValueError("bad PNG filter type %d" % kind)


def pixels(image, box=None):
    """(r, g, b) of every pixel, optionally inside box = (x0, y0, x1, y1)."""
    x0, y0, x1, y1 = box or (0, 0, image.width, image.height)
    for y in range(max(0, y0), min(image.height, y1)):
        row = image.rows[y]
        for x in range(max(0, x0), min(image.width, x1)):
            yield row[3 * x], row[3 * x + 1], row[3 * x + 2]


def stats(image, box=None):
    total = non_white = coloured = 0
    seen = set()
    for r, g, b in pixels(image, box):
        total += 1
        if min(r, g, b) < 235:
            non_white += 1
        if max(r, g, b) - min(r, g, b) > 60:
            coloured += 1
            seen.add((r >> 4, g >> 4, b >> 4))
    return {"pixels": total, "non_white": non_white, "coloured": coloured, "distinct": len(seen)}


def count_near(image, colour, tolerance=30, box=None):
    cr, cg, cb = colour
    return sum(1 for r, g, b in pixels(image, box)
               if abs(r - cr) <= tolerance and abs(g - cg) <= tolerance and abs(b - cb) <= tolerance)


def differing(a, b, box=None):
    """Pixels that differ between two images of the same size."""
    if (a.width, a.height) != (b.width, b.height):
        return a.width * a.height
    return sum(1 for p, q in zip(pixels(a, box), pixels(b, box)) if p != q)

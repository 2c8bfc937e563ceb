#!/usr/bin/env python3
"""Writes a small TrueType font (the seed of the ttf fuzz target): a
.notdef, a simple glyph for 'A', a composite glyph for 'a' and 'å' made
of it, a space, and a format 4 cmap.  Usage: mkttf.py OUT.ttf"""
import struct
import sys


def glyph_simple():
    # One square contour of four on-curve points, word coordinates.
    g = struct.pack('>hhhhh', 1, 0, 0, 500, 700)
    g += struct.pack('>H', 3)           # end point of the contour
    g += struct.pack('>H', 0)           # no instructions
    g += bytes([0x01] * 4)              # flags: on curve
    g += struct.pack('>hhhh', 0, 500, 0, -500)      # x deltas
    g += struct.pack('>hhhh', 0, 0, 700, 0)         # y deltas
    return g


def glyph_composite(of):
    g = struct.pack('>hhhhh', -1, 0, 0, 600, 800)
    # ARG_1_AND_2_ARE_WORDS | ARGS_ARE_XY_VALUES, no more components
    g += struct.pack('>HHhh', 0x0003, of, 50, 100)
    return g


def pad(b):
    return b + b'\0' * (-len(b) % 4)


def cmap(pairs):
    segs = sorted(pairs) + [(0xFFFF, 0)]
    n = len(segs)
    end = b''.join(struct.pack('>H', c) for c, _ in segs)
    start = end
    delta = b''.join(struct.pack('>H', (g - c) % 65536 if c != 0xFFFF
                                 else 1) for c, g in segs)
    rng = b'\0\0' * n
    es = max(0, n.bit_length() - 1)
    body = struct.pack('>HHHH', n * 2, 2 << es, es, n * 2 - (2 << es))
    body += end + b'\0\0' + start + delta + rng
    sub = struct.pack('>HHH', 4, 6 + len(body), 0) + body
    return struct.pack('>HHHHI', 0, 1, 3, 1, 12) + sub


def main():
    glyphs = [b'', glyph_simple(), glyph_composite(1), b'']
    glyf, loca = b'', []
    for g in glyphs:
        loca.append(len(glyf) // 2)
        glyf += g + b'\0' * (len(g) % 2)
    loca.append(len(glyf) // 2)
    n = len(glyphs)
    tables = {
        b'head': struct.pack('>IIIIHH8s8shhhhHHhhh', 0x00010000, 0x00010000,
                             0, 0x5F0F3CF5, 0, 1000, b'\0' * 8, b'\0' * 8,
                             0, -200, 600, 800, 0, 8, 2, 0, 0),
        b'hhea': struct.pack('>IhhhHhhhhhh8xhH', 0x00010000, 800, -200, 0,
                             600, 0, 0, 600, 1, 0, 0, 0, n),
        b'maxp': struct.pack('>IH26x', 0x00010000, n),
        b'hmtx': b''.join(struct.pack('>Hh', 600, 0) for _ in range(n)),
        b'loca': b''.join(struct.pack('>H', o) for o in loca),
        b'glyf': glyf,
        b'cmap': cmap([(ord('A'), 1), (ord('a'), 2), (0xE5, 2),
                       (ord(' '), 3)]),
    }
    tags = sorted(tables)
    off = 12 + 16 * len(tags)
    head, data = b'', b''
    for t in tags:
        head += struct.pack('>4sIII', t, 0, off + len(data), len(tables[t]))
        data += pad(tables[t])
    es = len(tags).bit_length() - 1
    out = struct.pack('>IHHHH', 0x00010000, len(tags), 16 << es, es,
                      16 * len(tags) - (16 << es)) + head + data
    with open(sys.argv[1], 'wb') as f:
        f.write(out)


main()

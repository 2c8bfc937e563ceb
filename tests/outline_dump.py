#!/usr/bin/env python3
"""Prints a PDF's bookmarks as an indented list, one per line:
"TITLE -> page N", two spaces per level (from qpdf --json).

usage: outline_dump.py FILE.pdf
"""
import json
import subprocess
import sys


def walk(items, depth, out):
    for o in items:
        out.append("%s%s -> page %s" % ("  " * depth, o.get("title"),
                                        o.get("destpageposfrom1")))
        walk(o.get("kids", []), depth + 1, out)


def main():
    js = subprocess.run(["qpdf", "--json", "--json-key=outlines",
                         sys.argv[1]], check=True, capture_output=True).stdout
    out = []
    walk(json.loads(js)["outlines"], 0, out)
    sys.stdout.write("".join(line + "\n" for line in out))


if __name__ == "__main__":
    main()

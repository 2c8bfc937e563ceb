#!/usr/bin/env python3
"""Checks the tagged-PDF (PDF/UA-1) rules a reader relies on, on one file.

    check_tagged.py FILE.pdf
    check_tagged.py --langs FILE.pdf   # also lists each element's /Lang

Fails (exit 1, one line per fault) on:
- content: a painting operator outside a marked-content sequence with an
  MCID and outside an Artifact; unbalanced BDC/BMC and EMC; marked content
  begun inside a path or overlapping BT/ET; an MCID used twice on a page
  or nested in another;
- the parent tree: a page with marked content and no /StructParents, an
  MCID missing from the ParentTree, an entry pointing at an element that
  does not hold that MCID or whose type is not the tag in the content;
  an element naming an MCID that its page does not have;
- the tree: /P not the parent, a heading level skipped within a document
  (H1 then H3), a Figure without /Alt, a TH without /Scope, L/LI/Lbl/LBody or Table/THead/TBody/TFoot/TR/TH/TD nested
  wrongly, a link annotation without /Contents or a Link element holding
  its OBJR;
- notes: a Note without an /ID, an /ID that two elements share, an /ID
  the StructTreeRoot's /IDTree does not map to its element, a Reference
  outside a paragraph-level element;
- languages: a /Lang (of the catalog or of an element) that is not a
  well-formed BCP 47 tag (RFC 5646: "sv-SE", "nb", "sma", "en-GB");
- the catalog: no /MarkInfo /Marked true, no /Lang, no
  /ViewerPreferences /DisplayDocTitle true, no dc:title or pdfuaid:part
  in the XMP; a page without /Tabs /S;
- fonts: not embedded, or without a ToUnicode map that maps every code
  the pages show.

- artifacts and forms: an Artifact without a /Type; marked content with
  an MCID inside an Artifact (Matterhorn 01-004: a form XObject drawn as
  an artifact that keeps its own tags); marked content with an MCID in
  a form XObject at all (valid PDF, but a reader that builds a page's
  structure from the page's own parent-tree entry, as pdf.js and so
  Firefox do, never reaches it: the pages of attached PDFs are part of
  the page's content); a form XObject with marked content and no
  /StructParents, or MCIDs its parent-tree entry does not give to an
  element holding them (an MCR with /Stm);
- names and boxes: a Link whose /Alt or whose annotation's /Contents is
  not the text of its marked content, once (a hyphen layout added is an
  artifact, so no part of it); a Figure or Table without /BBox; a Figure
  without content.

Form XObjects are looked into (the pages of attached PDFs): their
content is checked as drawn, inside the marked content around the Do.

    check_tagged.py --links FILE.pdf    # also each Link's text, and
                                        # whether it goes over a hyphen
    check_tagged.py --figures FILE.pdf  # also each Figure's /Alt, page
"""
import re
import sys
import xml.etree.ElementTree as ET

import pikepdf
from pikepdf import Array, Dictionary, Name

PAINT_TEXT = {"Tj", "TJ", "'", '"'}
PAINT_PATH = {"S", "s", "f", "F", "f*", "B", "B*", "b", "b*"}
PAINT_OTHER = {"Do", "sh", "INLINE IMAGE", "EI"}
PATH_OPS = {"m", "l", "c", "v", "y", "h", "re"}

LIST_KIDS = {"L": {"LI", "L", "Caption"}, "LI": {"Lbl", "LBody"}}
LIST_PARENT = {"LI": {"L"}, "Lbl": {"LI"}, "LBody": {"LI"}}
TABLE_KIDS = {
    "Table": {"TR", "THead", "TBody", "TFoot", "Caption"},
    "THead": {"TR"}, "TBody": {"TR"}, "TFoot": {"TR"},
    "TR": {"TH", "TD"},
}
TABLE_PARENT = {
    "TR": {"Table", "THead", "TBody", "TFoot"},
    "THead": {"Table"}, "TBody": {"Table"}, "TFoot": {"Table"},
    "TH": {"TR"}, "TD": {"TR"},
}

# What a footnote's Reference may be inside: its text's element.
PARA_LEVEL = {"P", "H1", "H2", "H3", "H4", "H5", "H6", "Span", "Lbl",
              "TD", "TH", "Caption", "Link", "Quote"}

faults = []

# A well-formed BCP 47 language tag (RFC 5646 section 2.1, without the
# grandfathered irregular tags): language (with extlang), script,
# region, variants, extensions, private use.
LANG_TAG = re.compile(
    r"(?:[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}|[A-Za-z]{4,8})"
    r"(?:-[A-Za-z]{4})?"
    r"(?:-(?:[A-Za-z]{2}|[0-9]{3}))?"
    r"(?:-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*"
    r"(?:-[0-9A-WY-Za-wy-z](?:-[A-Za-z0-9]{2,8})+)*"
    r"(?:-[Xx](?:-[A-Za-z0-9]{1,8})+)?"
    r"|[Xx](?:-[A-Za-z0-9]{1,8})+")


def lang_ok(tag):
    return LANG_TAG.fullmatch(tag) is not None


def fault(msg):
    faults.append(msg)


def key(obj):
    """Identity of an indirect object."""
    try:
        return obj.objgen
    except Exception:
        return None


def as_list(obj):
    if obj is None:
        return []
    if isinstance(obj, Array):
        return list(obj)
    return [obj]


def text_of(obj):
    if obj is None:
        return ""
    try:
        return str(obj)
    except Exception:
        return ""


def leaves(node, entry, keyof, out, depth=0):
    """The pairs of a number tree (entry "/Nums") or a name tree
    ("/Names") into out, keyed by keyof."""
    if node is None or depth > 32:
        return
    pairs = node.get(entry)
    if pairs is not None:
        for i in range(0, len(pairs) - 1, 2):
            out[keyof(pairs[i])] = pairs[i + 1]
    for kid in as_list(node.get("/Kids")):
        leaves(kid, entry, keyof, out, depth + 1)


def numtree(node, out):
    leaves(node, "/Nums", int, out)


def nametree(node, out):
    leaves(node, "/Names", bytes, out)


# ---------------------------------------------------------------------
# The catalog and the XMP.

XMP_NS = {
    "dc": "http://purl.org/dc/elements/1.1/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "pdfuaid": "http://www.aiim.org/pdfua/ns/id/",
}


def check_catalog(pdf):
    root = pdf.Root
    mi = root.get("/MarkInfo")
    if mi is None or not bool(mi.get("/Marked", False)):
        fault("catalog: /MarkInfo /Marked is not true")
    lang = text_of(root.get("/Lang"))
    if not lang.strip():
        fault("catalog: no /Lang (the document's language)")
    elif not lang_ok(lang):
        fault("catalog: /Lang \"%s\" is not a well-formed language tag" %
              lang)
    vp = root.get("/ViewerPreferences")
    if vp is None or not bool(vp.get("/DisplayDocTitle", False)):
        fault("catalog: /ViewerPreferences /DisplayDocTitle is not true")
    meta = root.get("/Metadata")
    if meta is None:
        fault("catalog: no XMP metadata: no dc:title, no pdfuaid:part")
        return
    try:
        x = ET.fromstring(meta.read_bytes())
    except ET.ParseError as e:
        fault("XMP: does not parse: %s" % e)
        return
    titles = [li.text for t in x.iter("{%s}title" % XMP_NS["dc"])
              for li in t.iter("{%s}li" % XMP_NS["rdf"]) if li.text]
    if not titles:
        fault("XMP: no dc:title")
    part = [e.text for e in x.iter("{%s}part" % XMP_NS["pdfuaid"])]
    for d in x.iter("{%s}Description" % XMP_NS["rdf"]):
        a = d.get("{%s}part" % XMP_NS["pdfuaid"])
        if a is not None:
            part.append(a)
    if "1" not in [p.strip() for p in part if p]:
        fault("XMP: no pdfuaid:part 1")
    if "/StructTreeRoot" not in root:
        fault("catalog: no /StructTreeRoot: the file is not tagged")


# ---------------------------------------------------------------------
# Fonts and their ToUnicode maps.

HEX = re.compile(rb"<([0-9A-Fa-f]*)>")


def cmap_ranges(data):
    """Code ranges a ToUnicode CMap maps: [(lo, hi)]."""
    ranges = []
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", data, re.S):
        for line in block.splitlines():
            h = HEX.findall(line)
            if len(h) >= 3 or (len(h) >= 2 and b"[" in line):
                ranges.append((int(h[0], 16), int(h[1], 16)))
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", data, re.S):
        for line in block.splitlines():
            h = HEX.findall(line)
            if len(h) >= 2:
                c = int(h[0], 16)
                ranges.append((c, c))
    return ranges


def cmap_map(data):
    """What a ToUnicode CMap maps: {code: text}."""
    out = {}

    def utf16(h):
        b = bytes.fromhex(h.decode() if len(h) % 2 == 0 else
                          h.decode() + "0")
        return b.decode("utf-16-be", "replace")
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", data, re.S):
        for line in block.splitlines():
            h = HEX.findall(line)
            if len(h) < 3:
                continue
            lo, hi = int(h[0], 16), int(h[1], 16)
            if hi - lo > 0xffff:
                continue
            if b"[" in line:
                for i, d in enumerate(h[2:]):
                    out[lo + i] = utf16(d)
            else:
                d = utf16(h[2])
                for c in range(lo, hi + 1):
                    out[c] = d[:-1] + chr(ord(d[-1]) + c - lo) if d \
                        else ""
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", data, re.S):
        for line in block.splitlines():
            h = HEX.findall(line)
            if len(h) >= 2:
                out[int(h[0], 16)] = utf16(h[1])
    return out


SIMPLE_ENCODINGS = {"/WinAnsiEncoding": "cp1252",
                    "/MacRomanEncoding": "mac_roman"}


class FontInfo:
    def __init__(self, font):
        self.name = text_of(font.get("/BaseFont"))
        self.two_byte = font.get("/Subtype") == Name("/Type0")
        self.ranges = []
        self.problem = None
        tu = font.get("/ToUnicode")
        enc = font.get("/Encoding")
        if isinstance(enc, Dictionary) and "/Differences" not in enc:
            enc = enc.get("/BaseEncoding")
        if tu is None and not self.two_byte and \
                str(enc) in SIMPLE_ENCODINGS:
            # ISO 32000-1, 9.10.2: a simple font with a standard
            # encoding maps its codes to Unicode without a map.
            self.map = {c: bytes([c]).decode(SIMPLE_ENCODINGS[str(enc)],
                                             "replace")
                        for c in range(32, 256)}
            self.ranges = [(0, 255)]
        elif tu is None:
            self.problem = "no ToUnicode map"
        else:
            try:
                self.ranges = cmap_ranges(tu.read_bytes())
                self.map = cmap_map(tu.read_bytes())
            except Exception as e:
                self.problem = "ToUnicode unreadable (%s)" % e
            if not self.ranges and self.problem is None:
                self.problem = "a ToUnicode map without bfrange or " \
                    "bfchar entries"
        desc = font
        if self.two_byte:
            d = as_list(font.get("/DescendantFonts"))
            desc = d[0] if d else None
        fd = desc.get("/FontDescriptor") if desc is not None else None
        if fd is None or not any(k in fd for k in
                                 ("/FontFile", "/FontFile2", "/FontFile3")):
            self.embedded = False
        else:
            self.embedded = True
        self.unmapped = set()
        if not hasattr(self, "map"):
            self.map = {}

    def covers(self, code):
        for lo, hi in self.ranges:
            if lo <= code <= hi:
                return True
        return False

    def show(self, data):
        """Notes codes the map misses; the text shown."""
        if self.two_byte:
            codes = [data[i] << 8 | data[i + 1]
                     for i in range(0, len(data) - 1, 2)]
        else:
            codes = list(data)
        for c in codes:
            if self.ranges and not self.covers(c):
                self.unmapped.add(c)
        return "".join(self.map.get(c, "") for c in codes)


# ---------------------------------------------------------------------
# Content streams.

ARTIFACT_TYPES = {"/Pagination", "/Layout", "/Page", "/Background"}


class Content:
    """What the content of a page (and of the form XObjects it draws)
    holds: {(page, stream, mcid): tag} with stream None for the page's
    own content or the form's key, and the text of each."""

    def __init__(self):
        self.mcids = {}
        self.text = {}
        self.forms = []     # (form, page key, {mcid: tag}) with MCIDs
        self.last = None    # the marked content shown last
        self.hyphen = set()     # marked content a hyphen artifact follows
        self.links = []     # (a Link's text, whether over a hyphen)


def check_content(pdf, page, pno, fonts, content=None):
    """The page's marked content, checked, into content (a Content)."""
    if content is None:
        content = Content()
    outside = {}
    scan(page.obj, page.obj.get("/Resources"), pno, key(page.obj), None,
         fonts, content, [], outside, set(), 0)
    for op, n in sorted(outside.items()):
        fault("page %d: %d x %s paints outside marked content and outside "
              "an Artifact" % (pno, n, op))
    pk = key(page.obj)
    return {m: t for (p, st, m), t in content.mcids.items()
            if p == pk and st is None}


def scan(obj, res, pno, pk, stm, fonts, content, base, outside, seen,
         depth):
    """One content stream: the page's (stm None) or a form's, drawn
    inside the marked content `base' (a copy of the drawing stack)."""
    where = "page %d" % pno if stm is None else \
        "page %d, form XObject %d" % (pno, stm[0])
    fontres = res.get("/Font") if res is not None else None
    props = res.get("/Properties") if res is not None else None
    xobjs = res.get("/XObject") if res is not None else None
    stack = list(base)  # (kind, tag, mcid, opened in text)
    nbase = len(base)
    mine = {}
    in_text = False
    in_path = False
    font = None
    try:
        instrs = pikepdf.parse_content_stream(obj)
    except Exception as e:
        fault("%s: content does not parse: %s" % (where, e))
        return mine
    for ins in instrs:
        op = str(ins.operator)
        ops = ins.operands
        if op in ("BDC", "BMC"):
            if in_path:
                fault("%s: marked content begins inside a path" % where)
            tag = str(ops[0]) if ops else ""
            pl = ops[1] if op == "BDC" and len(ops) > 1 else None
            if isinstance(pl, Name) and props is not None:
                pl = props.get(str(pl))
            mcid = None
            if isinstance(pl, Dictionary) and "/MCID" in pl:
                mcid = int(pl.MCID)
            if tag == "/Artifact":
                t = pl.get("/Type") if isinstance(pl, Dictionary) else None
                if t is None or str(t) not in ARTIFACT_TYPES:
                    fault("%s: an Artifact without a /Type (Pagination, "
                          "Layout, Page or Background)" % where)
                elif str(t) == "/Pagination" and "/Subtype" not in pl:
                    pass    # page numbers alone need no subtype
                stack.append(("artifact", tag, None, in_text))
            elif mcid is not None:
                if any(s[0] == "artifact" for s in stack):
                    fault("%s: marked content with MCID %d inside an "
                          "Artifact: no structure element reaches it" %
                          (where, mcid))
                elif any(s[0] == "mcid" for s in stack):
                    fault("%s: MCID %d is nested in another "
                          "marked-content sequence with an MCID" %
                          (where, mcid))
                if mcid in mine:
                    fault("%s: MCID %d is used twice" % (where, mcid))
                mine[mcid] = tag[1:]
                content.mcids[(pk, stm and stm[1], mcid)] = tag[1:]
                content.text.setdefault((pk, stm and stm[1], mcid), "")
                stack.append(("mcid", tag, (pk, stm and stm[1], mcid),
                              in_text))
            else:
                stack.append(("other", tag, None, in_text))
        elif op == "EMC":
            if len(stack) <= nbase:
                fault("%s: unbalanced: EMC without BDC or BMC" % where)
            else:
                s = stack.pop()
                if s[3] != in_text:
                    fault("%s: marked content %s and a text object "
                          "(BT ... ET) overlap" % (where, s[1]))
        elif op == "BT":
            in_text = True
        elif op == "ET":
            in_text = False
            if len(stack) > nbase and stack[-1][3]:
                fault("%s: marked content %s begun in a text object "
                      "is still open at ET" % (where, stack[-1][1]))
        elif op in PATH_OPS:
            in_path = True
        elif op == "n":
            in_path = False
        elif op == "Tf" and ops:
            f = fontres.get(str(ops[0])) if fontres is not None else None
            if f is None:
                font = None
            else:
                k = key(f)
                if k not in fonts:
                    fonts[k] = FontInfo(f)
                font = fonts[k]
        form = None
        if op == "Do" and ops and xobjs is not None:
            x = xobjs.get(str(ops[0]))
            if isinstance(x, pikepdf.Stream) and \
                    x.get("/Subtype") == Name("/Form"):
                form = x
        if form is not None:
            fk = key(form)
            if fk in seen or depth > 8:
                continue
            seen.add(fk)
            fres = form.get("/Resources", res)
            got = scan(form, fres, pno, pk, (fk[0] if fk else 0, fk),
                       fonts, content, stack, outside, seen, depth + 1)
            seen.discard(fk)
            if got:
                content.forms.append((form, pk, got))
            continue
        if op in PAINT_TEXT or op in PAINT_PATH or op in PAINT_OTHER:
            if not any(s[0] in ("mcid", "artifact") for s in stack):
                outside[op] = outside.get(op, 0) + 1
            if op in PAINT_PATH:
                in_path = False
        if op in PAINT_TEXT and font is not None:
            shown = []
            for o in ops:
                items = list(o) if isinstance(o, Array) else [o]
                for it in items:
                    if isinstance(it, pikepdf.String):
                        shown.append(font.show(bytes(it)))
            for s in reversed(stack):
                if s[0] == "mcid":
                    content.text[s[2]] += "".join(shown)
                    content.last = s[2]
                    break
                if s[0] == "artifact":
                    if "".join(shown).strip() == "-" and content.last:
                        content.hyphen.add(content.last)
                    break
    if len(stack) > nbase:
        fault("%s: unbalanced: %d marked-content sequence(s) not "
              "closed at the end of the %s" % (where, len(stack) - nbase,
                                               "page" if stm is None else
                                               "form"))
    return mine


# ---------------------------------------------------------------------
# The structure tree.

class Tree:
    def __init__(self, pdf):
        self.rolemap = {}
        # Marked content is (page key, form key or None, mcid).
        self.held = {}       # element key -> set of marked content
        self.types = {}      # element key -> type
        self.mcrs = []       # (marked content, element type)
        self.order = {}      # element key -> its marked content in order
        self.links = []      # Link elements
        self.figures = []    # (Figure element, its type)
        self.objrs = {}      # annotation key -> element key
        self.count = 0
        self.heading = 0     # level of the last heading in this Part
        self.langs = []      # (type, /Lang, pages) in tree order
        self.ids = {}        # /ID -> element key
        self.idtree = {}     # /IDTree: /ID -> element
        self.pageno = {key(pg.obj): i + 1 for i, pg in enumerate(pdf.pages)}
        root = pdf.Root.get("/StructTreeRoot")
        rm = root.get("/RoleMap") if root is not None else None
        if rm is not None:
            for k in rm.keys():
                self.rolemap[k[1:]] = str(rm[k])[1:]
        if root is None:
            return
        self.root = root
        nametree(root.get("/IDTree"), self.idtree)
        seen = set()
        for kid in as_list(root.get("/K")):
            self.walk(kid, root, None, seen, 0)
        for i, k in sorted(self.ids.items()):
            el = self.idtree.get(i)
            if el is None or not isinstance(el, Dictionary) or key(el) != k:
                fault("structure: /ID \"%s\" of %s is not in the IDTree "
                      "(or names another element there)" %
                      (i.decode("latin-1"), self.types.get(k)))

    def std(self, s):
        n = 0
        while s in self.rolemap and n < 8:
            s = self.rolemap[s]
            n += 1
        return s

    def walk(self, e, parent, ptype, seen, depth):
        if not isinstance(e, Dictionary):
            return
        k = key(e)
        if k in seen:
            fault("structure: element %s appears twice in the tree" % (k,))
            return
        if depth > 200:
            fault("structure: nesting deeper than 200")
            return
        seen.add(k)
        self.count += 1
        s = text_of(e.get("/S"))[1:]
        t = self.std(s)
        self.types[k] = t
        p = e.get("/P")
        if p is None or key(p) != key(parent):
            fault("structure: /P of %s is not its parent" % s)
        if "/Lang" in e:
            lang = text_of(e.get("/Lang"))
            self.langs.append((s, lang, self.pages_of(e)))
            if not lang_ok(lang):
                fault("structure: /Lang \"%s\" of %s is not a well-formed "
                      "language tag" % (lang, s))
        if t == "Part":
            self.heading = 0
        if re.fullmatch(r"H[1-6]", t):
            lvl = int(t[1])
            if lvl > self.heading + 1:
                fault("structure: heading level skipped: H%d after %s" %
                      (lvl, "H%d" % self.heading if self.heading else
                       "the start of its document"))
            self.heading = lvl
        if t == "Figure" and not (text_of(e.get("/Alt")).strip() or
                                  text_of(e.get("/ActualText")).strip()):
            fault("structure: Figure without /Alt")
        if t in ("Figure", "Table") and not self.has_bbox(e):
            fault("structure: %s without /BBox (ISO 32000-1, table 344)" %
                  t)
        if t == "Link":
            self.links.append(e)
        if t == "Figure":
            self.figures.append(e)
        if "/ID" in e:
            i = bytes(e.get("/ID"))
            if i in self.ids:
                fault("structure: /ID \"%s\" is used by two elements" %
                      i.decode("latin-1"))
            self.ids[i] = k
        elif t == "Note":
            fault("structure: Note without /ID")
        if t == "Reference" and ptype not in PARA_LEVEL:
            fault("structure: Reference inside %s, not in a paragraph or "
                  "heading" % ptype)
        if t == "TH" and not self.has_scope(e):
            fault("structure: TH without /Scope")
        if ptype in LIST_KIDS and t not in LIST_KIDS[ptype]:
            fault("structure: %s inside %s (a list holds LI, an LI holds "
                  "Lbl and LBody)" % (t, ptype))
        if t in LIST_PARENT and ptype not in LIST_PARENT[t]:
            fault("structure: %s inside %s, not in %s" %
                  (t, ptype, "/".join(sorted(LIST_PARENT[t]))))
        if ptype in TABLE_KIDS and t not in TABLE_KIDS[ptype]:
            fault("structure: %s inside %s (wrong table nesting)" %
                  (t, ptype))
        if t in TABLE_PARENT and ptype not in TABLE_PARENT[t]:
            fault("structure: %s inside %s, not in %s (wrong table "
                  "nesting)" % (t, ptype, "/".join(sorted(TABLE_PARENT[t]))))
        pg = e.get("/Pg")
        held = self.held.setdefault(k, set())
        order = self.order.setdefault(k, [])
        for kid in as_list(e.get("/K")):
            if isinstance(kid, int) or (hasattr(kid, "is_integer") and
                                        not isinstance(kid, Dictionary)):
                try:
                    m = int(kid)
                except Exception:
                    continue
                if pg is None:
                    fault("structure: %s holds MCID %d but has no /Pg" %
                          (s, m))
                    continue
                held.add((key(pg), None, m))
                order.append((key(pg), None, m))
                self.mcrs.append(((key(pg), None, m), t))
            elif isinstance(kid, Dictionary):
                typ = kid.get("/Type")
                if typ == Name("/MCR"):
                    kp = kid.get("/Pg", pg)
                    m = int(kid.get("/MCID", -1))
                    st = key(kid.get("/Stm")) if "/Stm" in kid else None
                    held.add((key(kp), st, m))
                    order.append((key(kp), st, m))
                    self.mcrs.append(((key(kp), st, m), t))
                elif typ == Name("/OBJR"):
                    self.objrs[key(kid.get("/Obj"))] = k
                else:
                    self.walk(kid, e, t, seen, depth + 1)

    def pages_of(self, e):
        """The pages of an element's own marked content."""
        out = set()
        for kid in as_list(e.get("/K")):
            if isinstance(kid, Dictionary):
                if kid.get("/Type") == Name("/MCR"):
                    out.add(self.pageno.get(key(kid.get("/Pg",
                                                        e.get("/Pg")))))
            elif e.get("/Pg") is not None:
                out.add(self.pageno.get(key(e.get("/Pg"))))
        return sorted(p for p in out if p is not None)

    @staticmethod
    def has_bbox(e):
        for a in as_list(e.get("/A")):
            if isinstance(a, Dictionary) and isinstance(a.get("/BBox"),
                                                        Array) and \
                    len(a.get("/BBox")) == 4:
                return True
        return False

    def content_of(self, e, depth=0):
        """Whether an element holds marked content, itself or below."""
        if self.order.get(key(e)) or depth > 50:
            return bool(self.order.get(key(e)))
        return any(isinstance(k, Dictionary) and "/S" in k and
                   self.content_of(k, depth + 1)
                   for k in as_list(e.get("/K")))

    @staticmethod
    def has_scope(e):
        for a in as_list(e.get("/A")):
            if isinstance(a, Dictionary) and text_of(a.get("/Scope")) in \
                    ("/Row", "/Column", "/Both"):
                return True
        return False


def check(path, langs=None):
    """The faults of a file, and a summary line if there are none.
    The elements' languages are appended to the list langs, if given."""
    del faults[:]
    try:
        pdf = pikepdf.open(path)
    except Exception as e:
        return ["cannot open: %s" % e], None
    summary = check_pdf(pdf, langs)
    return list(faults), summary


last_links = []
last_figures = []


def check_form_parents(tree, ptree, form, pk, mcids, pno):
    """A form XObject's marked content: its /StructParents entry in the
    ParentTree, elements that hold it by MCRs with /Stm."""
    sp = form.get("/StructParents")
    if sp is None:
        fault("page %d: form XObject %d has marked content but no "
              "/StructParents" % (pno, key(form)[0]))
        return
    arr = ptree.get(int(sp))
    if not isinstance(arr, Array):
        fault("page %d: no ParentTree entry for the /StructParents %d of "
              "form XObject %d" % (pno, int(sp), key(form)[0]))
        return
    for m, tag in sorted(mcids.items()):
        if m >= len(arr) or not isinstance(arr[m], Dictionary):
            fault("page %d: MCID %d of form XObject %d is not in the "
                  "ParentTree" % (pno, m, key(form)[0]))
            continue
        ek = key(arr[m])
        if (pk, key(form), m) not in tree.held.get(ek, ()):
            fault("page %d: the ParentTree gives MCID %d of form XObject "
                  "%d to an element (%s) that does not hold it" %
                  (pno, m, key(form)[0], tree.types.get(ek, "?")))


def squeeze(t):
    return " ".join(t.split())


def check_links(pdf, tree, content):
    """A link's name (/Alt of its element, /Contents of its annotation)
    is its visible text, once, without a hyphen layout added (an
    artifact, so not in the text of its marked content)."""
    annots = {}
    for page in pdf.pages:
        for a in as_list(page.obj.get("/Annots")):
            if a.get("/Subtype") == Name("/Link"):
                annots[key(a)] = a
    for e in tree.links:
        seen = tree.order.get(key(e), [])
        if not seen:
            continue
        text = squeeze("".join(content.text.get(mc, "") for mc in seen))
        content.links.append((text, any(mc in content.hyphen
                                        for mc in seen[:-1])))
        alt = squeeze(text_of(e.get("/Alt")))
        if "/Alt" in e and alt != text:
            fault("structure: a Link's /Alt \"%s\" is not its text \"%s\"" %
                  (alt, text))
        for kid in as_list(e.get("/K")):
            if isinstance(kid, Dictionary) and \
                    kid.get("/Type") == Name("/OBJR"):
                a = annots.get(key(kid.get("/Obj")))
                c = squeeze(text_of(a.get("/Contents"))) if a is not None \
                    else None
                if c is not None and c != text:
                    fault("structure: a link annotation's /Contents \"%s\" "
                          "is not its text \"%s\"" % (c, text))


def check_pdf(pdf, langs=None):
    check_catalog(pdf)
    root = pdf.Root.get("/StructTreeRoot")
    tree = Tree(pdf) if root is not None else None
    if tree is not None and langs is not None:
        langs.extend(tree.langs)
    ptree = {}
    if root is not None:
        numtree(root.get("/ParentTree"), ptree)
    fonts = {}
    content = Content()
    nmcid = 0
    for i, page in enumerate(pdf.pages):
        pno = i + 1
        if page.obj.get("/Tabs") != Name("/S"):
            fault("page %d: no /Tabs /S (tab order by structure)" % pno)
        nforms = len(content.forms)
        mcids = check_content(pdf, page, pno, fonts, content)
        nmcid += len(mcids)
        pk = key(page.obj)
        for form, fpk, fm in content.forms[nforms:]:
            fault("page %d: form XObject %d holds marked content with "
                  "MCIDs (%d): a reader that builds the page's structure "
                  "from the page's parent-tree entry (pdf.js) never "
                  "reaches it" % (pno, key(form)[0], len(fm)))
            if tree is not None:
                check_form_parents(tree, ptree, form, fpk, fm, pno)
        if mcids and tree is not None:
            sp = page.obj.get("/StructParents")
            if sp is None:
                fault("page %d: marked content but no /StructParents" % pno)
            else:
                arr = ptree.get(int(sp))
                if not isinstance(arr, Array):
                    fault("page %d: no ParentTree entry for /StructParents "
                          "%d" % (pno, int(sp)))
                else:
                    for m, tag in sorted(mcids.items()):
                        if m >= len(arr) or not isinstance(arr[m],
                                                           Dictionary):
                            fault("page %d: MCID %d is not in the "
                                  "ParentTree" % (pno, m))
                            continue
                        ek = key(arr[m])
                        if (pk, None, m) not in tree.held.get(ek, ()):
                            fault("page %d: the ParentTree gives MCID %d to "
                                  "an element (%s) that does not hold it" %
                                  (pno, m, tree.types.get(ek, "?")))
                        elif tree.std(tag) != tree.types.get(ek) and \
                                tag != text_of(arr[m].get("/S"))[1:]:
                            fault("page %d: MCID %d is tagged %s in the "
                                  "content but its element is %s" %
                                  (pno, m, tag, tree.types.get(ek)))
        for a in as_list(page.obj.get("/Annots")):
            if a.get("/Subtype") != Name("/Link"):
                continue
            if not text_of(a.get("/Contents")).strip():
                fault("page %d: link annotation without /Contents" % pno)
            if tree is None:
                continue
            sp = a.get("/StructParent")
            el = ptree.get(int(sp)) if sp is not None else None
            if el is None or tree.objrs.get(key(a)) != key(el) or \
                    tree.types.get(key(el)) != "Link":
                fault("page %d: link annotation not held (OBJR) by the "
                      "Link element its /StructParent names" % pno)
    if tree is not None:
        held = set()
        for mc, t in tree.mcrs:
            if mc not in content.mcids:
                fault("structure: %s holds MCID %d of a page whose content "
                      "has no such MCID" % (t, mc[2]))
            elif mc in held:
                # Two elements (a copy of one, say): read twice.
                fault("structure: MCID %d of page %s is held by two "
                      "structure elements" %
                      (mc[2], tree.pageno.get(mc[0], "?")))
            held.add(mc)
        check_links(pdf, tree, content)
        last_links[:] = content.links
        last_figures[:] = [(text_of(e.get("/Alt")),
                            tree.pageno.get(key(e.get("/Pg")), "?"))
                           for e in tree.figures]
        for e in tree.figures:
            if not tree.content_of(e):
                fault("structure: Figure without content (only its /Alt): "
                      "a reader cannot find what it describes")
    for f in fonts.values():
        if not f.embedded:
            fault("font %s: not embedded" % f.name)
        if f.problem:
            fault("font %s: %s" % (f.name, f.problem))
        elif f.unmapped:
            fault("font %s: ToUnicode does not map %d code(s) shown, "
                  "e.g. %04X" % (f.name, len(f.unmapped), min(f.unmapped)))
    return "tagged: %d pages, %d elements, %d MCIDs, %d fonts" % (
        len(pdf.pages), tree.count if tree else 0, nmcid, len(fonts))


def main():
    args = sys.argv[1:]
    langs = [] if args[:1] == ["--langs"] else None
    if langs is not None:
        args = args[1:]
    links = args[:1] == ["--links"]
    figures = args[:1] == ["--figures"]
    if links or figures:
        args = args[1:]
    if len(args) != 1:
        print("usage: check_tagged.py [--langs|--links|--figures] FILE.pdf",
              file=sys.stderr)
        return 2
    path = args[0]
    found, summary = check(path, langs)
    for text, hyphen in last_links if links else []:
        print("Link \"%s\"%s" % (text, " (over a hyphen)" if hyphen else ""))
    for alt, page in last_figures if figures else []:
        print("Figure \"%s\", page %s" % (alt, page))
    for t, lang, pages in langs or []:
        print("%s /Lang %s, page%s %s" % (t, lang, "s" if len(pages) > 1
                                          else "", ", ".join(map(str, pages))))
    if found:
        for f in found[:50]:
            print("%s: %s" % (path, f))
        if len(found) > 50:
            print("%s: ... and %d more" % (path, len(found) - 50))
        return 1
    print("%s: %s" % (path, summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())

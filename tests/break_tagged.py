#!/usr/bin/env python3
"""Writes a copy of a good tagged PDF with one deliberate fault, so that
the test can show that check_tagged.py catches it.

    break_tagged.py FAULT IN.pdf OUT.pdf
    break_tagged.py --list       # FAULT<TAB>message check_tagged must print
    break_tagged.py --prove DIR GOOD.pdf [FAULT=OTHER.pdf ...]

--prove makes every broken copy in DIR (from GOOD.pdf, or the file given
for that fault) and runs check_tagged on each: it must find the fault and
say so.  Prints one line per fault that is not caught; exit 1 if any.
"""
import os
import re
import sys

import pikepdf
from pikepdf import Array, Dictionary, Name

# fault name, what check_tagged.py must say about it
FAULTS = [
    ("paint-outside", "paints outside marked content and outside an Artifact"),
    ("emc-extra", "unbalanced: EMC without BDC or BMC"),
    ("bdc-unclosed", "not closed at the end of the page"),
    ("bdc-in-path", "marked content begins inside a path"),
    ("mc-across-et", "is still open at ET"),
    ("mcid-twice", "is used twice"),
    ("parent-missing", "is not in the ParentTree"),
    ("parent-wrong", "that does not hold it"),
    ("struct-parents", "marked content but no /StructParents"),
    ("mcid-dangling", "whose content has no such MCID"),
    ("mcid-held-twice", "is held by two structure elements"),
    ("heading-skip", "heading level skipped"),
    ("figure-alt", "Figure without /Alt"),
    ("th-scope", "TH without /Scope"),
    ("li-outside-list", "P inside L"),
    ("lbl-outside-li", "Lbl inside P, not in LI"),
    ("tr-outside-table", "wrong table nesting"),
    ("th-outside-tr", "TH inside P, not in TR"),
    ("wrong-parent", "/P of"),
    ("no-lang", "no /Lang"),
    ("lang-malformed", "of Span is not a well-formed language tag"),
    ("catalog-lang-malformed", "catalog: /Lang \"sv_SE\" is not a well"),
    ("no-displaydoctitle", "/DisplayDocTitle is not true"),
    ("no-markinfo", "/MarkInfo /Marked is not true"),
    ("no-dc-title", "XMP: no dc:title"),
    ("no-pdfuaid", "XMP: no pdfuaid:part 1"),
    ("no-tabs", "no /Tabs /S"),
    ("link-contents", "link annotation without /Contents"),
    ("link-objr", "link annotation not held (OBJR)"),
    ("no-tounicode", "no ToUnicode map"),
    ("tounicode-cidrange", "a ToUnicode map without bfrange or bfchar"),
    ("tounicode-partial", "ToUnicode does not map"),
    ("font-not-embedded", "not embedded"),
    ("note-no-id", "Note without /ID"),
    ("note-id-twice", "is used by two elements"),
    ("note-not-in-idtree", "is not in the IDTree"),
    ("reference-outside", "Reference inside Document"),
    ("link-alt-garbled", "a Link's /Alt"),
    ("link-contents-garbled", "a link annotation's /Contents"),
    ("artifact-untyped", "an Artifact without a /Type"),
    ("figure-bbox", "Figure without /BBox"),
    ("table-bbox", "Table without /BBox"),
    ("figure-empty", "Figure without content"),
    ("mcid-in-artifact", "inside an Artifact: no structure element reaches"),
    ("form-structparents", "has marked content but no /StructParents"),
    ("mcid-in-form", "holds marked content with MCIDs"),
]


def elements(pdf):
    out = []

    def walk(e, depth):
        if not isinstance(e, Dictionary) or depth > 200:
            return
        if "/S" in e:
            out.append(e)
        k = e.get("/K")
        for kid in (list(k) if isinstance(k, Array) else [k]):
            if isinstance(kid, Dictionary) and "/S" in kid:
                walk(kid, depth + 1)
    for k in pdf.Root.StructTreeRoot.K:
        walk(k, 0)
    return out


def first(pdf, typ):
    for e in elements(pdf):
        if e.S == Name("/" + typ):
            return e
    raise SystemExit("break_tagged.py: the document has no %s" % typ)


def page_parents(pdf, pno):
    nums = pdf.Root.StructTreeRoot.ParentTree.Nums
    sp = int(pdf.pages[pno].obj.StructParents)
    for i in range(0, len(nums), 2):
        if int(nums[i]) == sp:
            return nums[i + 1]
    raise SystemExit("break_tagged.py: no parent tree entry")


def add_content(pdf, page, data, prepend=False):
    page.contents_add(pikepdf.Stream(pdf, data), prepend=prepend)


def rewrite_content(pdf, page, fn):
    data = b"".join(bytes(c.read_bytes()) for c in
                    ([page.obj.Contents] if isinstance(page.obj.Contents,
                     pikepdf.Stream) else list(page.obj.Contents)))
    page.obj.Contents = pikepdf.Stream(pdf, fn(data))


def xmp(pdf, fn):
    data = pdf.Root.Metadata.read_bytes()
    s = pikepdf.Stream(pdf, fn(data))
    s.Type = Name.Metadata
    s.Subtype = Name.XML
    pdf.Root.Metadata = s


def fonts(pdf):
    for page in pdf.pages:
        fr = page.obj.Resources.get("/Font")
        if fr is not None:
            for k in fr.keys():
                yield fr[k]


def a_font(pdf):
    for f in fonts(pdf):
        return f
    raise SystemExit("break_tagged.py: no font")


def a_link(pdf):
    for page in pdf.pages:
        for a in page.obj.get("/Annots", []):
            if a.get("/Subtype") == Name.Link:
                return a
    raise SystemExit("break_tagged.py: no link")


def attached_page(pdf):
    """A page that shows an attached PDF's page with its marked content
    (its fonts are the file's, their names prefixed): the page, and
    its first content stream, which draws the file's page."""
    for page in pdf.pages:
        fr = page.obj.get("/Resources", {}).get("/Font")
        c = page.obj.get("/Contents")
        if fr is None or not isinstance(c, Array) or \
                not any(str(k).startswith("/BgA") for k in fr.keys()):
            continue
        if re.search(rb"/MCID \d+", c[0].read_bytes()):
            return page, c[0]
    raise SystemExit("break_tagged.py: no attached page with tags")


def as_form(pdf, structparents):
    """The attached page drawn as a form XObject of its own, as the
    writer once did: its MCIDs in the form, reached (or not) through
    the form's /StructParents."""
    page, first = attached_page(pdf)
    form = pikepdf.Stream(pdf, first.read_bytes())
    form.Type = Name.XObject
    form.Subtype = Name.Form
    form.BBox = page.obj.MediaBox
    form.Resources = page.obj.Resources
    if structparents:
        form.StructParents = page.obj.StructParents
    form = pdf.make_indirect(form)
    if "/XObject" not in page.obj.Resources:
        page.obj.Resources.XObject = Dictionary()
    page.obj.Resources.XObject.BgForm = form
    first.write(b"/BgForm Do\n")


def apply(name, pdf):
    p1 = pdf.pages[0]
    if name == "paint-outside":
        add_content(pdf, p1, b"q 0 0 m 10 10 l S Q\n", prepend=True)
    elif name == "emc-extra":
        add_content(pdf, p1, b"EMC\n")
    elif name == "bdc-unclosed":
        add_content(pdf, p1, b"/Span BMC\n")
    elif name == "bdc-in-path":
        add_content(pdf, p1, b"/Artifact BMC 0 0 m /Span BMC EMC 9 9 l S "
                    b"EMC\n")
    elif name == "mc-across-et":
        add_content(pdf, p1, b"/Artifact BMC BT /Span BMC ET EMC EMC\n")
    elif name == "mcid-twice":
        rewrite_content(pdf, p1, lambda d: re.sub(
            rb"<</MCID 1 ?>>", b"<</MCID 0>>", d, count=1))
    elif name == "parent-missing":
        arr = page_parents(pdf, 0)
        del arr[len(arr) - 1]
    elif name == "parent-wrong":
        arr = page_parents(pdf, 0)
        for i in range(1, len(arr)):
            if arr[i].objgen != arr[0].objgen:
                a, b = arr[0], arr[i]
                arr[0], arr[i] = b, a
                break
    elif name == "struct-parents":
        del p1.obj["/StructParents"]
    elif name == "mcid-dangling":
        e = first(pdf, "P")
        k = e.get("/K")
        e.K = Array(list(k) if isinstance(k, Array) else [k])
        e.K.append(9999)
    elif name == "mcid-held-twice":
        # A copy of a paragraph beside it: its MCID read twice.
        for e in elements(pdf):
            k = e.get("/K")
            ms = [x for x in (list(k) if isinstance(k, Array) else [k])
                  if isinstance(x, int)]
            if e.S == Name.P and ms and "/Pg" in e and \
                    isinstance(e.P.get("/K"), Array):
                twin = pdf.make_indirect(Dictionary(S=Name.P, P=e.P,
                                                    Pg=e.Pg,
                                                    K=Array([ms[0]])))
                e.P.K.append(twin)
                break
        else:
            raise SystemExit("break_tagged.py: no P with an MCID")
    elif name == "figure-alt":
        del first(pdf, "Figure")["/Alt"]
    elif name == "th-scope":
        del first(pdf, "TH")["/A"]
    elif name == "li-outside-list":
        first(pdf, "LI").S = Name.P
    elif name == "lbl-outside-li":
        first(pdf, "LI").S = Name.P
    elif name == "tr-outside-table":
        first(pdf, "TR").S = Name.P
    elif name == "th-outside-tr":
        first(pdf, "TR").S = Name.P
    elif name == "wrong-parent":
        e = first(pdf, "H1")
        e.P = first(pdf, "Table")
    elif name == "no-lang":
        del pdf.Root["/Lang"]
    elif name == "lang-malformed":
        # A locale name, as software writes it, is no language tag.
        first(pdf, "Span").Lang = pikepdf.String("nb_NO")
    elif name == "catalog-lang-malformed":
        pdf.Root.Lang = pikepdf.String("sv_SE")
    elif name == "no-displaydoctitle":
        del pdf.Root["/ViewerPreferences"]
    elif name == "no-markinfo":
        del pdf.Root["/MarkInfo"]
    elif name == "no-dc-title":
        xmp(pdf, lambda d: re.sub(rb"<dc:title>.*?</dc:title>", b"", d,
                                  flags=re.S))
    elif name == "no-pdfuaid":
        xmp(pdf, lambda d: re.sub(rb"<pdfuaid:part>1</pdfuaid:part>", b"",
                                  d))
    elif name == "no-tabs":
        del p1.obj["/Tabs"]
    elif name == "link-contents":
        del a_link(pdf)["/Contents"]
    elif name == "link-objr":
        a = a_link(pdf)
        a.StructParent = int(pdf.pages[0].obj.StructParents)
    elif name == "no-tounicode":
        del a_font(pdf)["/ToUnicode"]
    elif name == "tounicode-cidrange":
        # What libharu 2.3.0 writes: an encoding CMap, no bfrange.
        a_font(pdf).ToUnicode = pikepdf.Stream(pdf, (
            b"/CIDInit /ProcSet findresource begin\n12 dict begin\n"
            b"begincmap\n1 begincodespacerange\n<0000> <FFFF>\n"
            b"endcodespacerange\n1 begincidrange\n<0000> <FFFF> 0\n"
            b"endcidrange\nendcmap\nend\nend\n"))
    elif name == "tounicode-partial":
        # A range cut short: its last code (one shown) is unmapped.
        for f in fonts(pdf):
            data = f.ToUnicode.read_bytes()
            m = re.search(rb"<([0-9A-F]{4})> <([0-9A-F]{4})> <([0-9A-F]{4})>",
                          data)
            if m and m.group(1) != m.group(2):
                cut = b"<%s> <%s> <%s>" % (m.group(1), m.group(1), m.group(3))
                f.ToUnicode = pikepdf.Stream(pdf, data[:m.start()] + cut +
                                             data[m.end():])
                break
    elif name == "heading-skip":
        first(pdf, "H2").S = Name("/H4")
    elif name == "font-not-embedded":
        fd = a_font(pdf).DescendantFonts[0].FontDescriptor
        del fd["/FontFile2"]
    elif name == "note-no-id":
        del first(pdf, "Note")["/ID"]
    elif name == "note-id-twice":
        notes = [e for e in elements(pdf) if e.S == Name("/Note")]
        if len(notes) < 2:
            raise SystemExit("break_tagged.py: fewer than two notes")
        notes[1].ID = notes[0].ID
    elif name == "note-not-in-idtree":
        del pdf.Root.StructTreeRoot["/IDTree"]
    elif name == "reference-outside":
        # Moved out of its paragraph to the top of the tree.
        r = first(pdf, "Reference")
        par = r.P
        kids = par.K if isinstance(par.K, Array) else Array([par.K])
        par.K = Array([k for k in kids if not (isinstance(k, Dictionary)
                       and k.objgen == r.objgen)])
        top = pdf.Root.StructTreeRoot.K
        if isinstance(top, Array):
            top = top[0]
        r.P = top
        tk = top.K if isinstance(top.K, Array) else Array([top.K])
        tk.append(r)
        top.K = tk
    elif name == "link-alt-garbled":
        # A wrapped link's first line, then its whole text.
        e = first(pdf, "Link")
        e.Alt = pikepdf.String(str(e.Alt)[:5] + str(e.Alt))
    elif name == "link-contents-garbled":
        a = a_link(pdf)
        a.Contents = pikepdf.String(str(a.Contents) + " " +
                                    str(a.Contents))
    elif name == "artifact-untyped":
        rewrite_content(pdf, p1, lambda d: re.sub(
            rb"/Artifact <<[^>]*>> BDC", b"/Artifact BMC", d, count=1))
    elif name == "figure-bbox":
        del first(pdf, "Figure")["/A"]
    elif name == "table-bbox":
        del first(pdf, "Table")["/A"]
    elif name == "figure-empty":
        first(pdf, "Figure").K = Array([])
    elif name == "mcid-in-artifact":
        # The attached page drawn as one artifact, its tags inside.
        _, c = attached_page(pdf)
        c.write(b"/Artifact <</Type /Layout>> BDC\n" + c.read_bytes() +
                b"EMC\n")
    elif name == "form-structparents":
        as_form(pdf, False)
    elif name == "mcid-in-form":
        as_form(pdf, True)
    else:
        raise SystemExit("break_tagged.py: no fault called %s" % name)


def prove(outdir, good, other):
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import check_tagged
    found, _ = check_tagged.check(good)
    if found:
        print("the good file is not clean: %s" % found[0])
        return 1
    missed = 0
    for name, msg in FAULTS:
        src = other.get(name, good)
        out = os.path.join(outdir, "broken-%s.pdf" % name)
        pdf = pikepdf.open(src)
        apply(name, pdf)
        pdf.save(out)
        pdf.close()
        found, _ = check_tagged.check(out)
        if not any(msg in f for f in found):
            print("NOT CAUGHT %s: expected \"%s\", got: %s" %
                  (name, msg, "; ".join(found[:3]) or "no fault"))
            missed += 1
    print("%d faults, %d caught" % (len(FAULTS), len(FAULTS) - missed))
    return 1 if missed else 0


def main():
    if len(sys.argv) >= 4 and sys.argv[1] == "--prove":
        other = dict(a.split("=", 1) for a in sys.argv[4:])
        return prove(sys.argv[2], sys.argv[3], other)
    if sys.argv[1:] == ["--list"]:
        for n, m in FAULTS:
            print("%s\t%s" % (n, m))
        return 0
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    pdf = pikepdf.open(sys.argv[2])
    apply(sys.argv[1], pdf)
    pdf.save(sys.argv[3])
    return 0


if __name__ == "__main__":
    sys.exit(main())

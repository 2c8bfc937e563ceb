#!/usr/bin/env python3
"""Checks a rendered meeting pack against its sources, as a secretary would.

usage: check_pack.py MEETING-FOLDER PACK.pdf [--public]

- every case item's heading "N. Title (dnr)" begins a line of a page
  (the items run on, or each starts a page), and its proposal text
  follows it, in agenda order;
- no page ends with an item's heading: at least two lines of the item
  follow it on its page; no page begins with a lettered sub-point ("a.")
  cut off from its numbered point on the page before;
- every page number printed in the agenda is the page where that item's
  heading is (pdftotext page by page);
- the top-level bookmarks are the cover, the program (if the meeting has
  one) and one per case item, with the right titles, pointing at the right
  pages, each with one bookmark per section of the case and then one per
  document its Beslutsunderlag names (the tjänsteskrivelse, linked
  document files, linked PDF files by the entry's text), in that order;
  when the items run on, the documents stand under a bookmark of their
  own per item ("N. Title: handlingar") after all items;
- each linked PDF file has as many pages in the pack as in the file,
  behind its bookmark, each of the size the file shows;
- no word lies outside the text area's left and right margins (word boxes
  from pdftotext -bbox; margins of the default templates, 25 mm), except
  on the pages of linked PDF files, which keep their own layout;
- the agenda lines link to the pages of their items;
- qpdf --check passes.
With --public (the pack of build --public), a closed item (closed="yes",
or a case with "sekretess:") has only the note in its description: no
proposal, no other section, no documents.
Prints one line per problem and exits 1 if there is any.
"""
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

problems = []


def problem(msg):
    problems.append(msg)
    print("problem: " + msg)


def alnum(s):
    """Letters and digits only: line breaks, hyphens added at line ends,
    list markers and quotes do not matter for finding text."""
    return "".join(ch for ch in s if ch.isalnum())


def front_matter(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    meta = {}
    body = text
    if text.startswith("---\n"):
        end = text.index("\n---", 4)
        for line in text[4:end].splitlines():
            if ":" in line:
                k, v = line.split(":", 1)
                meta[k.strip()] = v.strip()
        body = text[end + 4:]
    return meta, body


def section(body, name):
    """Raw Markdown of a level-1 section, links reduced to their text."""
    out, on = [], False
    for line in body.splitlines():
        if line.startswith("# "):
            on = line[2:].strip().lower() == name.lower()
            continue
        if on:
            out.append(line)
    text = "\n".join(out)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return text


def documents(folder, case, body):
    """Bookmark titles of the documents behind a case, in the order of
    its Beslutsunderlag: "Tjänsteskrivelse DATE" for an entry that says
    so (the date from the case header if it has one), a linked document
    file's title."""
    meta, _ = front_matter(os.path.join(folder, case))
    out = []
    external = []
    for line in section_raw(body, "Beslutsunderlag").splitlines():
        m = re.match(r"\s*[-*]\s+(.*)", line)
        if not m:
            continue
        entry = m.group(1)
        link = re.search(r"\]\(([^)]*\.md)\)", entry)
        pdf = re.search(r"\[([^\]]*)\]\(([^)\s]*\.pdf)(?:\s+[^)]*)?\)", entry)
        if pdf:
            out.append(pdf.group(1))
            external.append((pdf.group(1), os.path.normpath(os.path.join(
                os.path.dirname(os.path.join(folder, case)), pdf.group(2)))))
        elif link:
            path = os.path.normpath(os.path.join(
                os.path.dirname(os.path.join(folder, case)), link.group(1)))
            dmeta, _ = front_matter(path)
            kind = dmeta.get("kind", "")
            out.append("Tjänsteskrivelse " + dmeta.get("datum", "")
                       if kind == "tjänsteskrivelse" else dmeta.get("title"))
        elif entry.lower().startswith("tjänsteskrivelse"):
            date = re.search(r"\d{4}-\d{2}-\d{2}", entry)
            out.append("Tjänsteskrivelse " + meta.get(
                "datum", date.group(0) if date else ""))
    return out, external


def section_raw(body, name):
    out, on = [], False
    for line in body.splitlines():
        if line.startswith("# "):
            on = line[2:].strip().lower() == name.lower()
            continue
        if on:
            out.append(line)
    return "\n".join(out)


def load_items(folder, public=False):
    root = ET.parse(os.path.join(folder, "meeting.xml")).getroot()
    items, n = [], 0
    for el in root.find("agenda"):
        n += 1
        it = {"number": n, "kind": el.tag}
        if el.tag == "case":
            meta, body = front_matter(os.path.join(folder, el.get("file")))
            it["title"] = el.get("title") or meta.get("title", "")
            it["dnr"] = meta.get("dnr", "")
            it["proposal"] = section(body, "Förslag till beslut")
            it["sections"] = [line[2:].strip() for line in body.splitlines()
                              if line.startswith("# ")]
            it["docs"], it["external"] = documents(folder, el.get("file"),
                                                   body)
            if public and (el.get("closed") == "yes" or meta.get("sekretess")):
                it["proposal"] = ""
                it["sections"] = ["Ärendebeskrivning"]
                it["docs"], it["external"] = [], []
        else:
            it["title"] = " ".join((el.text or "").split())
        items.append(it)
    return items


def page_texts(pdf, layout=False):
    # Crop the running header and footer away: they are not content.
    args = ["pdftotext", "-enc", "UTF-8", "-x", "0", "-y", "60", "-W", "900",
            "-H", "720"]
    if layout:
        args.append("-layout")
    out = subprocess.run(args + [pdf, "-"], check=True,
                         capture_output=True).stdout.decode("utf-8")
    pages = out.split("\f")
    if pages and pages[-1].strip() == "":
        pages.pop()
    return pages


def agenda_numbers(text):
    """Maps agenda number -> printed page number from the cover text."""
    found, cur, buf = {}, None, []
    for line in text.splitlines():
        m = re.match(r"\s*(\d+)\.\s+\S", line)
        if m:
            cur, buf = int(m.group(1)), []
        if cur is None:
            continue
        buf.append(line)
        m = re.search(r"(?:\.\s?){2,}\s*(\d+)\s*$", line)
        if m:
            found[cur] = int(m.group(1))
            cur = None
    return found


def page_sizes(pdf):
    """(width, height) of every page as a viewer shows it."""
    out = subprocess.run(["pdfinfo", "-f", "1", "-l", "100000", pdf],
                         check=True, capture_output=True).stdout.decode()
    sizes, rot = {}, {}
    for m in re.finditer(r"Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+)", out):
        sizes[int(m.group(1))] = (float(m.group(2)), float(m.group(3)))
    for m in re.finditer(r"Page\s+(\d+) rot:\s+(\d+)", out):
        rot[int(m.group(1))] = int(m.group(2))
    return [(h, w) if rot.get(i, 0) % 180 else (w, h)
            for i, (w, h) in sorted(sizes.items())]


def check_external(items, sizes):
    """The pages of each linked PDF: behind its bookmark, as many as the
    file has, each of the file's size.  Returns the set of those pages."""
    pages = set()
    for it in items:
        if it["kind"] != "case":
            continue
        kids = {k.get("title"): k.get("destpageposfrom1")
                for k in it.get("doc_kids", [])}
        for title, path in it["external"]:
            start = kids.get(title)
            if start is None:
                continue        # reported with the bookmarks
            want = page_sizes(path)
            for k, (w, h) in enumerate(want):
                p = start + k
                pages.add(p)
                if p > len(sizes):
                    problem("%s: page %d is missing" % (path, k + 1))
                    break
                gw, gh = sizes[p - 1]
                if abs(gw - w) > 0.5 or abs(gh - h) > 0.5:
                    problem("page %d (%s page %d) is %.1f x %.1f, the file's "
                            "page %.1f x %.1f" % (p, path, k + 1, gw, gh, w, h))
    return pages


def check_margins(pdf, left=70.87, right=70.87, slack=0.75, skip=()):
    """Every word box within [left, width - right] on every page but
    those in skip."""
    html = subprocess.run(["pdftotext", "-bbox", pdf, "-"], check=True,
                          capture_output=True).stdout.decode("utf-8")
    page, width, bad = 0, 0.0, 0
    for m in re.finditer(r'<page width="([\d.]+)"|<word xMin="([\d.]+)" '
                         r'yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">'
                         r'([^<]*)</word>', html):
        if m.group(1):
            page += 1
            width = float(m.group(1))
            continue
        x0, x1 = float(m.group(2)), float(m.group(3))
        if page in skip:
            continue
        if x0 < left - slack or x1 > width - right + slack:
            bad += 1
            if bad <= 5:
                problem("page %d: \"%s\" runs from x=%.1f to %.1f, outside "
                        "the margins %.1f..%.1f" % (page, m.group(4), x0, x1,
                                                    left, width - right))
    return page


def cover_links(pdf, ncover):
    """Destination pages of the link annotations on the cover pages, in
    reading order (top to bottom)."""
    d = json.loads(subprocess.run(["qpdf", "--json", pdf], check=True,
                                  capture_output=True).stdout)
    objs = d["qpdf"][1]
    pageno = {p["object"]: p["pageposfrom1"] for p in d["pages"]}
    found = []
    for p in d["pages"][:ncover]:
        page = objs["obj:" + p["object"]]["value"]
        annots = page.get("/Annots", [])
        if isinstance(annots, str):
            annots = objs["obj:" + annots]["value"]
        for ref in annots:
            a = objs["obj:" + ref]["value"]
            dest = a.get("/Dest")
            if isinstance(dest, str):
                dest = objs["obj:" + dest]["value"]
            if a.get("/Subtype") == "/Link" and dest:
                found.append((p["pageposfrom1"], -a["/Rect"][3],
                              pageno.get(dest[0])))
    found.sort()
    return [f[2] for f in found]


def outlines(pdf):
    out = subprocess.run(["qpdf", "--json", "--json-key=outlines", pdf],
                         check=True, capture_output=True).stdout
    return json.loads(out)["outlines"]


def main():
    folder, pdf = sys.argv[1], sys.argv[2]
    items = load_items(folder, "--public" in sys.argv[3:])
    cases = [it for it in items if it["kind"] == "case"]
    pages = page_texts(pdf)
    flat = [alnum(p) for p in pages]

    # Heading pages: the last page with a line that begins "N. Title"
    # (the agenda's lines on the cover come before).  Where on the page:
    # its offset in the page's letters.
    lines = [[ln for ln in p.splitlines() if ln.strip()] for p in pages]
    for it in cases:
        key = alnum("%d. %s" % (it["number"], it["title"]))
        it["page"] = None
        for i, pl in enumerate(lines):
            for j in range(len(pl)):
                if alnum(" ".join(pl[j:j + 4])).startswith(key):
                    it["page"], it["line"] = i + 1, j
        if it["page"] is None:
            problem("item %d \"%s\": no line begins with its heading"
                    % (it["number"], it["title"]))
            continue
        pl = lines[it["page"] - 1]
        at = alnum(" ".join(pl[it["line"]:]))
        it["offset"] = len(flat[it["page"] - 1]) - len(at)
        full = alnum("%d. %s (%s)" % (it["number"], it["title"], it["dnr"])
                     if it["dnr"] else "%d. %s" % (it["number"], it["title"]))
        if not at.startswith(full):
            problem("item %d: heading on page %d is not \"%d. %s (%s)\""
                    % (it["number"], it["page"], it["number"], it["title"],
                       it["dnr"]))
    # Keep with next: the heading (one or two lines) and at least two
    # lines of the item under it on the same page, unless the item is
    # shorter (the next item or document begins the next page).
    for k, it in enumerate(cases):
        if it["page"] is None or it["line"] == 0:
            continue
        rest = len(lines[it["page"] - 1]) - it["line"]
        nxt = cases[k + 1] if k + 1 < len(cases) else None
        whole = nxt is None or nxt["page"] is None or \
            nxt["page"] == it["page"] or \
            (nxt["page"] == it["page"] + 1 and nxt["line"] == 0)
        if rest < 4 and not whole:
            problem("item %d: page %d ends with its heading (%d line%s "
                    "from the heading to the page's end)"
                    % (it["number"], it["page"], rest,
                       "" if rest == 1 else "s"))

    # No page begins with a lettered sub-point whose numbered point is on
    # the page before.
    for i in range(1, len(lines)):
        if lines[i] and re.match(r"\s*[a-z][.)]\s", lines[i][0]) and \
                any(re.match(r"\s*\d+[.)]\s", ln) for ln in lines[i - 1][-8:]):
            problem("page %d begins with the sub-point \"%s\", cut off from "
                    "its point on page %d" % (i + 1, lines[i][0].strip()[:40],
                                              i))

    # Order: headings and proposals appear in agenda order.
    whole = "".join(flat)
    pos = 0
    for it in cases:
        if it["page"] is None:
            continue
        it["start"] = sum(len(p) for p in flat[:it["page"] - 1]) + it["offset"]
    for it in cases:
        if it["page"] is None:
            continue
        start = it["start"]
        if start < pos:
            problem("item %d starts before the previous item ends"
                    % it["number"])
        pos = start
        prop = alnum(it["proposal"])
        if prop:
            at = whole.find(prop, pos)
            nxt = [c["start"] for c in cases
                   if c["number"] > it["number"] and c["page"]]
            limit = nxt[0] if nxt else len(whole)
            if at < 0 or at >= limit:
                problem("item %d: the proposal text is not found in full "
                        "under the item" % it["number"])
            else:
                pos = at

    # Agenda page numbers.
    first = min([c["page"] for c in cases if c["page"]] or [len(pages) + 1])
    # The cover ends where the first item or the program begins.
    for i, p in enumerate(flat[:first - 1]):
        if i > 0 and p.startswith(alnum("Program")):
            first = i + 1
            break
    cover = "\n".join(page_texts(pdf, layout=True)[:first - 1])
    printed = agenda_numbers(cover)
    for it in cases:
        got = printed.get(it["number"])
        if got is None:
            problem("item %d: no page number in the agenda" % it["number"])
        elif got != it["page"]:
            problem("item %d: the agenda says page %d, the heading is on "
                    "page %s" % (it["number"], got, it["page"]))
    for it in items:
        if it["kind"] != "case" and it["number"] in printed:
            problem("item %d (%s) has a page number but no page"
                    % (it["number"], it["kind"]))

    # The agenda lines link to their items, in agenda order (a title
    # that wraps gives one link per line).
    links = cover_links(pdf, first - 1)
    dedup = [p for i, p in enumerate(links) if i == 0 or links[i - 1] != p]
    want_pages = [c["page"] for c in cases]
    # Items run on share a page: their links cannot be told apart.
    want_pages = [p for i, p in enumerate(want_pages)
                  if i == 0 or want_pages[i - 1] != p]
    if dedup != want_pages:
        problem("the agenda links go to pages %s, want %s"
                % (dedup, want_pages))

    # Bookmarks.
    top = outlines(pdf)
    root = ET.parse(os.path.join(folder, "meeting.xml")).getroot()
    prog = root.find("program")
    # The program follows the agenda, or (item="N") item N's text.
    prog_item = int(prog.get("item")) if prog is not None and prog.get("item") else 0
    nprog = 1 if prog is not None and not prog_item else 0
    if nprog and (len(top) < 2 or top[1].get("title") != "Program"):
        problem("no top-level bookmark \"Program\" after the cover")
    for it in cases:
        it["all_docs"] = (["Program"] if it["number"] == prog_item else []) + \
            it["docs"]
    run_on = any(ol.get("title", "").endswith(": handlingar") for ol in top)
    groups = [it for it in cases if it["all_docs"]] if run_on else []
    want = 1 + nprog + len(cases) + len(groups)
    if len(top) != want:
        problem("%d top-level bookmarks, want %d (cover, program, one per "
                "item%s)" % (len(top), want, ", one per item's documents"
                             if run_on else ""))
    for ol, it in zip(top[1 + nprog:], cases):
        title = "%d. %s" % (it["number"], it["title"])
        if ol.get("title") != title:
            problem("bookmark \"%s\", want \"%s\"" % (ol.get("title"), title))
        kids = [k.get("title") for k in ol.get("kids", [])]
        want_kids = it["sections"] + ([] if run_on else it["all_docs"])
        if kids != want_kids:
            problem("bookmark \"%s\" has %s, want the sections%s %s"
                    % (title, kids, "" if run_on else " and documents",
                       want_kids))
        it["doc_kids"] = [] if run_on else ol.get("kids", [])
        if it["page"] and ol.get("destpageposfrom1") != it["page"]:
            problem("bookmark \"%s\" points at page %s, want %d"
                    % (title, ol.get("destpageposfrom1"), it["page"]))
    for ol, it in zip(top[1 + nprog + len(cases):], groups):
        title = "%d. %s: handlingar" % (it["number"], it["title"])
        if ol.get("title") != title:
            problem("bookmark \"%s\", want \"%s\"" % (ol.get("title"), title))
        kids = [k.get("title") for k in ol.get("kids", [])]
        if kids != it["all_docs"]:
            problem("bookmark \"%s\" has %s, want the documents %s"
                    % (title, kids, it["all_docs"]))
        it["doc_kids"] = ol.get("kids", [])

    external = check_external(items, page_sizes(pdf))
    check_margins(pdf, skip=external)

    chk = subprocess.run(["qpdf", "--check", pdf], capture_output=True)
    if chk.returncode != 0:
        problem("qpdf --check: " + chk.stdout.decode(errors="replace")[-300:])

    print("%d items, %d case items, %d pages checked: %d problems"
          % (len(items), len(cases), len(pages), len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Writes a synthetic content tree: an archive of meetings for the web
site's benchmark.

usage: gen_archive.py FOLDER [BODIES [MEETINGS-A-YEAR [YEARS]]]

Defaults: 20 bodies, 10 meetings a year, 10 years (2 000 meetings), each
with two procedural items, a divider and 6 to 10 cases of a few
paragraphs, a bullet list and a numbered proposal with lettered
sub-points.  Deterministic (a fixed seed): the same arguments give the
same files.
"""
import os
import random
import sys

WORDS = ("regionstyrelsen beslutar att godkänna förslaget om "
         "nettokostnadsutvecklingen för hälso- och sjukvården under året "
         "samt uppdra åt regiondirektören att återkomma med en "
         "handlingsplan för kompetensförsörjningen inom "
         "ambulansverksamheten och primärvården i länets kommuner med "
         "särskild hänsyn till patientsäkerheten och tillgängligheten för "
         "invånarna i glesbygden där avstånden är långa").split()

# Folder names and the bodies' names.
BODIES = [
    ("regionstyrelsen", "Regionstyrelsen"),
    ("regionfullmaktige", "Regionfullmäktige"),
    ("halso-och-sjukvardsnamnden", "Hälso- och sjukvårdsnämnden"),
    ("regionala-utvecklingsnamnden", "Regionala utvecklingsnämnden"),
    ("kulturnamnden", "Kulturnämnden"),
    ("kollektivtrafiknamnden", "Kollektivtrafiknämnden"),
    ("patientnamnden", "Patientnämnden"),
    ("revisionen", "Revisionen"),
    ("ekonomiutskottet", "Ekonomiutskottet"),
    ("personalutskottet", "Personalutskottet"),
    ("arbetsutskottet", "Arbetsutskottet"),
    ("folkhalsoberedningen", "Folkhälsoberedningen"),
    ("tandvardsnamnden", "Tandvårdsnämnden"),
    ("servicenamnden", "Servicenämnden"),
    ("fastighetsnamnden", "Fastighetsnämnden"),
    ("digitaliseringsberedningen", "Digitaliseringsberedningen"),
    ("miljoberedningen", "Miljöberedningen"),
    ("krisledningsnamnden", "Krisledningsnämnden"),
    ("valberedningen", "Valberedningen"),
    ("samverkansnamnden", "Samverkansnämnden"),
]

# Meeting days: months without July, one meeting in each of the first
# `per_year' of them, on a Tuesday in the second week.
MONTHS = [1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12]


def sentence(rng, n=None):
    n = n or rng.randint(8, 18)
    words = [rng.choice(WORDS) for _ in range(n)]
    words[0] = words[0].capitalize()
    return " ".join(words) + "."


def paragraph(rng):
    return " ".join(sentence(rng) for _ in range(rng.randint(2, 5)))


def tuesday(year, month):
    import datetime
    d = datetime.date(year, month, 8)
    while d.weekday() != 1:
        d += datetime.timedelta(days=1)
    return d.isoformat()


def case(rng, path, dnr, title):
    with open(path, "w", encoding="utf-8") as f:
        f.write("---\ndnr: %s\ntitle: %s\nkind: beslut\n"
                "handläggare: Karin Ek\n---\n\n# Ärendebeskrivning\n\n"
                % (dnr, title))
        for p in range(rng.randint(2, 5)):
            if p == 2:
                f.write("## Bakgrund\n\n")
            f.write(paragraph(rng) + "\n\n")
        for _ in range(3):
            f.write("- %s\n" % sentence(rng, 8))
        f.write("\n# Förslag till beslut\n\n1. %s\n   a. %s\n   b. %s\n"
                "2. %s\n\n# Expedieras till\n\nRegiondirektören\n"
                % (sentence(rng), sentence(rng, 6), sentence(rng, 6),
                   sentence(rng)))


def main():
    folder = sys.argv[1]
    nbodies = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    per_year = int(sys.argv[3]) if len(sys.argv) > 3 else 10
    years = int(sys.argv[4]) if len(sys.argv) > 4 else 10
    rng = random.Random(20261208)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "organisation.xml"), "w",
              encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<organisation>\n'
                '  <name>Region Norrbacka</name>\n'
                '  <director-title>Regiondirektör</director-title>\n'
                '</organisation>\n')
    serial = 1
    for b in range(nbodies):
        slug, name = BODIES[b % len(BODIES)]
        if b >= len(BODIES):
            slug, name = "%s-%d" % (slug, b), "%s %d" % (name, b)
        series = "".join(w[0] for w in slug.split("-")).upper()[:4]
        for y in range(2017, 2017 + years):
            for m in MONTHS[:per_year]:
                date = tuesday(y, m)
                d = os.path.join(folder, slug, date)
                os.makedirs(os.path.join(d, "arenden"), exist_ok=True)
                agenda = ['    <procedural>Val av justerare</procedural>',
                          '    <procedural>Fastställande av '
                          'föredragningslista</procedural>']
                for i in range(rng.randint(6, 10)):
                    if i == 4:
                        agenda.append("    <divider>Till fullmäktige"
                                      "</divider>")
                    fn = "arenden/%02d.md" % (i + 1)
                    case(rng, os.path.join(d, fn), "%s/%d/%d" %
                         (series, serial, y),
                         "Ärende %d om %s" % (serial, rng.choice(WORDS)))
                    serial += 1
                    agenda.append('    <case file="%s"/>' % fn)
                with open(os.path.join(d, "meeting.xml"), "w",
                          encoding="utf-8") as f:
                    f.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                            '<meeting date="%s">\n'
                            '  <organisation>Region Norrbacka'
                            '</organisation>\n'
                            '  <body>%s</body>\n'
                            '  <session start="09.00" end="12.00" '
                            'place="Sessionssalen" open="yes"/>\n'
                            '  <session start="13.00" end="15.00" '
                            'place="Styrelserummet" open="no"/>\n'
                            '  <secretary name="Karin Ek" '
                            'email="karin.ek@norrbacka.example"/>\n'
                            '  <agenda>\n%s\n  </agenda>\n</meeting>\n'
                            % (date, name, "\n".join(agenda)))


if __name__ == "__main__":
    main()

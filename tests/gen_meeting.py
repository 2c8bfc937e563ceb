#!/usr/bin/env python3
"""Writes a synthetic meeting folder of dense Swedish case texts.

usage: gen_meeting.py FOLDER CASES PARAGRAPHS-PER-CASE [TABLES-PER-CASE]

Each table is a figure file (Swedish Excel CSV, 14 rows of five number
columns and a total row) placed between paragraphs.  Deterministic
(a fixed seed): the same arguments give the same files.
"""
import os
import random
import sys

WORDS = ("regionstyrelsen beslutar att godkänna förslaget om "
         "nettokostnadsutvecklingen för hälso- och sjukvården under året "
         "samt uppdra åt regiondirektören att återkomma med en "
         "handlingsplan för kompetensförsörjningen inom "
         "ambulanshelikopterverksamheten och primärvården i länets "
         "kommuner med särskild hänsyn till patientsäkerheten och "
         "tillgängligheten för invånarna i glesbygden där avstånden är "
         "långa och väntetiderna fortfarande överstiger vårdgarantins "
         "gränser enligt den senaste uppföljningen från december").split()

UNITS = ("Primärvården", "Akutsjukvården", "Psykiatrin", "Tandvården",
         "Ambulanssjukvården", "Habiliteringen", "Kollektivtrafiken",
         "Kulturverksamheten", "Fastighetsförvaltningen", "Servicecenter",
         "Regionledningen", "Folkhälsoenheten", "Utbildningscentrum",
         "Hjälpmedelscentralen")


def sentence(rng):
    n = rng.randint(8, 22)
    words = [rng.choice(WORDS) for _ in range(n)]
    words[0] = words[0].capitalize()
    return " ".join(words) + "."


def paragraph(rng):
    return " ".join(sentence(rng) for _ in range(rng.randint(3, 6)))


def sv(tenths):
    """A number in tenths the Swedish way: 12 345,6 and a real minus."""
    s = "%d" % abs(tenths // 10 if tenths >= 0 else -(-tenths // 10))
    groups = []
    while len(s) > 3:
        groups.insert(0, s[-3:])
        s = s[:-3]
    groups.insert(0, s)
    out = " ".join(groups) + ",%d" % (abs(tenths) % 10)
    return ("−" if tenths < 0 else "") + out


def table(rng, path):
    """A CSV figure file: fourteen rows and their total."""
    cols = ["Verksamhet", "Utfall 2025", "Budget 2026", "Utfall 2026",
            "Avvikelse", "Prognos"]
    rows = []
    sums = [0] * 5
    for name in UNITS:
        vals = [rng.randint(-20000, 250000) for _ in range(5)]
        vals[3] = vals[2] - vals[1]
        sums = [a + b for a, b in zip(sums, vals)]
        rows.append([name] + [sv(v) for v in vals])
    rows.append(["Totalt"] + [sv(v) for v in sums])
    with open(path, "w", encoding="utf-8") as f:
        for r in [cols] + rows:
            f.write(";".join(r) + "\r\n")


def main():
    folder, ncases, npara = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    ntables = int(sys.argv[4]) if len(sys.argv) > 4 else 0
    rng = random.Random(20261208)
    os.makedirs(os.path.join(folder, "arenden"), exist_ok=True)
    if ntables:
        os.makedirs(os.path.join(folder, "figurer"), exist_ok=True)
    agenda = []
    for i in range(1, ncases + 1):
        name = "arenden/%03d.md" % i
        agenda.append('    <case file="%s"/>' % name)
        # Tables spread evenly over the paragraphs.
        at = {(t + 1) * npara // (ntables + 1) for t in range(ntables)}
        with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
            f.write("---\ndnr: RS/%d/2026\ntitle: Ärende nummer %d om "
                    "verksamhetsplanering\nkind: beslut\n---\n\n"
                    "# Ärendebeskrivning\n\n" % (1000 + i, i))
            t = 0
            for p in range(npara):
                if p % 6 == 5:
                    f.write("## Avsnitt %d\n\n" % p)
                if p % 7 == 3:
                    for k in range(4):
                        f.write("- %s\n" % sentence(rng))
                    f.write("\n")
                f.write(paragraph(rng) + "\n\n")
                if p in at:
                    t += 1
                    fig = "figurer/%03d-%d.csv" % (i, t)
                    table(rng, os.path.join(folder, fig))
                    f.write("![Nettokostnad per verksamhet, mkr, "
                            "tabell %d](../%s)\n\n" % (t, fig))
            f.write("# Förslag till beslut\n\n1. %s\n   a. %s\n   b. %s\n"
                    "2. %s\n\n# Expedieras till\n\nRegiondirektören\n"
                    "Ekonomidirektören\n" % (sentence(rng), sentence(rng),
                                             sentence(rng), sentence(rng)))
    with open(os.path.join(folder, "meeting.xml"), "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<meeting date="2026-12-08">\n'
                '  <organisation>Region Norrbacka</organisation>\n'
                '  <body>Regionstyrelsen</body>\n'
                '  <session start="08.30" end="16.00" place="Hörsalen" '
                'open="yes"/>\n'
                '  <secretary name="Karin Ek" '
                'email="karin.ek@norrbacka.example"/>\n'
                '  <agenda>\n%s\n  </agenda>\n</meeting>\n'
                % "\n".join(agenda))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Writes a synthetic meeting folder of dense Swedish case texts.

usage: gen_meeting.py FOLDER CASES PARAGRAPHS-PER-CASE

Deterministic (a fixed seed): the same arguments give the same files.
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


def sentence(rng):
    n = rng.randint(8, 22)
    words = [rng.choice(WORDS) for _ in range(n)]
    words[0] = words[0].capitalize()
    return " ".join(words) + "."


def paragraph(rng):
    return " ".join(sentence(rng) for _ in range(rng.randint(3, 6)))


def main():
    folder, ncases, npara = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    rng = random.Random(20261208)
    os.makedirs(os.path.join(folder, "arenden"), exist_ok=True)
    agenda = []
    for i in range(1, ncases + 1):
        name = "arenden/%03d.md" % i
        agenda.append('    <case file="%s"/>' % name)
        with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
            f.write("---\ndnr: RS/%d/2026\ntitle: Ärende nummer %d om "
                    "verksamhetsplanering\nkind: beslut\n---\n\n"
                    "# Ärendebeskrivning\n\n" % (1000 + i, i))
            for p in range(npara):
                if p % 6 == 5:
                    f.write("## Avsnitt %d\n\n" % p)
                if p % 7 == 3:
                    for k in range(4):
                        f.write("- %s\n" % sentence(rng))
                    f.write("\n")
                f.write(paragraph(rng) + "\n\n")
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

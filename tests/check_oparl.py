#!/usr/bin/env python3
"""Validates every JSON file under SITE/data/oparl against
templates/schema/oparl.json: an object by its "type", a list (with
"data") as a List whose entries each validate by their own type.  Also
checks that every id is unique and that each file's own id names it.

usage: check_oparl.py SCHEMA SITE
Prints one line per problem and a summary; exit 1 if any.
"""
import json
import os
import sys

import jsonschema

PREFIX = "https://schema.oparl.org/1.1/"


def main():
    schema_path, site = sys.argv[1], sys.argv[2]
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft7Validator.check_schema(schema)

    def validator(name):
        return jsonschema.Draft7Validator(
            {"$ref": "#/definitions/" + name,
             "definitions": schema["definitions"]})

    cache = {}
    problems = []
    files = 0
    objects = 0
    root = os.path.join(site, "data", "oparl")
    for d, _, names in sorted(os.walk(root)):
        for n in sorted(names):
            if not n.endswith(".json"):
                continue
            p = os.path.join(d, n)
            rel = os.path.relpath(p, site)
            files += 1
            try:
                with open(p, encoding="utf-8") as f:
                    obj = json.load(f)
            except ValueError as e:
                problems.append("%s: not JSON: %s" % (rel, e))
                continue
            todo = []
            if "data" in obj:
                todo.append(("List", obj))
                todo += [(o.get("type", "")[len(PREFIX):], o)
                         for o in obj["data"] if isinstance(o, dict)]
            else:
                todo.append((obj.get("type", "")[len(PREFIX):], obj))
                if obj.get("id") != rel:
                    problems.append("%s: its id is %r" % (rel, obj.get("id")))
            for kind, o in todo:
                if kind not in schema["definitions"]:
                    problems.append("%s: unknown type %r" % (rel, kind))
                    continue
                v = cache.setdefault(kind, validator(kind))
                for e in v.iter_errors(o):
                    problems.append("%s: %s at %s: %s" % (
                        rel, kind, "/".join(map(str, e.absolute_path)),
                        e.message))
                objects += 1
    if files == 0:
        problems.append("%s: no JSON files" % root)
    for p in problems[:30]:
        print(p)
    print("oparl: %d files, %d objects, %d problems" % (files, objects,
                                                       len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

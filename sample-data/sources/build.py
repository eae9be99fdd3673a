#!/usr/bin/env python3
"""Builds sample-data/internet-governance.json from the tables in sample-data/sources/.

The tables are the sourced research (one events table per body, in the events-table CSV
format of ../../shared/facts: instrument_id,state,iso3,event,date,date_precision,source_url,
note) plus attribute tables for actors, bodies and relations, and lessons.json (the lessons
the sample ships, first "Ideas from the chapter"). The script writes a native
dataset and lets `minilateral convert` rewrite it in canonical form, so a rebuild is
deterministic and goes through the app's own validation.

    python3 sample-data/sources/build.py
"""
import csv
import json
import os
import pathlib
import subprocess
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
OUT = HERE.parent / "internet-governance.json"


def read(path):
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def optional(value):
    value = (value or "").strip()
    return value or None


def main():
    actors = []
    for row in read(HERE / "states.csv"):
        actor = {"id": row["iso3"], "name": row["name"], "kind": "state", "iso3": row["iso3"],
                 "region": row["m49_region"], "subregion": row["m49_subregion"]}
        if "not in M49" in row["note"] or "XKX" in row["iso3"]:
            actor["note"] = row["note"]
        actors.append(actor)
    for row in read(HERE / "actors_extra.csv"):
        actor = {key: value for key, value in row.items() if optional(value)}
        actors.append(actor)
    known_actors = {actor["id"] for actor in actors}

    bodies = []
    for row in read(HERE / "bodies.csv"):
        body = {key: value for key, value in row.items() if optional(value) and key != "issues"}
        body["issues"] = [issue for issue in row["issues"].split(";") if issue]
        bodies.append(body)

    relations = []
    for row in read(HERE / "relations.csv"):
        relations.append({key: value for key, value in row.items() if optional(value)})

    events = []
    for path in sorted((HERE / "events").glob("*.csv")):
        for number, row in enumerate(read(path), start=2):
            actor = row["iso3"].strip() or {"African Union": "AU"}.get(row["state"].strip())
            if actor not in known_actors:
                sys.exit(f"{path}:{number}: unknown actor {row['state']!r} ({row['iso3']!r})")
            event = {"actor": actor, "body": row["instrument_id"], "event": row["event"],
                     "date": row["date"], "source": row["source_url"]}
            if optional(row["note"]):
                event["note"] = row["note"].strip()
            events.append(event)

    # The lessons (format version 2): the chapter's ideas as slides, first of all.
    with open(HERE / "lessons.json", encoding="utf-8") as handle:
        lessons = json.load(handle)

    dataset = {
        "format": "minilateral",
        "version": 2 if lessons else 1,
        "meta": {
            "title": "Minilateralism in internet governance",
            "description": "States, stakeholders, forums and instruments of internet governance and "
                           "the dated membership events that connect them, after Jeremy Malcolm, "
                           "'Minilateralism and Internet Governance'. Every event cites its source.",
            "license": "CC BY 4.0 for the compilation; the facts come from the cited sources",
            "notes": "See sample-data/SOURCES.md for how the data was gathered, the counting rules "
                     "and the known gaps.",
        },
        "actors": actors,
        "bodies": bodies,
        "relations": relations,
        "events": events,
        "lessons": lessons,
    }
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8", dir="/tmp", prefix="ig-") as raw:
        json.dump(dataset, raw, ensure_ascii=False, indent=1)
    # MINILATERAL names a built binary (skips cargo, e.g. with a separate target folder).
    binary = os.environ.get("MINILATERAL")
    command = [binary] if binary else ["cargo", "run", "--quiet", "--"]
    subprocess.run(command + ["convert", raw.name, str(OUT)], cwd=ROOT, check=True)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Builds assets/map/world.json, the world map the app embeds (src/scene/map.rs).

Inputs, all from the npm registry (fetch them with `npm pack`, see assets/README.md):

- world-atlas 2.0.2 (ISC; its data is Natural Earth 4.1.0, public domain):
  countries-110m.json gives the outlines, countries-50m.json and countries-10m.json the
  places of the states too small for the 1:110m outlines;
- i18n-iso-countries 7.14.0 (MIT): codes.json maps the ISO 3166-1 numeric ids of
  world-atlas to alpha-3 codes;
- sample-data/sources/states.csv of this repository: the states that must be on the map
  (a polygon or a point), and the code of the one outline world-atlas gives no id
  (Kosovo, XKX).

Output: one JSON object, coordinates in hundredths of a degree (integers):

    {"about": ..., "unit": "centidegree",
     "countries": [{"iso3", "name", "polygons": [[ring, hole, ...], ...]}, ...],
     "points": [{"iso3", "name", "at": [lon, lat]}, ...]}

A ring is a flat list [lon0, lat0, lon1, lat1, ...], not closed (the last point joins the
first); outer rings run counter-clockwise and holes clockwise, with north up. Rings that
cross the antimeridian are cut there, and Antarctica's ring is closed along the south pole,
so that every ring is a plain polygon of the plane -180..180 x -90..90.

Standard library only; the output is deterministic (same inputs, same bytes).

    python3 scripts/map_data.py --world-atlas world-atlas-2.0.2.tgz \
        --iso-countries i18n-iso-countries-7.14.0.tgz --out assets/map/world.json
"""

import argparse
import csv
import hashlib
import json
import math
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STATES_CSV = ROOT / "sample-data" / "sources" / "states.csv"

# Natural Earth draws two de facto entities apart from the state the United Nations
# recognises; the map shows UN membership, so their outlines are dissolved into that
# state's (shared borders removed) instead of being left blank.
MERGE_INTO = {"N. Cyprus": "CYP", "Somaliland": "SOM"}

# Hundredths of a degree: about 1 km, far below what a 1:110m outline resolves.
UNIT = 100


def read_json_member(tgz: Path, member: str):
    """One JSON file of an npm tarball (whose files sit under package/)."""
    with tarfile.open(tgz, "r:gz") as tar:
        handle = tar.extractfile(f"package/{member}")
        if handle is None:
            sys.exit(f"{tgz} has no package/{member}")
        return json.load(handle)


def decode_arcs(topology):
    """TopoJSON arcs as lists of (lon, lat) in degrees (delta-decoded, de-quantized)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def arc_points(arcs, index):
    """An arc by its TopoJSON index (a negative index ~i is arc i reversed)."""
    return arcs[index] if index >= 0 else arcs[~index][::-1]


def ring_from_arcs(arcs, indexes):
    """A closed ring (first point repeated last) from a list of arc indexes."""
    ring = []
    for n, index in enumerate(indexes):
        points = arc_points(arcs, index)
        ring.extend(points if n == 0 else points[1:])
    return ring


def polygons_of(geometry):
    """A geometry's polygons as lists of arc-index rings (outer ring first)."""
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["arcs"]
    return []


def merged_outer_rings(geometries):
    """Dissolves hole-free polygons into their union's outer rings (as arc-index lists).

    An arc that two of the polygons share is walked once each way; dropping both leaves
    the union's boundary, which is then stitched end to start into closed rings.
    """
    used = []
    for geometry in geometries:
        for polygon in polygons_of(geometry):
            if len(polygon) != 1:
                sys.exit(f"merging polygons with holes is not supported ({geometry['properties']['name']})")
            used.extend(polygon[0])
    return [i for i in used if ~i not in used]


def stitch(arcs, indexes):
    """Closed rings of points from arcs that follow one another end to start.

    Arcs meet at shared end points, decoded from the same quantised integers, so the points
    compare equal exactly.
    """
    by_start = {}
    for index in indexes:
        by_start.setdefault(arc_points(arcs, index)[0], []).append(index)
    rings, left = [], list(indexes)
    while left:
        first = left.pop(0)
        by_start[arc_points(arcs, first)[0]].remove(first)
        ring = list(arc_points(arcs, first))
        while ring[-1] != ring[0]:
            following = by_start.get(ring[-1])
            if not following:
                sys.exit("the merged outline does not close")
            index = following.pop(0)
            left.remove(index)
            ring.extend(arc_points(arcs, index)[1:])
        rings.append(ring)
    return rings


def signed_area(ring):
    """Twice the signed planar area of an open or closed ring (counter-clockwise > 0)."""
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]))


def unwrap(ring):
    """The ring with longitudes made continuous (steps under 180 degrees), open."""
    points = ring[:-1] if ring[0] == ring[-1] else list(ring)
    out = [points[0]]
    for lon, lat in points[1:]:
        previous = out[-1][0]
        while lon - previous > 180:
            lon -= 360
        while lon - previous < -180:
            lon += 360
        out.append((lon, lat))
    return out


def clip_half(ring, keep):
    """Sutherland-Hodgman against one vertical line; keep(x) says which side stays."""
    if not ring:
        return []
    out = []
    for a, b in zip(ring, ring[1:] + ring[:1]):
        a_in, b_in = keep(a[0]), keep(b[0])
        if a_in:
            out.append(a)
        if a_in != b_in:
            line = keep.line
            t = (line - a[0]) / (b[0] - a[0])
            out.append((line, a[1] + t * (b[1] - a[1])))
    return out


class Side:
    """x <= line (below=True) or x >= line, as a callable with its line."""

    def __init__(self, line, below):
        self.line, self.below = line, below

    def __call__(self, x):
        return x <= self.line if self.below else x >= self.line


def planar_rings(ring):
    """A spherical ring as plain rings of the plane -180..180 (open rings).

    A ring that goes once around a pole (Antarctica) is closed along that pole; a ring that
    crosses the antimeridian is cut there into one piece per side.
    """
    points = ring[:-1] if ring[0] == ring[-1] else list(ring)
    crossings = [n for n in range(len(points)) if abs(points[n][0] - points[n - 1][0]) > 180]
    if crossings:
        # Start just past a crossing, so that a ring around a pole unwraps to exactly one
        # turn, edge to edge, and is not cut in two along some meridian.
        start = crossings[0]
        points = points[start:] + points[:start]
    points = unwrap(points)
    # The longitude gained over the whole ring: 0, or one turn for a ring around a pole.
    turn = _wrap_step(points[-1][0], points[0][0])
    if turn != 0:
        pole = -90.0 if sum(lat for _, lat in points) < 0 else 90.0
        first = points[0]
        closing_lon = first[0] + turn
        # Back to the first point's latitude at the far edge, then along the pole.
        points = points + [(closing_lon, first[1]), (closing_lon, pole), (first[0], pole)]
    low = math.floor((min(x for x, _ in points) + 180) / 360)
    high = math.floor((max(x for x, _ in points) + 180) / 360 - 1e-12)
    pieces = []
    for k in range(low, high + 1):
        left, right = -180 + 360 * k, 180 + 360 * k
        piece = clip_half(clip_half(points, Side(left, below=False)), Side(right, below=True))
        piece = [(x - 360 * k, y) for x, y in piece]
        if len(piece) >= 3 and abs(signed_area(piece)) > 1e-9:
            pieces.append(piece)
    return pieces


def _wrap_step(lon_from, lon_to):
    """The multiple of 360 that makes the step lon_from -> lon_to shorter than 180."""
    step = 0.0
    while lon_to + step - lon_from > 180:
        step -= 360
    while lon_to + step - lon_from < -180:
        step += 360
    return step


def quantise(ring):
    """Integer hundredths of a degree, repeated points dropped; None when degenerate."""
    out = []
    for lon, lat in ring:
        point = (round(lon * UNIT), round(lat * UNIT))
        if not out or out[-1] != point:
            out.append(point)
    while len(out) > 1 and out[-1] == out[0]:
        out.pop()
    if len(out) < 3 or signed_area(out) == 0:
        return None
    return out


def oriented(ring, outer):
    """Outer rings counter-clockwise, holes clockwise (north up)."""
    counter_clockwise = signed_area(ring) > 0
    return ring if counter_clockwise == outer else ring[::-1]


def flat(ring):
    return [c for point in ring for c in point]


def map_polygons(arcs, geometries):
    """The planar, quantised polygons of one country's geometries."""
    if len(geometries) > 1:
        outer_sets = [[ring] for ring in stitch(arcs, merged_outer_rings(geometries))]
    else:
        outer_sets = [
            [ring_from_arcs(arcs, ring) for ring in polygon] for polygon in polygons_of(geometries[0])
        ]
    polygons = []
    for rings in outer_sets:
        outers = [quantise(piece) for piece in planar_rings(rings[0])]
        holes = [quantise(piece) for ring in rings[1:] for piece in planar_rings(ring)]
        outers = [oriented(r, True) for r in outers if r]
        holes = [oriented(r, False) for r in holes if r]
        if len(outers) > 1 and holes:
            sys.exit("a polygon with holes crosses the antimeridian")
        for n, outer in enumerate(outers):
            polygons.append([flat(outer)] + ([flat(h) for h in holes] if n == 0 else []))
    return polygons


def largest_polygon_centroid(arcs, geometry):
    """Centroid (lon, lat) of a geometry's largest outer ring, by area on the sphere."""
    best = None
    for polygon in polygons_of(geometry):
        ring = unwrap(ring_from_arcs(arcs, polygon[0]))
        mean_lat = sum(lat for _, lat in ring) / len(ring)
        # Degrees of longitude shrink with the cosine of the latitude.
        area = abs(signed_area(ring)) * math.cos(math.radians(mean_lat))
        if best is None or area > best[0]:
            best = (area, ring)
    area, ring = best
    twice = signed_area(ring)
    if twice == 0:
        lon = sum(x for x, _ in ring) / len(ring)
        lat = sum(y for _, y in ring) / len(ring)
    else:
        pairs = list(zip(ring, ring[1:] + ring[:1]))
        lon = sum((x0 + x1) * (x0 * y1 - x1 * y0) for (x0, y0), (x1, y1) in pairs) / (3 * twice)
        lat = sum((y0 + y1) * (x0 * y1 - x1 * y0) for (x0, y0), (x1, y1) in pairs) / (3 * twice)
    lon = (lon + 180) % 360 - 180
    return round(lon * UNIT), round(lat * UNIT)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--world-atlas", type=Path, required=True, help="world-atlas-2.0.2.tgz")
    parser.add_argument("--iso-countries", type=Path, required=True, help="i18n-iso-countries-7.14.0.tgz")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    for tgz in (args.world_atlas, args.iso_countries):
        print(f"{tgz.name}: sha256 {hashlib.sha256(tgz.read_bytes()).hexdigest()}")

    alpha3_of = {numeric: alpha3 for _, alpha3, numeric, _ in read_json_member(args.iso_countries, "codes.json")}
    with open(STATES_CSV, newline="", encoding="utf-8") as handle:
        states = {row["iso3"]: row["name"] for row in csv.DictReader(handle) if row["iso3"]}
    state_code_of_name = {name: iso3 for iso3, name in states.items()}

    topology = read_json_member(args.world_atlas, "countries-110m.json")
    arcs = decode_arcs(topology)
    by_code = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        name = geometry["properties"]["name"]
        code = MERGE_INTO.get(name) or alpha3_of.get(geometry.get("id")) or state_code_of_name.get(name)
        if code is None:
            sys.exit(f"no ISO 3166-1 alpha-3 code for {name!r} (id {geometry.get('id')!r})")
        by_code.setdefault(code, []).append(geometry)

    countries = []
    for code in sorted(by_code):
        geometries = by_code[code]
        # The state's own feature names it, not the entity merged into it.
        own = [g for g in geometries if g["properties"]["name"] not in MERGE_INTO]
        name = own[0]["properties"]["name"]
        countries.append({"iso3": code, "name": name, "polygons": map_polygons(arcs, geometries)})

    points = []
    missing = sorted(code for code in states if code not in by_code)
    finer = [
        (scale, read_json_member(args.world_atlas, f"countries-{scale}.json")) for scale in ("50m", "10m")
    ]
    for code in missing:
        for scale, fine in finer:
            found = [g for g in fine["objects"]["countries"]["geometries"] if alpha3_of.get(g.get("id")) == code]
            if found:
                lon, lat = largest_polygon_centroid(decode_arcs(fine), found[0])
                points.append({"iso3": code, "name": found[0]["properties"]["name"], "at": [lon, lat], "scale": scale})
                break
        else:
            sys.exit(f"{code} ({states[code]}) is in neither the 1:50m nor the 1:10m countries")

    lines = ['{"about": "Natural Earth 4.1.0 (public domain) via world-atlas 2.0.2; see assets/README.md",']
    lines.append(' "unit": "centidegree",')
    lines.append(' "countries": [')
    lines.append(",\n".join("  " + json.dumps(c, ensure_ascii=False, separators=(",", ":")) for c in countries))
    lines.append(" ],")
    lines.append(' "points": [')
    lines.append(
        ",\n".join(
            "  " + json.dumps({k: p[k] for k in ("iso3", "name", "at")}, ensure_ascii=False, separators=(",", ":"))
            for p in points
        )
    )
    lines.append(" ]}")
    text = "\n".join(lines) + "\n"
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")

    vertices = sum(len(r) // 2 for c in countries for p in c["polygons"] for r in p)
    print(f"{args.out}: {len(countries)} countries, {vertices} vertices, {len(points)} points, "
          f"{len(text.encode())} bytes, sha256 {hashlib.sha256(text.encode()).hexdigest()}")
    for p in points:
        print(f"  point {p['iso3']} {p['name']}: {p['at'][0] / UNIT}, {p['at'][1] / UNIT} (1:{p['scale']})")


if __name__ == "__main__":
    main()

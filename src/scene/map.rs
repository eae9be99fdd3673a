//! The world map's geometry, with no GUI toolkit: the countries of Natural Earth's 1:110m
//! outlines and the states too small for them as dots (`assets/map/world.json`, compiled
//! in), projected once with [`equal_earth`], fitted into a rectangle ([`MapFit`]) and hit
//! by a pointer ([`WorldMap::hit`]).
//!
//! Map units are those of Equal Earth on a sphere of radius 1: x grows eastwards and y
//! northwards, the whole world spans `±HALF_WIDTH` by `±HALF_HEIGHT`. The screen's y
//! grows downwards; [`MapFit`] turns one into the other.
//!
//! Every ring is a plain polygon of the plane: the conversion cut the rings crossing the
//! antimeridian (Russia's Chukotka, Fiji) and closed Antarctica along the south pole, so a
//! renderer fills each polygon as it comes (even-odd, holes such as Lesotho's in South
//! Africa included) and a point-in-polygon test needs no special cases.

pub mod equal_earth;

mod asset;

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::scene::labels::Bounds;

pub use asset::{MapDataError, WORLD_JSON};
pub use equal_earth::{HALF_HEIGHT, HALF_WIDTH};

/// A point of the map plane, in map units (x east, y north).
pub type MapPoint = [f32; 2];

/// Projects a longitude and latitude in degrees to the map plane.
pub fn map_from_lon_lat(lon_deg: f64, lat_deg: f64) -> MapPoint {
    let [x, y] = equal_earth::forward(lon_deg, lat_deg);
    [x as f32, y as f32]
}

/// The longitude and latitude in degrees of a point of the map plane, or `None` off the
/// globe (for a hover read-out, say).
pub fn lon_lat_from_map([x, y]: MapPoint) -> Option<[f64; 2]> {
    equal_earth::inverse(f64::from(x), f64::from(y))
}

/// An axis-aligned box of the map plane (y north, so `min` is the south-west corner).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MapBox {
    /// The smallest x and y.
    pub min: MapPoint,
    /// The largest x and y.
    pub max: MapPoint,
}

impl MapBox {
    /// The whole world: the map's edge at ±180° and its pole lines.
    pub const WORLD: MapBox = MapBox {
        min: [-HALF_WIDTH as f32, -HALF_HEIGHT as f32],
        max: [HALF_WIDTH as f32, HALF_HEIGHT as f32],
    };

    /// The box around some points; `None` when there are none.
    pub fn around<'a>(points: impl IntoIterator<Item = &'a MapPoint>) -> Option<Self> {
        points.into_iter().fold(None, |bounds, &[x, y]| {
            Some(match bounds {
                None => MapBox {
                    min: [x, y],
                    max: [x, y],
                },
                Some(MapBox { min, max }) => MapBox {
                    min: [min[0].min(x), min[1].min(y)],
                    max: [max[0].max(x), max[1].max(y)],
                },
            })
        })
    }

    /// The box around both.
    pub fn union(self, other: MapBox) -> MapBox {
        MapBox {
            min: [self.min[0].min(other.min[0]), self.min[1].min(other.min[1])],
            max: [self.max[0].max(other.max[0]), self.max[1].max(other.max[1])],
        }
    }

    /// Whether the point is inside or on the edge.
    pub fn contains(&self, [x, y]: MapPoint) -> bool {
        self.min[0] <= x && x <= self.max[0] && self.min[1] <= y && y <= self.max[1]
    }

    /// Width in map units.
    pub fn width(&self) -> f32 {
        self.max[0] - self.min[0]
    }

    /// Height in map units.
    pub fn height(&self) -> f32 {
        self.max[1] - self.min[1]
    }

    /// The middle.
    pub fn centre(&self) -> MapPoint {
        [
            (self.min[0] + self.max[0]) / 2.0,
            (self.min[1] + self.max[1]) / 2.0,
        ]
    }
}

/// One polygon of a country: an outer ring and its holes, in map units.
///
/// Rings are open (the last point joins the first); outer rings run counter-clockwise and
/// holes clockwise with north up, that is clockwise and counter-clockwise on a screen.
#[derive(Clone, Debug, PartialEq)]
pub struct Polygon {
    rings: Vec<Vec<MapPoint>>,
    bounds: MapBox,
    area: f32,
}

impl Polygon {
    /// The outer ring, then the holes: what a renderer fills with the even-odd rule.
    pub fn rings(&self) -> &[Vec<MapPoint>] {
        &self.rings
    }

    /// The outer ring.
    pub fn outer(&self) -> &[MapPoint] {
        self.rings.first().map_or(&[], Vec::as_slice)
    }

    /// The holes (another country inside this one, or a lake).
    pub fn holes(&self) -> &[Vec<MapPoint>] {
        self.rings.get(1..).unwrap_or_default()
    }

    /// The box around the outer ring.
    pub fn bounds(&self) -> MapBox {
        self.bounds
    }

    /// Its area in square map units, holes taken out; the projection keeps areas, so this
    /// is the true area in the unit sphere's square radii.
    pub fn area(&self) -> f32 {
        self.area
    }

    /// Whether the point is inside (not in a hole). Points on an edge may go either way.
    pub fn contains(&self, at: MapPoint) -> bool {
        // Even-odd over every ring: a point in a hole crosses the outer ring and the hole's.
        self.bounds.contains(at)
            && self
                .rings
                .iter()
                .filter(|ring| ring_contains(ring, at))
                .count()
                % 2
                == 1
    }

    /// Builds a polygon from rings of degrees.
    fn project(rings: &[Vec<[f64; 2]>]) -> Option<Self> {
        let rings: Vec<Vec<MapPoint>> = rings
            .iter()
            .map(|ring| {
                ring.iter()
                    .map(|&[lon, lat]| map_from_lon_lat(lon, lat))
                    .collect()
            })
            .collect();
        let bounds = MapBox::around(rings.first()?)?;
        let mut area = ring_area(rings.first()?).abs();
        for hole in rings.get(1..).unwrap_or_default() {
            area -= ring_area(hole).abs();
        }
        Some(Polygon {
            rings,
            bounds,
            area: area as f32,
        })
    }
}

/// A country drawn with outlines.
#[derive(Clone, Debug, PartialEq)]
pub struct Country {
    iso3: String,
    name: String,
    polygons: Vec<Polygon>,
    bounds: MapBox,
    anchor: MapPoint,
    area: f32,
}

impl Country {
    /// ISO 3166-1 alpha-3 code (Kosovo: XKX), the key to the dataset's actors.
    pub fn iso3(&self) -> &str {
        &self.iso3
    }

    /// Natural Earth's short name ("Dem. Rep. Congo"); the dataset's own name reads better
    /// where the state is an actor.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Its polygons (mainland, islands, exclaves), largest first.
    pub fn polygons(&self) -> &[Polygon] {
        &self.polygons
    }

    /// The box around all its polygons, for culling and a first test before the polygons.
    pub fn bounds(&self) -> MapBox {
        self.bounds
    }

    /// Where a label, a dot or a node for the country goes: the centroid of its largest
    /// polygon, or, when that falls outside the polygon (a crescent-shaped country), the
    /// middle of the polygon's widest stretch on the centroid's parallel.
    pub fn anchor(&self) -> MapPoint {
        self.anchor
    }

    /// Its area in square map units (true to scale): below a pixel or two on screen, a
    /// renderer may add a dot so that the country stays visible and clickable.
    pub fn area(&self) -> f32 {
        self.area
    }

    /// Whether the point is on the country (bounding boxes first, holes respected).
    pub fn contains(&self, at: MapPoint) -> bool {
        self.bounds.contains(at) && self.polygons.iter().any(|polygon| polygon.contains(at))
    }
}

/// A state too small for the 1:110m outlines (Monaco, Tuvalu, Singapore…), drawn as a dot.
#[derive(Clone, Debug, PartialEq)]
pub struct SmallState {
    iso3: String,
    name: String,
    lon_lat: [f64; 2],
    at: MapPoint,
}

impl SmallState {
    /// ISO 3166-1 alpha-3 code.
    pub fn iso3(&self) -> &str {
        &self.iso3
    }

    /// Natural Earth's short name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Longitude and latitude in degrees: the centroid of its largest island or territory
    /// at Natural Earth's 1:50m scale (1:10m for Tuvalu).
    pub fn lon_lat(&self) -> [f64; 2] {
        self.lon_lat
    }

    /// Its place on the map.
    pub fn at(&self) -> MapPoint {
        self.at
    }
}

/// A state's place on the map: outlines, or a dot.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Place<'a> {
    /// A country with outlines.
    Outline(&'a Country),
    /// A small state's dot.
    Dot(&'a SmallState),
}

impl<'a> Place<'a> {
    /// ISO 3166-1 alpha-3 code.
    pub fn iso3(&self) -> &'a str {
        match self {
            Place::Outline(country) => country.iso3(),
            Place::Dot(state) => state.iso3(),
        }
    }

    /// Natural Earth's short name.
    pub fn name(&self) -> &'a str {
        match self {
            Place::Outline(country) => country.name(),
            Place::Dot(state) => state.name(),
        }
    }

    /// Where its label or node goes: the country's anchor or the dot.
    pub fn anchor(&self) -> MapPoint {
        match self {
            Place::Outline(country) => country.anchor(),
            Place::Dot(state) => state.at(),
        }
    }
}

/// Which list an ISO3 code is found in.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Slot {
    Country(usize),
    SmallState(usize),
}

/// The world's countries and small states, projected; built once ([`WorldMap::embedded`]).
#[derive(Clone, Debug, PartialEq)]
pub struct WorldMap {
    countries: Vec<Country>,
    small_states: Vec<SmallState>,
    by_iso3: HashMap<String, Slot>,
}

impl WorldMap {
    /// The map compiled into the binary, read and projected on first use (a few
    /// milliseconds) and shared after that. An error means a broken build, which the unit
    /// tests catch; the caller shows it once instead of a map.
    pub fn embedded() -> Result<&'static WorldMap, &'static MapDataError> {
        static WORLD: OnceLock<Result<WorldMap, MapDataError>> = OnceLock::new();
        WORLD
            .get_or_init(|| WorldMap::from_json(WORLD_JSON))
            .as_ref()
    }

    /// Reads and projects a map file of the shape of `assets/map/world.json`. Uncached:
    /// this is what a benchmark of loading the map measures (`from_json(WORLD_JSON)`).
    pub fn from_json(text: &str) -> Result<WorldMap, MapDataError> {
        let (country_data, point_data) = asset::parse(text)?;
        let mut countries = Vec::with_capacity(country_data.len());
        for data in country_data {
            let mut polygons: Vec<Polygon> = data
                .polygons
                .iter()
                .map(|rings| Polygon::project(rings))
                .collect::<Option<_>>()
                .ok_or_else(|| MapDataError::Polygon(data.iso3.clone()))?;
            // Largest first: the anchor's polygon, and the likeliest hit.
            polygons.sort_by(|a, b| b.area.total_cmp(&a.area));
            let bounds = polygons
                .iter()
                .map(Polygon::bounds)
                .reduce(MapBox::union)
                .ok_or_else(|| MapDataError::Polygon(data.iso3.clone()))?;
            let area = polygons.iter().map(Polygon::area).sum();
            let anchor = polygons.first().map_or(bounds.centre(), anchor_of);
            countries.push(Country {
                iso3: data.iso3,
                name: data.name,
                polygons,
                bounds,
                anchor,
                area,
            });
        }
        let small_states: Vec<SmallState> = point_data
            .into_iter()
            .map(|data| {
                let [lon, lat] = data.lon_lat;
                SmallState {
                    iso3: data.iso3,
                    name: data.name,
                    lon_lat: data.lon_lat,
                    at: map_from_lon_lat(lon, lat),
                }
            })
            .collect();
        let by_iso3 = countries
            .iter()
            .enumerate()
            .map(|(n, country)| (country.iso3.clone(), Slot::Country(n)))
            .chain(
                small_states
                    .iter()
                    .enumerate()
                    .map(|(n, state)| (state.iso3.clone(), Slot::SmallState(n))),
            )
            .collect();
        Ok(WorldMap {
            countries,
            small_states,
            by_iso3,
        })
    }

    /// The countries with outlines, by ISO3 code. Besides states they include Antarctica
    /// (ATA), Greenland, Western Sahara, Puerto Rico and a few other territories, so a
    /// renderer draws the whole world and colours what the dataset knows.
    pub fn countries(&self) -> &[Country] {
        &self.countries
    }

    /// The states drawn as dots, by ISO3 code.
    pub fn small_states(&self) -> &[SmallState] {
        &self.small_states
    }

    /// A state's place by ISO3 code.
    pub fn place(&self, iso3: &str) -> Option<Place<'_>> {
        match self.by_iso3.get(iso3)? {
            Slot::Country(n) => self.countries.get(*n).map(Place::Outline),
            Slot::SmallState(n) => self.small_states.get(*n).map(Place::Dot),
        }
    }

    /// A country with outlines by ISO3 code.
    pub fn country(&self, iso3: &str) -> Option<&Country> {
        match self.place(iso3)? {
            Place::Outline(country) => Some(country),
            Place::Dot(_) => None,
        }
    }

    /// What is under a point of the map: a small state's dot within `dot_radius` map units
    /// (the nearest; dots are drawn over the outlines, and Singapore's sits on Malaysia's
    /// coast), else the country whose polygon contains the point, else nothing (the sea).
    pub fn hit(&self, at: MapPoint, dot_radius: f32) -> Option<Place<'_>> {
        self.small_state_near(at, dot_radius)
            .map(Place::Dot)
            .or_else(|| self.country_at(at).map(Place::Outline))
    }

    /// [`WorldMap::hit`] for a point on screen, with the dots' radius in screen units.
    pub fn hit_on_screen(&self, fit: &MapFit, at: [f32; 2], dot_radius: f32) -> Option<Place<'_>> {
        self.hit(fit.map_from_screen(at), dot_radius / fit.scale())
    }

    /// The country whose outlines contain the point.
    pub fn country_at(&self, at: MapPoint) -> Option<&Country> {
        self.countries.iter().find(|country| country.contains(at))
    }

    /// The small state whose dot is nearest the point, if closer than `radius` map units
    /// (a radius of 0 hits no dot).
    pub fn small_state_near(&self, [x, y]: MapPoint, radius: f32) -> Option<&SmallState> {
        self.small_states
            .iter()
            .map(|state| {
                let [sx, sy] = state.at;
                (state, (sx - x).powi(2) + (sy - y).powi(2))
            })
            .filter(|&(_, distance2)| distance2 < radius * radius)
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(state, _)| state)
    }
}

/// The edge of the world (the sea's outline), counter-clockwise: the meridian of 180° from
/// the south pole up, the north pole line, the meridian of -180° down, the south pole line.
/// `points_per_side` points per meridian (at least two; Equal Earth's sides are curves, and
/// an odd count puts one on the equator, where the map is widest).
pub fn globe_outline(points_per_side: usize) -> Vec<MapPoint> {
    let n = points_per_side.max(2);
    let lat = |i: usize| -90.0 + 180.0 * i as f64 / (n - 1) as f64;
    let east = (0..n).map(|i| map_from_lon_lat(180.0, lat(i)));
    let west = (0..n).rev().map(|i| map_from_lon_lat(-180.0, lat(i)));
    east.chain(west).collect()
}

/// How the map sits in a rectangle of the screen or a picture: scaled to fit with its
/// aspect kept, centred, north up. Fit [`MapBox::WORLD`] for the whole world, or the box of
/// some countries to zoom on them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MapFit {
    /// Screen units per map unit.
    scale: f32,
    /// The map point drawn at the rectangle's centre.
    map_centre: MapPoint,
    /// The rectangle's centre.
    screen_centre: [f32; 2],
}

impl MapFit {
    /// Fits `map_box` into `screen` (`[left, top, right, bottom]`, y down) as large as it
    /// goes. An empty box or rectangle gives a scale of 1 rather than infinity or zero.
    pub fn new(map_box: MapBox, screen: Bounds) -> Self {
        let [left, top, right, bottom] = screen;
        let (width, height) = (right - left, bottom - top);
        let scale = (width / map_box.width()).min(height / map_box.height());
        MapFit {
            scale: if scale.is_finite() && scale > 0.0 {
                scale
            } else {
                1.0
            },
            map_centre: map_box.centre(),
            screen_centre: [(left + right) / 2.0, (top + bottom) / 2.0],
        }
    }

    /// Screen units per map unit: to size dots and strokes, or turn a radius in pixels into
    /// map units.
    pub fn scale(&self) -> f32 {
        self.scale
    }

    /// Where a map point is drawn.
    pub fn screen_from_map(&self, [x, y]: MapPoint) -> [f32; 2] {
        [
            self.screen_centre[0] + (x - self.map_centre[0]) * self.scale,
            self.screen_centre[1] - (y - self.map_centre[1]) * self.scale,
        ]
    }

    /// The map point under a screen point.
    pub fn map_from_screen(&self, [x, y]: [f32; 2]) -> MapPoint {
        [
            self.map_centre[0] + (x - self.screen_centre[0]) / self.scale,
            self.map_centre[1] - (y - self.screen_centre[1]) / self.scale,
        ]
    }

    /// Where a box of the map is drawn, as `[left, top, right, bottom]`.
    pub fn screen_from_map_box(&self, map_box: MapBox) -> Bounds {
        let [left, bottom] = self.screen_from_map(map_box.min);
        let [right, top] = self.screen_from_map(map_box.max);
        [left, top, right, bottom]
    }
}

/// Even-odd crossing test of one ring (open; its last point joins the first).
fn ring_contains(ring: &[MapPoint], [x, y]: MapPoint) -> bool {
    let mut inside = false;
    let mut previous = match ring.last() {
        Some(&point) => point,
        None => return false,
    };
    for &point in ring {
        let ([x0, y0], [x1, y1]) = (previous, point);
        // The edge straddles the point's parallel (half-open, so a vertex counts once) and
        // crosses it east of the point.
        if (y0 > y) != (y1 > y) && x < x0 + (y - y0) * (x1 - x0) / (y1 - y0) {
            inside = !inside;
        }
        previous = point;
    }
    inside
}

/// Signed area of a ring (counter-clockwise positive), summed in f64.
fn ring_area(ring: &[MapPoint]) -> f64 {
    ring_pairs(ring)
        .map(|([x0, y0], [x1, y1])| f64::from(x0) * f64::from(y1) - f64::from(x1) * f64::from(y0))
        .sum::<f64>()
        / 2.0
}

/// Each edge of a ring as (from, to), the closing edge included.
fn ring_pairs(ring: &[MapPoint]) -> impl Iterator<Item = ([f32; 2], [f32; 2])> + '_ {
    ring.iter()
        .copied()
        .zip(ring.iter().copied().cycle().skip(1))
}

/// The label anchor of a polygon: the centroid of its outer ring if it lies inside,
/// else the middle of the widest inside stretch along the centroid's parallel.
fn anchor_of(polygon: &Polygon) -> MapPoint {
    let outer = polygon.outer();
    let twice_area = 2.0 * ring_area(outer);
    let centroid = if twice_area.abs() < 1e-12 {
        polygon.bounds.centre()
    } else {
        let (mut cx, mut cy) = (0.0, 0.0);
        for ([x0, y0], [x1, y1]) in ring_pairs(outer) {
            let (x0, y0, x1, y1) = (f64::from(x0), f64::from(y0), f64::from(x1), f64::from(y1));
            let cross = x0 * y1 - x1 * y0;
            cx += (x0 + x1) * cross;
            cy += (y0 + y1) * cross;
        }
        [
            (cx / (3.0 * twice_area)) as f32,
            (cy / (3.0 * twice_area)) as f32,
        ]
    };
    if polygon.contains(centroid) {
        return centroid;
    }
    widest_stretch_middle(polygon, centroid[1]).unwrap_or(centroid)
}

/// The middle of the widest inside stretch of a polygon along the parallel `y`.
fn widest_stretch_middle(polygon: &Polygon, y: f32) -> Option<MapPoint> {
    let mut crossings: Vec<f32> = polygon
        .rings
        .iter()
        .flat_map(|ring| ring_pairs(ring))
        .filter(|([_, y0], [_, y1])| (*y0 > y) != (*y1 > y))
        .map(|([x0, y0], [x1, y1])| x0 + (y - y0) * (x1 - x0) / (y1 - y0))
        .collect();
    crossings.sort_by(f32::total_cmp);
    // Even-odd: the stretches inside run from the first crossing to the second, the third
    // to the fourth, and so on.
    crossings
        .chunks_exact(2)
        .map(|pair| (pair[1] - pair[0], [(pair[0] + pair[1]) / 2.0, y]))
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, middle)| middle)
}

#[cfg(test)]
mod tests;

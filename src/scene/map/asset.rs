//! The embedded map file (`assets/map/world.json`, written by `scripts/map_data.py`): its
//! serde shape, apart from the map's own types, and the checks that turn it into lon/lat
//! rings with clear errors.

use serde::Deserialize;

/// The file compiled into the binary.
pub const WORLD_JSON: &str = include_str!("../../../assets/map/world.json");

/// The coordinates' unit the file must declare: hundredths of a degree.
const UNIT: &str = "centidegree";

/// Hundredths of a degree per degree.
const PER_DEGREE: f64 = 100.0;

/// Why the map file cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum MapDataError {
    /// Not JSON of the expected shape.
    #[error("the map data is not readable: {0}")]
    Json(#[from] serde_json::Error),
    /// Coordinates in another unit than this version reads.
    #[error("the map data's unit is \"{0}\", expected \"centidegree\"")]
    Unit(String),
    /// A code that is not three capital letters.
    #[error("the map data has \"{0}\" where an ISO 3166-1 alpha-3 code belongs")]
    Code(String),
    /// The same state twice.
    #[error("the map data has {0} twice")]
    Duplicate(String),
    /// A ring with an odd number of coordinates or fewer than three points.
    #[error("a ring of {0} is not a list of at least three lon/lat pairs")]
    Ring(String),
    /// A polygon with no rings.
    #[error("a polygon of {0} has no outer ring")]
    Polygon(String),
    /// A longitude or latitude out of range.
    #[error("{0} has a point outside -180..180, -90..90")]
    Range(String),
}

/// The whole file.
#[derive(Deserialize)]
struct WorldFile {
    unit: String,
    countries: Vec<CountryRecord>,
    points: Vec<PointRecord>,
}

/// One country drawn with outlines.
#[derive(Deserialize)]
struct CountryRecord {
    iso3: String,
    name: String,
    /// Polygons, each an outer ring then its holes; a ring is `[lon0, lat0, lon1, ...]`.
    polygons: Vec<Vec<Vec<i32>>>,
}

/// One state drawn as a dot.
#[derive(Deserialize)]
struct PointRecord {
    iso3: String,
    name: String,
    at: [i32; 2],
}

/// A country of the file in degrees: polygons of rings of `[lon, lat]`.
pub struct CountryData {
    /// ISO 3166-1 alpha-3 code.
    pub iso3: String,
    /// Natural Earth's short name.
    pub name: String,
    /// Each polygon's outer ring first, then its holes.
    pub polygons: Vec<Vec<Vec<[f64; 2]>>>,
}

/// A dot of the file in degrees.
pub struct PointData {
    /// ISO 3166-1 alpha-3 code.
    pub iso3: String,
    /// Natural Earth's short name.
    pub name: String,
    /// `[lon, lat]`.
    pub lon_lat: [f64; 2],
}

/// Reads and checks a map file.
pub fn parse(text: &str) -> Result<(Vec<CountryData>, Vec<PointData>), MapDataError> {
    let file: WorldFile = serde_json::from_str(text)?;
    if file.unit != UNIT {
        return Err(MapDataError::Unit(file.unit));
    }
    let mut seen = std::collections::HashSet::new();
    let mut check_code = |code: &str| {
        if !(code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase())) {
            return Err(MapDataError::Code(code.to_owned()));
        }
        if !seen.insert(code.to_owned()) {
            return Err(MapDataError::Duplicate(code.to_owned()));
        }
        Ok(())
    };
    let mut countries = Vec::with_capacity(file.countries.len());
    for record in file.countries {
        check_code(&record.iso3)?;
        let mut polygons = Vec::with_capacity(record.polygons.len());
        for polygon in &record.polygons {
            if polygon.is_empty() {
                return Err(MapDataError::Polygon(record.iso3));
            }
            let mut rings = Vec::with_capacity(polygon.len());
            for ring in polygon {
                if ring.len() % 2 != 0 || ring.len() < 6 {
                    return Err(MapDataError::Ring(record.iso3));
                }
                let points = ring
                    .chunks_exact(2)
                    .map(|pair| degrees([pair[0], pair[1]]))
                    .collect::<Option<Vec<_>>>()
                    .ok_or_else(|| MapDataError::Range(record.iso3.clone()))?;
                rings.push(points);
            }
            polygons.push(rings);
        }
        countries.push(CountryData {
            iso3: record.iso3,
            name: record.name,
            polygons,
        });
    }
    let mut points = Vec::with_capacity(file.points.len());
    for record in file.points {
        check_code(&record.iso3)?;
        let lon_lat = degrees(record.at).ok_or_else(|| MapDataError::Range(record.iso3.clone()))?;
        points.push(PointData {
            iso3: record.iso3,
            name: record.name,
            lon_lat,
        });
    }
    Ok((countries, points))
}

/// A point in hundredths of a degree as `[lon, lat]` degrees, if on the globe.
fn degrees([lon, lat]: [i32; 2]) -> Option<[f64; 2]> {
    let (lon, lat) = (f64::from(lon) / PER_DEGREE, f64::from(lat) / PER_DEGREE);
    ((-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat)).then_some([lon, lat])
}

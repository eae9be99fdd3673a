//! Tests of the projection, the embedded map, the fit and hit testing.

use super::*;

/// The dots' hit radius in map units used by these tests: about half a degree on the
/// equator.
const DOT: f32 = 0.008;

fn world() -> &'static WorldMap {
    WorldMap::embedded().unwrap()
}

fn close(actual: f64, expected: f64, tolerance: f64) -> bool {
    (actual - expected).abs() <= tolerance
}

/// The ISO3 code under a longitude and latitude.
fn hit_at(lon: f64, lat: f64) -> Option<&'static str> {
    world()
        .hit(map_from_lon_lat(lon, lat), DOT)
        .map(|place| place.iso3())
}

#[test]
fn the_origin_projects_to_the_origin() {
    assert_eq!(equal_earth::forward(0.0, 0.0), [0.0, 0.0]);
}

#[test]
fn the_projection_is_symmetric_about_the_equator_and_the_central_meridian() {
    for (lon, lat) in [(10.0, 20.0), (122.0, 47.0), (179.9, -89.0), (45.5, 66.6)] {
        let [x, y] = equal_earth::forward(lon, lat);
        let [x_west, y_west] = equal_earth::forward(-lon, lat);
        let [x_south, y_south] = equal_earth::forward(lon, -lat);
        assert_eq!((x_west, y_west), (-x, y));
        assert_eq!((x_south, y_south), (x, -y));
    }
}

#[test]
fn the_projection_matches_the_published_example() {
    // PROJ's documentation of `eqearth`: `echo 122 47 | proj +proj=eqearth +R=1` prints
    // `1.55 0.89`.
    let [x, y] = equal_earth::forward(122.0, 47.0);
    assert!(close(x, 1.55, 0.005) && close(y, 0.89, 0.005), "{x} {y}");
}

#[test]
fn the_map_edges_are_where_the_equations_put_them() {
    // PROJ's source gives the pole's y on a unit sphere as 1.3173627591574.
    let [x, y] = equal_earth::forward(0.0, 90.0);
    assert!(close(y, 1.317_362_759_157_4, 1e-12) && x == 0.0);
    assert!(close(y, HALF_HEIGHT, 1e-15));
    let [x, y] = equal_earth::forward(180.0, 0.0);
    assert!(close(x, HALF_WIDTH, 1e-15) && y == 0.0);
    // Equal Earth's pole lines are straight, and shorter than the equator.
    let [pole_x, _] = equal_earth::forward(180.0, 90.0);
    assert!(
        pole_x > 0.5 * HALF_WIDTH && pole_x < 0.65 * HALF_WIDTH,
        "{pole_x}"
    );
}

#[test]
fn the_projection_keeps_areas() {
    // The whole unit sphere, 4π, is the area of the world's outline on the map.
    let area = ring_area(&globe_outline(4001));
    assert!(close(area, 4.0 * std::f64::consts::PI, 1e-4), "{area}");
    // And a one-degree cell has the same area on the map as on the sphere, wherever it is.
    for (lon, lat) in [(0.0, 0.0), (100.0, 45.0), (-150.0, -70.0), (30.0, 85.0)] {
        let cell: Vec<MapPoint> = [(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0)]
            .iter()
            .map(|(dx, dy)| map_from_lon_lat(lon + dx, lat + dy))
            .collect();
        let rad = f64::to_radians;
        let sphere = 1f64.to_radians() * (rad(lat + 1.0).sin() - rad(lat).sin());
        let map = ring_area(&cell);
        assert!(
            close(map / sphere, 1.0, 1e-3),
            "at {lon}, {lat}: {map} vs {sphere}"
        );
    }
}

#[test]
fn the_inverse_finds_the_point_again() {
    for lon in [-180.0, -120.0, -33.3, 0.0, 45.0, 179.0] {
        for lat in [-89.5, -60.0, -10.0, 0.0, 23.4, 51.5, 89.0] {
            let [x, y] = equal_earth::forward(lon, lat);
            let [lon_back, lat_back] = equal_earth::inverse(x, y).unwrap();
            assert!(
                close(lon_back, lon, 1e-8) && close(lat_back, lat, 1e-8),
                "{lon} {lat}"
            );
        }
    }
    assert_eq!(equal_earth::inverse(HALF_WIDTH + 0.01, 0.0), None);
    assert_eq!(equal_earth::inverse(0.0, HALF_HEIGHT + 0.01), None);
    assert_eq!(equal_earth::inverse(f64::NAN, 0.0), None);
}

#[test]
fn the_embedded_map_parses_and_is_small() {
    let map = WorldMap::embedded().unwrap();
    assert!(map.countries().len() > 170, "{}", map.countries().len());
    assert!(!map.small_states().is_empty());
    assert!(WORLD_JSON.len() < 300_000, "{} bytes", WORLD_JSON.len());
    // Sorted by code, as the conversion script writes them.
    assert!(
        map.countries()
            .windows(2)
            .all(|pair| pair[0].iso3() < pair[1].iso3())
    );
}

#[test]
fn every_ring_is_on_the_map_plane() {
    let world_box = MapBox::WORLD;
    let slack = 1e-5;
    for country in world().countries() {
        assert!(!country.polygons().is_empty(), "{}", country.iso3());
        let bounds = country.bounds();
        assert!(
            bounds.min[0] >= world_box.min[0] - slack
                && bounds.max[0] <= world_box.max[0] + slack
                && bounds.min[1] >= world_box.min[1] - slack
                && bounds.max[1] <= world_box.max[1] + slack,
            "{} {bounds:?}",
            country.iso3()
        );
        // Polygons cut at the antimeridian are narrow (Fiji's and Russia's pieces lie at
        // both edges); one spanning the map's width would be a ring still wrapped around it.
        // Antarctica is the one exception: it spans the width, closed along the pole.
        if country.iso3() != "ATA" {
            for polygon in country.polygons() {
                let width = polygon.bounds().width();
                assert!(
                    width < world_box.width() * 0.5,
                    "{} {width}",
                    country.iso3()
                );
            }
        }
        assert!(country.area() > 0.0, "{}", country.iso3());
    }
}

#[test]
fn every_anchor_is_inside_its_country() {
    for country in world().countries() {
        assert!(
            country.contains(country.anchor()),
            "{} {:?}",
            country.iso3(),
            country.anchor()
        );
        assert_eq!(
            hit_place(country.anchor()),
            Some(country.iso3()),
            "{}",
            country.iso3()
        );
    }
}

fn hit_place(at: MapPoint) -> Option<&'static str> {
    world().country_at(at).map(Country::iso3)
}

#[test]
fn a_click_on_paris_hits_france() {
    assert_eq!(hit_at(2.35, 48.86), Some("FRA"));
    // France's largest polygon is the mainland (French Guiana is one of its polygons).
    let france = world().country("FRA").unwrap();
    let [lon, lat] = lon_lat_from_map(france.anchor()).unwrap();
    assert!(
        (-5.0..8.0).contains(&lon) && (42.0..51.0).contains(&lat),
        "{lon} {lat}"
    );
}

#[test]
fn a_click_on_canberra_hits_australia() {
    assert_eq!(hit_at(149.13, -35.28), Some("AUS"));
}

#[test]
fn a_click_on_the_ocean_hits_nothing() {
    assert_eq!(hit_at(-40.0, 35.0), None, "mid-Atlantic");
    assert_eq!(hit_at(-140.0, -40.0), None, "south Pacific");
}

#[test]
fn lesotho_is_a_hole_in_south_africa() {
    let inside_lesotho = map_from_lon_lat(28.25, -29.6);
    let south_africa = world().country("ZAF").unwrap();
    assert!(!south_africa.contains(inside_lesotho));
    assert!(south_africa.bounds().contains(inside_lesotho));
    assert_eq!(south_africa.polygons()[0].holes().len(), 1);
    assert_eq!(hit_at(28.25, -29.6), Some("LSO"));
    assert_eq!(hit_at(24.0, -30.0), Some("ZAF"), "the Karoo");
}

#[test]
fn countries_across_the_antimeridian_are_hit_on_both_sides() {
    // Chukotka, east of 180 degrees, and Russia's mainland west of it.
    assert_eq!(hit_at(-175.0, 66.5), Some("RUS"));
    assert_eq!(hit_at(100.0, 60.0), Some("RUS"));
    // Antarctica, closed along the pole, is land everywhere near it.
    assert_eq!(hit_at(0.0, -85.0), Some("ATA"));
    assert_eq!(hit_at(179.0, -89.0), Some("ATA"));
}

#[test]
fn small_states_are_dots_that_win_over_their_neighbours() {
    let map = world();
    let singapore = match map.place("SGP") {
        Some(Place::Dot(state)) => state,
        other => panic!("Singapore is not a dot: {other:?}"),
    };
    let [lon, lat] = singapore.lon_lat();
    assert!(
        close(lon, 103.8, 0.2) && close(lat, 1.35, 0.2),
        "{lon} {lat}"
    );
    // At 1:110m Malaysia's outline covers Singapore's place: the dot wins within its
    // radius, even a little off it, and the outline is hit without one.
    let [x, y] = singapore.at();
    let near = [x + DOT * 0.5, y + DOT * 0.5];
    assert_eq!(map.hit(near, DOT).map(|place| place.iso3()), Some("SGP"));
    assert_eq!(
        map.hit(singapore.at(), 0.0).map(|place| place.iso3()),
        Some("MYS")
    );
    assert_eq!(hit_at(7.42, 43.74), Some("MCO"));
    assert_eq!(hit_at(12.45, 41.9), Some("VAT"));
    assert_eq!(hit_at(179.2, -8.5), Some("TUV"));
}

#[test]
fn every_state_of_the_sample_sources_is_on_the_map() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/sample-data/sources/states.csv"
    );
    let mut reader = csv::Reader::from_path(path).unwrap();
    let headers = reader.headers().unwrap().clone();
    let column = headers.iter().position(|name| name == "iso3").unwrap();
    let mut checked = 0;
    let mut missing = Vec::new();
    for record in reader.records() {
        let record = record.unwrap();
        let code = record.get(column).unwrap_or_default();
        if code.is_empty() {
            continue;
        }
        checked += 1;
        if world().place(code).is_none() {
            missing.push(code.to_owned());
        }
    }
    assert!(checked > 190, "{checked}");
    assert!(missing.is_empty(), "not on the map: {missing:?}");
}

#[test]
fn a_place_gives_its_anchor() {
    let map = world();
    let france = map.place("FRA").unwrap();
    assert_eq!(france.anchor(), map.country("FRA").unwrap().anchor());
    assert_eq!(france.name(), "France");
    let monaco = map.place("MCO").unwrap();
    assert!(matches!(monaco, Place::Dot(_)));
    assert_eq!(map.country("MCO"), None);
    assert_eq!(map.place("ZZZ"), None);
}

#[test]
fn the_fit_keeps_the_aspect_and_centres_the_world() {
    let screen = [100.0, 50.0, 1100.0, 1050.0];
    let fit = MapFit::new(MapBox::WORLD, screen);
    let [left, top, right, bottom] = fit.screen_from_map_box(MapBox::WORLD);
    // Wider than tall: the width fills the rectangle, the height is centred.
    assert!((left - 100.0).abs() < 1e-3 && (right - 1100.0).abs() < 1e-3);
    let aspect = (right - left) / (bottom - top);
    assert!((aspect - MapBox::WORLD.width() / MapBox::WORLD.height()).abs() < 1e-4);
    assert!(((top + bottom) / 2.0 - 550.0).abs() < 1e-3);
    // North is up, and the two transforms undo each other.
    let paris = map_from_lon_lat(2.35, 48.86);
    let [_, paris_y] = fit.screen_from_map(paris);
    assert!(paris_y < 550.0);
    let back = fit.map_from_screen(fit.screen_from_map(paris));
    assert!((back[0] - paris[0]).abs() < 1e-5 && (back[1] - paris[1]).abs() < 1e-5);
    // A degenerate rectangle does not give an infinite or zero scale.
    assert_eq!(
        MapFit::new(MapBox::WORLD, [0.0, 0.0, 0.0, 0.0]).scale(),
        1.0
    );
}

#[test]
fn a_click_on_screen_hits_what_is_drawn_there() {
    let map = world();
    let fit = MapFit::new(MapBox::WORLD, [0.0, 0.0, 1920.0, 1080.0]);
    let paris = fit.screen_from_map(map_from_lon_lat(2.35, 48.86));
    assert_eq!(
        map.hit_on_screen(&fit, paris, 4.0).map(|p| p.iso3()),
        Some("FRA")
    );
    // Three pixels from Malta's dot, with a four-pixel radius.
    let [x, y] = fit.screen_from_map(map.place("MLT").unwrap().anchor());
    assert_eq!(
        map.hit_on_screen(&fit, [x + 3.0, y], 4.0).map(|p| p.iso3()),
        Some("MLT")
    );
}

#[test]
fn the_globe_outline_is_counter_clockwise_and_spans_the_world() {
    let outline = globe_outline(51);
    assert_eq!(outline.len(), 102);
    assert!(ring_area(&outline) > 0.0);
    let bounds = MapBox::around(&outline).unwrap();
    assert!((bounds.width() - MapBox::WORLD.width()).abs() < 1e-5);
    assert!((bounds.height() - MapBox::WORLD.height()).abs() < 1e-5);
}

#[test]
fn a_broken_map_file_says_what_is_wrong() {
    let file = |countries: &str, points: &str| {
        format!(r#"{{"unit": "centidegree", "countries": [{countries}], "points": [{points}]}}"#)
    };
    let square = r#"{"iso3": "AAA", "name": "A", "polygons": [[[0,0,100,0,100,100,0,100]]]}"#;
    assert!(WorldMap::from_json(&file(square, "")).is_ok());
    let error = |text: &str| WorldMap::from_json(text).unwrap_err().to_string();
    assert!(error("{").contains("not readable"));
    assert!(error(r#"{"unit": "degree", "countries": [], "points": []}"#).contains("unit"));
    let odd = r#"{"iso3": "AAA", "name": "A", "polygons": [[[0,0,100,0,100]]]}"#;
    assert!(error(&file(odd, "")).contains("ring of AAA"));
    let far = r#"{"iso3": "AAA", "name": "A", "polygons": [[[0,0,100,0,100,9100]]]}"#;
    assert!(error(&file(far, "")).contains("outside"));
    let empty = r#"{"iso3": "AAA", "name": "A", "polygons": [[]]}"#;
    assert!(error(&file(empty, "")).contains("no outer ring"));
    let dot = r#"{"iso3": "AAA", "name": "A", "at": [0, 0]}"#;
    assert!(error(&file(square, dot)).contains("AAA twice"));
    let lower = r#"{"iso3": "aaa", "name": "A", "at": [0, 0]}"#;
    assert!(error(&file("", lower)).contains("alpha-3"));
}

#[test]
fn a_polygon_with_a_hole_is_hit_around_it_and_not_in_it() {
    let text = r#"{"unit": "centidegree", "countries": [
        {"iso3": "AAA", "name": "A", "polygons": [[[0,0,1000,0,1000,1000,0,1000],[400,400,400,600,600,600,600,400]]]},
        {"iso3": "BBB", "name": "B", "polygons": [[[400,400,600,400,600,600,400,600]]]}
    ], "points": []}"#;
    let map = WorldMap::from_json(text).unwrap();
    let at = |lon, lat| {
        map.hit(map_from_lon_lat(lon, lat), 0.0)
            .map(|place| place.iso3())
    };
    assert_eq!(at(5.0, 5.0), Some("BBB"));
    assert_eq!(at(2.0, 2.0), Some("AAA"));
    assert_eq!(at(11.0, 5.0), None);
    let a = map.country("AAA").unwrap();
    // The ring of the hole is taken out of the area.
    let hole = map.country("BBB").unwrap().area();
    let outer = ring_area(a.polygons()[0].outer()) as f32;
    assert!((a.area() - (outer - hole)).abs() < 1e-6);
    // The centroid of A's outer ring is in its hole: the anchor moves to a side.
    assert!(a.contains(a.anchor()));
}

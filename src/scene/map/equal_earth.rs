//! The Equal Earth projection on a sphere of radius 1 (Šavrič, Patterson & Jenny, "The
//! Equal Earth map projection", International Journal of Geographical Information Science
//! 33(3), 2019, doi:10.1080/13658816.2018.1504949), written from the paper's equations.
//!
//! An equal-area projection keeps the size of every country true, so a large state does not
//! look more important than it is (Mercator's Greenland) and shaded areas compare fairly;
//! its straight parallels and rounded sides read like the familiar Robinson map.
//!
//! With θ the parametric latitude, `sin θ = (√3 / 2) sin φ`:
//!
//! ```text
//! x = 2√3 λ cos θ / (3 (9 A4 θ⁸ + 7 A3 θ⁶ + 3 A2 θ² + A1))
//! y = A4 θ⁹ + A3 θ⁷ + A2 θ³ + A1 θ
//! ```
//!
//! x grows eastwards and y northwards, in radii of the sphere.

/// The polynomial's coefficients, as published.
const A1: f64 = 1.340264;
const A2: f64 = -0.081106;
const A3: f64 = 0.000893;
const A4: f64 = 0.003796;

/// √3 / 2: `sin θ = M sin φ`, and `2√3 / 3 = 1 / M` in the x equation.
const M: f64 = 0.866_025_403_784_438_6;

/// x of the map's edge on the equator (longitude ±180°): `π / (M A1)`.
pub const HALF_WIDTH: f64 = std::f64::consts::PI / (M * A1);

/// y of the poles (the pole lines): the y polynomial at θ = π/3.
pub const HALF_HEIGHT: f64 = 1.317_362_759_157_413_3;

/// y as a function of θ.
fn y_of(theta: f64) -> f64 {
    let t2 = theta * theta;
    let t6 = t2 * t2 * t2;
    theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2))
}

/// dy/dθ, the denominator of x over `M`.
fn dy_dtheta(theta: f64) -> f64 {
    let t2 = theta * theta;
    let t6 = t2 * t2 * t2;
    A1 + 3.0 * A2 * t2 + t6 * (7.0 * A3 + 9.0 * A4 * t2)
}

/// Projects a longitude and a latitude in degrees to `[x, y]`.
///
/// Latitudes beyond ±90° are taken as the pole; longitudes are used as given (±180° is
/// the map's edge), so a caller wrapping across the antimeridian gets x past the edge.
pub fn forward(lon_deg: f64, lat_deg: f64) -> [f64; 2] {
    let lambda = lon_deg.to_radians();
    let phi = lat_deg.clamp(-90.0, 90.0).to_radians();
    let theta = (M * phi.sin()).asin();
    let x = lambda * theta.cos() / (M * dy_dtheta(theta));
    [x, y_of(theta)]
}

/// The longitude and latitude in degrees of a projected point, or `None` off the map.
///
/// The y polynomial has no closed inverse: Newton's method finds θ (it rises steadily on
/// [-π/3, π/3], so a few steps from θ = y / A1 converge).
pub fn inverse(x: f64, y: f64) -> Option<[f64; 2]> {
    if !(x.is_finite() && y.is_finite()) || y.abs() > HALF_HEIGHT {
        return None;
    }
    let limit = std::f64::consts::FRAC_PI_3;
    let mut theta = y / A1;
    for _ in 0..20 {
        let step = (y_of(theta) - y) / dy_dtheta(theta);
        theta = (theta - step).clamp(-limit, limit);
        if step.abs() < 1e-13 {
            break;
        }
    }
    let cos_theta = theta.cos();
    // At the poles the pole line has a length but every x on it is the same place.
    let lambda = if cos_theta < 1e-12 {
        0.0
    } else {
        M * x * dy_dtheta(theta) / cos_theta
    };
    if lambda.abs() > std::f64::consts::PI + 1e-9 {
        return None;
    }
    let phi = (theta.sin() / M).clamp(-1.0, 1.0).asin();
    Some([lambda.to_degrees(), phi.to_degrees()])
}

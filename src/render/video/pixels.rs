//! The pixel work of a video frame: the crossfade of two pictures, the header pasted over
//! it, and the conversion to the YUV 4:2:0 planes H.264 encodes.
//!
//! Colours are converted with the BT.709 matrix to limited ("TV") range, which is what
//! players assume for HD video and what the stream's VUI says: full-range video is shown
//! washed out or refused by some players (QuickTime among them).

/// A picture as H.264 wants it: a luma plane at full size and two chroma planes at half
/// width and half height.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Yuv420 {
    /// Width in pixels (even).
    pub width: usize,
    /// Height in pixels (even).
    pub height: usize,
    /// Luma, `width × height` bytes.
    pub y: Vec<u8>,
    /// Blue-difference chroma, `width/2 × height/2` bytes.
    pub u: Vec<u8>,
    /// Red-difference chroma, `width/2 × height/2` bytes.
    pub v: Vec<u8>,
}

impl Yuv420 {
    /// Black planes of an even size.
    pub fn new(width: usize, height: usize) -> Self {
        let chroma = (width / 2) * (height / 2);
        Self {
            width,
            height,
            y: vec![16; width * height],
            u: vec![128; chroma],
            v: vec![128; chroma],
        }
    }
}

impl openh264::formats::YUVSource for Yuv420 {
    fn dimensions(&self) -> (usize, usize) {
        (self.width, self.height)
    }

    fn strides(&self) -> (usize, usize, usize) {
        (self.width, self.width / 2, self.width / 2)
    }

    fn y(&self) -> &[u8] {
        &self.y
    }

    fn u(&self) -> &[u8] {
        &self.u
    }

    fn v(&self) -> &[u8] {
        &self.v
    }
}

/// Fixed-point coefficient (16 fractional bits) of a BT.709 limited-range conversion:
/// `factor` of the full-range matrix scaled into `range` of 255 levels.
const fn coefficient(factor: f64, range: f64) -> i32 {
    let scaled = factor * range / 255.0 * 65_536.0;
    if scaled < 0.0 {
        (scaled - 0.5) as i32
    } else {
        (scaled + 0.5) as i32
    }
}

/// BT.709: Kr = 0.2126, Kb = 0.0722. Luma spans 219 levels (16–235), chroma 224 (16–240).
const KR: f64 = 0.2126;
const KB: f64 = 0.0722;
const KG: f64 = 1.0 - KR - KB;
const Y_FROM_RGB: [i32; 3] = [
    coefficient(KR, 219.0),
    coefficient(KG, 219.0),
    coefficient(KB, 219.0),
];
const U_FROM_RGB: [i32; 3] = [
    coefficient(-KR / (2.0 * (1.0 - KB)), 224.0),
    coefficient(-KG / (2.0 * (1.0 - KB)), 224.0),
    coefficient(0.5, 224.0),
];
const V_FROM_RGB: [i32; 3] = [
    coefficient(0.5, 224.0),
    coefficient(-KG / (2.0 * (1.0 - KR)), 224.0),
    coefficient(-KB / (2.0 * (1.0 - KR)), 224.0),
];
const HALF: i32 = 1 << 15;

fn luma(r: i32, g: i32, b: i32) -> u8 {
    let y = (Y_FROM_RGB[0] * r + Y_FROM_RGB[1] * g + Y_FROM_RGB[2] * b + HALF) >> 16;
    (y + 16).clamp(0, 255) as u8
}

/// Chroma of the sums of four pixels' channels (a 2×2 block, averaged here).
fn chroma(coefficients: [i32; 3], r4: i32, g4: i32, b4: i32) -> u8 {
    let c = (coefficients[0] * r4 + coefficients[1] * g4 + coefficients[2] * b4 + 4 * HALF) >> 18;
    (c + 128).clamp(0, 255) as u8
}

/// Converts the top-left `yuv.width × yuv.height` pixels of straight RGBA rows
/// (`stride` pixels each) into `yuv`; alpha is ignored (video frames are opaque). Each
/// chroma sample is the mean of its 2×2 block.
pub fn yuv_from_rgba(rgba: &[u8], stride: usize, yuv: &mut Yuv420) {
    let (width, height) = (yuv.width, yuv.height);
    let half_width = width / 2;
    for pair in 0..height / 2 {
        let top_row = 2 * pair * stride * 4;
        let bottom_row = top_row + stride * 4;
        let (Some(top), Some(bottom)) = (
            rgba.get(top_row..top_row + width * 4),
            rgba.get(bottom_row..bottom_row + width * 4),
        ) else {
            return;
        };
        let y_top = 2 * pair * width;
        let y_bottom = y_top + width;
        let chroma_row = pair * half_width;
        for column in 0..half_width {
            let at = column * 8;
            let (mut r4, mut g4, mut b4) = (0, 0, 0);
            for (row, y_row) in [(top, y_top), (bottom, y_bottom)] {
                for (offset, x) in [(at, 2 * column), (at + 4, 2 * column + 1)] {
                    let r = i32::from(row[offset]);
                    let g = i32::from(row[offset + 1]);
                    let b = i32::from(row[offset + 2]);
                    yuv.y[y_row + x] = luma(r, g, b);
                    r4 += r;
                    g4 += g;
                    b4 += b;
                }
            }
            yuv.u[chroma_row + column] = chroma(U_FROM_RGB, r4, g4, b4);
            yuv.v[chroma_row + column] = chroma(V_FROM_RGB, r4, g4, b4);
        }
    }
}

/// `out = from + (to − from) × weight / 256` for every byte: the crossfade of two opaque
/// pictures of the same size (`weight` 0 is `from`, 256 is `to`).
pub fn crossfade(from: &[u8], to: &[u8], weight: u16, out: &mut [u8]) {
    let w = u32::from(weight.min(256));
    let keep = 256 - w;
    for ((out, &a), &b) in out.iter_mut().zip(from).zip(to) {
        *out = ((u32::from(a) * keep + u32::from(b) * w + 128) >> 8) as u8;
    }
}

/// Draws straight-alpha RGBA `over` (rows of `over_width` pixels) onto the top rows of the
/// opaque `frame` (rows of `frame_width` pixels), as a painter draws a layer on top.
pub fn paste_over(frame: &mut [u8], frame_width: usize, over: &[u8], over_width: usize) {
    let width = frame_width.min(over_width) * 4;
    for (frame_row, over_row) in frame
        .chunks_exact_mut(frame_width * 4)
        .zip(over.chunks_exact(over_width * 4))
    {
        for (dst, src) in frame_row[..width]
            .chunks_exact_mut(4)
            .zip(over_row[..width].chunks_exact(4))
        {
            let alpha = u32::from(src[3]);
            if alpha == 0 {
                continue;
            }
            let keep = 255 - alpha;
            for channel in 0..3 {
                let mixed = u32::from(src[channel]) * alpha + u32::from(dst[channel]) * keep;
                dst[channel] = ((mixed + 127) / 255) as u8;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One colour all over a 2×2 picture, converted.
    fn converted(rgb: [u8; 3]) -> (u8, u8, u8) {
        let rgba: Vec<u8> = std::iter::repeat_n([rgb[0], rgb[1], rgb[2], 255], 4)
            .flatten()
            .collect();
        let mut yuv = Yuv420::new(2, 2);
        yuv_from_rgba(&rgba, 2, &mut yuv);
        assert!(yuv.y.iter().all(|&y| y == yuv.y[0]), "flat luma");
        (yuv.y[0], yuv.u[0], yuv.v[0])
    }

    #[test]
    fn primaries_convert_to_the_bt709_limited_range_values() {
        // The published 8-bit BT.709 values of full-intensity colours.
        assert_eq!(converted([255, 255, 255]), (235, 128, 128));
        assert_eq!(converted([0, 0, 0]), (16, 128, 128));
        assert_eq!(converted([255, 0, 0]), (63, 102, 240));
        assert_eq!(converted([0, 255, 0]), (173, 42, 26));
        assert_eq!(converted([0, 0, 255]), (32, 240, 118));
        assert_eq!(converted([128, 128, 128]), (126, 128, 128));
    }

    #[test]
    fn chroma_is_the_mean_of_its_block_and_the_stride_is_honoured() {
        // A 4×2 picture inside rows of 5 pixels: a red block beside a blue one; the fifth
        // column (cropped: video sides are even) is green and must not leak in.
        let red = [255, 0, 0, 255];
        let blue = [0, 0, 255, 255];
        let green = [0, 255, 0, 255];
        let row = [red, red, blue, blue, green];
        let rgba: Vec<u8> = [row, row].iter().flatten().flatten().copied().collect();
        let mut yuv = Yuv420::new(4, 2);
        yuv_from_rgba(&rgba, 5, &mut yuv);
        assert_eq!(yuv.y, [63, 63, 32, 32, 63, 63, 32, 32]);
        assert_eq!((yuv.u[0], yuv.v[0]), (102, 240));
        assert_eq!((yuv.u[1], yuv.v[1]), (240, 118));

        // A block of two whites and two blacks has the chroma of grey.
        let white = [255, 255, 255, 255];
        let black = [0, 0, 0, 255];
        let rgba: Vec<u8> = [white, black, black, white].concat();
        let mut yuv = Yuv420::new(2, 2);
        yuv_from_rgba(&rgba, 2, &mut yuv);
        assert_eq!(yuv.y, [235, 16, 16, 235]);
        assert_eq!((yuv.u[0], yuv.v[0]), (128, 128));
    }

    #[test]
    fn a_crossfade_runs_from_one_picture_to_the_other() {
        let from = [0, 100, 255, 255];
        let to = [255, 200, 0, 255];
        let mut out = [0; 4];
        crossfade(&from, &to, 0, &mut out);
        assert_eq!(out, from);
        crossfade(&from, &to, 256, &mut out);
        assert_eq!(out, to);
        crossfade(&from, &to, 128, &mut out);
        assert_eq!(out, [128, 150, 128, 255]);
    }

    #[test]
    fn pasting_covers_where_opaque_mixes_where_translucent_and_keeps_the_rest() {
        // A 3×2 frame of grey; a 2×1 layer: opaque black, then half-transparent white.
        let mut frame = [100_u8; 3 * 2 * 4];
        let over = [0, 0, 0, 255, 255, 255, 255, 128];
        paste_over(&mut frame, 3, &over, 2);
        assert_eq!(
            &frame[0..4],
            &[0, 0, 0, 100],
            "opaque covers (alpha is kept)"
        );
        assert_eq!(&frame[4..7], &[178, 178, 178], "half of white over grey");
        assert_eq!(&frame[8..12], &[100; 4], "beyond the layer's width");
        assert_eq!(&frame[12..], &[100; 12], "below the layer's rows");
    }
}

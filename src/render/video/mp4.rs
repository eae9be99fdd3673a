//! The MP4 file around an H.264 stream (ISO/IEC 14496-12 boxes, the `avc1` sample entry of
//! 14496-15): one video track at a constant frame rate, one sample per chunk, the movie
//! box before the media data ("fast start": players and browsers start at once).
//!
//! The frame count is known before the first frame, so the movie box's largest possible
//! size is reserved at the front, the samples are streamed after it, and the real movie
//! box is written into the reservation at the end, the rest filled with a `free` box. The
//! whole file is written once, front to back, plus that one rewrite of its head.
//!
//! ```text
//! ftyp | moov (sample tables) | free (what the reservation did not use) | mdat (samples)
//! ```

use std::io::{Read, Seek, SeekFrom, Write};

/// A box of `kind` around `body`: a 32-bit size, the four-character type, the contents.
fn boxed(kind: &[u8; 4], body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len() + 8);
    out.extend_from_slice(&(body.len() as u32 + 8).to_be_bytes());
    out.extend_from_slice(kind);
    out.extend_from_slice(body);
    out
}

/// A "full box": version 0 and 24 bits of flags before the contents.
fn full_box(kind: &[u8; 4], flags: u32, body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len() + 4);
    out.extend_from_slice(&(flags & 0x00ff_ffff).to_be_bytes());
    out.extend_from_slice(body);
    boxed(kind, &out)
}

/// Big-endian fields one after the other.
#[derive(Default)]
struct Fields(Vec<u8>);

impl Fields {
    fn u8(mut self, value: u8) -> Self {
        self.0.push(value);
        self
    }

    fn u16(mut self, value: u16) -> Self {
        self.0.extend_from_slice(&value.to_be_bytes());
        self
    }

    fn u32(mut self, value: u32) -> Self {
        self.0.extend_from_slice(&value.to_be_bytes());
        self
    }

    fn bytes(mut self, bytes: &[u8]) -> Self {
        self.0.extend_from_slice(bytes);
        self
    }

    /// The identity transformation of `mvhd` and `tkhd` (16.16 and 2.30 fixed point).
    fn identity_matrix(self) -> Self {
        [0x0001_0000, 0, 0, 0, 0x0001_0000, 0, 0, 0, 0x4000_0000]
            .into_iter()
            .fold(self, Fields::u32)
    }
}

/// What the file says about itself: ISO base media, with the AVC and MP4 brands players
/// look for.
fn ftyp() -> Vec<u8> {
    let body = Fields::default()
        .bytes(b"isom")
        .u32(0x200)
        .bytes(b"isom")
        .bytes(b"iso2")
        .bytes(b"avc1")
        .bytes(b"mp41");
    boxed(b"ftyp", &body.0)
}

/// One encoded frame as stored: its size, whether a decoder can start there, where it is.
#[derive(Clone, Copy, Debug)]
struct Sample {
    size: u32,
    sync: bool,
    offset: u64,
    /// In the track's time units.
    duration: u32,
}

/// Why a video file could not be written.
#[derive(Debug, thiserror::Error)]
pub enum Mp4Error {
    /// Writing failed.
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// The encoder gave no sequence or picture parameter set before the first frame.
    #[error("the encoder gave no parameter sets")]
    NoParameterSets,
    /// More frames than were announced (a bug).
    #[error("more than the {0} frames announced")]
    TooManyFrames(usize),
    /// A frame or the whole file is larger than 32-bit sizes allow.
    #[error("the video is too large for one file")]
    TooLarge,
}

/// Writes an MP4 file of one H.264 track, frame by frame.
pub struct Mp4Writer<W: Write + Seek> {
    writer: W,
    width: u16,
    height: u16,
    /// Time units per second.
    timescale: u32,
    /// One frame, in time units.
    frame_duration: u32,
    max_frames: usize,
    /// Where the movie box's reservation starts (after `ftyp`), and its size.
    head: u64,
    reserved: u64,
    /// Where the media data's header starts, and where its samples start.
    mdat_header: u64,
    samples_start: u64,
    position: u64,
    sps: Option<Vec<u8>>,
    pps: Option<Vec<u8>>,
    samples: Vec<Sample>,
}

/// The largest movie box of `frames` samples: every table at its largest (a duration per
/// sample, every sample a sync sample, 64-bit chunk offsets), with room for parameter sets
/// of `parameter_bytes`.
fn largest_moov(frames: usize, parameter_bytes: usize) -> u64 {
    const FIXED: u64 = 1_024;
    FIXED + parameter_bytes as u64 + 24 * frames as u64
}

/// Room kept for the sequence and picture parameter sets (a few dozen bytes in practice).
const PARAMETER_ROOM: usize = 1_024;

impl<W: Write + Seek> Mp4Writer<W> {
    /// Starts a file of `max_frames` frames of `width × height` at `fps` frames per second.
    pub fn new(
        mut writer: W,
        width: u16,
        height: u16,
        fps: u32,
        max_frames: usize,
    ) -> Result<Self, Mp4Error> {
        let ftyp = ftyp();
        writer.write_all(&ftyp)?;
        let head = ftyp.len() as u64;
        let reserved = largest_moov(max_frames, PARAMETER_ROOM);
        // The reservation, then at least a `free` header's worth, then room for a 64-bit
        // media data header (16 bytes; an 8-byte one leaves 8 more to the `free` box).
        let mdat_header = head + reserved + 8;
        let samples_start = mdat_header + 16;
        std::io::copy(
            &mut std::io::repeat(0).take(samples_start - head),
            &mut writer,
        )?;
        Ok(Self {
            writer,
            width,
            height,
            // Millisecond-exact at any whole frame rate.
            timescale: fps.max(1) * 1_000,
            frame_duration: 1_000,
            max_frames,
            head,
            reserved,
            mdat_header,
            samples_start,
            position: samples_start,
            sps: None,
            pps: None,
            samples: Vec::new(),
        })
    }

    /// Adds a frame: the NAL units the encoder gave for it, each with or without its Annex
    /// B start code. Parameter sets go to the sample entry (the first of each kind; one
    /// that differs later stays in the stream, where decoders also read it).
    pub fn add_frame<'a>(
        &mut self,
        nal_units: impl IntoIterator<Item = &'a [u8]>,
        sync: bool,
    ) -> Result<(), Mp4Error> {
        if self.samples.len() >= self.max_frames {
            return Err(Mp4Error::TooManyFrames(self.max_frames));
        }
        let mut sample = Vec::new();
        for nal in nal_units {
            let nal = without_start_code(nal);
            let Some(&header) = nal.first() else {
                continue;
            };
            let slot = match header & 0x1f {
                7 => Some(&mut self.sps),
                8 => Some(&mut self.pps),
                _ => None,
            };
            if let Some(slot) = slot {
                match slot {
                    None => {
                        *slot = Some(nal.to_vec());
                        continue;
                    }
                    Some(known) if known.as_slice() == nal => continue,
                    Some(_) => {}
                }
            }
            let length = u32::try_from(nal.len()).map_err(|_| Mp4Error::TooLarge)?;
            sample.extend_from_slice(&length.to_be_bytes());
            sample.extend_from_slice(nal);
        }
        if sample.is_empty() {
            // A frame the encoder skipped: the previous one shows longer.
            if let Some(last) = self.samples.last_mut() {
                last.duration += self.frame_duration;
            }
            return Ok(());
        }
        self.writer.write_all(&sample)?;
        self.samples.push(Sample {
            size: u32::try_from(sample.len()).map_err(|_| Mp4Error::TooLarge)?,
            sync,
            offset: self.position,
            duration: self.frame_duration,
        });
        self.position += sample.len() as u64;
        Ok(())
    }

    /// How many frames were stored.
    pub fn frames(&self) -> usize {
        self.samples.len()
    }

    /// Writes the movie box and the media data's header, and returns the writer.
    pub fn finish(mut self) -> Result<W, Mp4Error> {
        let (Some(sps), Some(pps)) = (&self.sps, &self.pps) else {
            return Err(Mp4Error::NoParameterSets);
        };
        if sps.len() + pps.len() > PARAMETER_ROOM || sps.len() < 4 {
            return Err(Mp4Error::NoParameterSets);
        }
        let moov = self.moov(sps, pps);
        let moov_len = moov.len() as u64;
        if moov_len > self.reserved {
            return Err(Mp4Error::TooManyFrames(self.max_frames));
        }
        let data = self.position - self.samples_start;
        let (mdat, mdat_at) = match u32::try_from(data + 8) {
            Ok(size) => {
                let mut header = size.to_be_bytes().to_vec();
                header.extend_from_slice(b"mdat");
                (header, self.samples_start - 8)
            }
            Err(_) => {
                let mut header = 1_u32.to_be_bytes().to_vec();
                header.extend_from_slice(b"mdat");
                header.extend_from_slice(&(data + 16).to_be_bytes());
                (header, self.mdat_header)
            }
        };
        let free_at = self.head + moov_len;
        let free_size = u32::try_from(mdat_at - free_at).map_err(|_| Mp4Error::TooLarge)?;
        self.writer.seek(SeekFrom::Start(self.head))?;
        self.writer.write_all(&moov)?;
        self.writer.write_all(&free_size.to_be_bytes())?;
        self.writer.write_all(b"free")?;
        self.writer.seek(SeekFrom::Start(mdat_at))?;
        self.writer.write_all(&mdat)?;
        self.writer.seek(SeekFrom::Start(self.position))?;
        self.writer.flush()?;
        Ok(self.writer)
    }

    fn moov(&self, sps: &[u8], pps: &[u8]) -> Vec<u8> {
        let duration = self
            .samples
            .iter()
            .map(|sample| u64::from(sample.duration))
            .sum::<u64>();
        let duration = u32::try_from(duration).unwrap_or(u32::MAX);
        let mvhd = full_box(
            b"mvhd",
            0,
            &Fields::default()
                .u32(0) // creation time: none, so the same input gives the same file
                .u32(0)
                .u32(self.timescale)
                .u32(duration)
                .u32(0x0001_0000) // rate 1.0
                .u16(0x0100) // volume 1.0
                .u16(0)
                .u32(0)
                .u32(0)
                .identity_matrix()
                .bytes(&[0; 24])
                .u32(2) // next track id
                .0,
        );
        let tkhd = full_box(
            b"tkhd",
            0x3, // enabled, in the movie
            &Fields::default()
                .u32(0)
                .u32(0)
                .u32(1) // track id
                .u32(0)
                .u32(duration)
                .u32(0)
                .u32(0)
                .u16(0) // layer
                .u16(0) // alternate group
                .u16(0) // volume: none for video
                .u16(0)
                .identity_matrix()
                .u32(u32::from(self.width) << 16)
                .u32(u32::from(self.height) << 16)
                .0,
        );
        let mdhd = full_box(
            b"mdhd",
            0,
            &Fields::default()
                .u32(0)
                .u32(0)
                .u32(self.timescale)
                .u32(duration)
                .u16(0x55c4) // language "und"
                .u16(0)
                .0,
        );
        let hdlr = full_box(
            b"hdlr",
            0,
            &Fields::default()
                .u32(0)
                .bytes(b"vide")
                .bytes(&[0; 12])
                .bytes(b"VideoHandler\0")
                .0,
        );
        let vmhd = full_box(b"vmhd", 1, &[0; 8]);
        let dinf = boxed(
            b"dinf",
            &full_box(
                b"dref",
                0,
                &[&1_u32.to_be_bytes()[..], &full_box(b"url ", 1, &[])].concat(),
            ),
        );
        let stbl = boxed(
            b"stbl",
            &[
                self.stsd(sps, pps),
                self.stts(),
                self.stss(),
                full_box(b"stsc", 0, &Fields::default().u32(1).u32(1).u32(1).u32(1).0),
                self.stsz(),
                self.chunk_offsets(),
            ]
            .concat(),
        );
        let minf = boxed(b"minf", &[vmhd, dinf, stbl].concat());
        let mdia = boxed(b"mdia", &[mdhd, hdlr, minf].concat());
        let trak = boxed(b"trak", &[tkhd, mdia].concat());
        boxed(b"moov", &[mvhd, trak].concat())
    }

    /// The `avc1` sample entry: the picture's size and the decoder configuration (profile,
    /// level, 4-byte NAL lengths, the parameter sets), and its colours (BT.709, limited
    /// range, as the stream's VUI says) and square pixels.
    fn stsd(&self, sps: &[u8], pps: &[u8]) -> Vec<u8> {
        let avcc = boxed(
            b"avcC",
            &Fields::default()
                .u8(1) // configuration version
                .u8(sps[1]) // profile
                .u8(sps[2]) // profile compatibility
                .u8(sps[3]) // level
                .u8(0xff) // 6 reserved bits, NAL lengths of 4 bytes
                .u8(0xe1) // 3 reserved bits, one sequence parameter set
                .u16(sps.len() as u16)
                .bytes(sps)
                .u8(1)
                .u16(pps.len() as u16)
                .bytes(pps)
                .0,
        );
        let colr = boxed(
            b"colr",
            &Fields::default()
                .bytes(b"nclx")
                .u16(1) // primaries: BT.709
                .u16(1) // transfer: BT.709
                .u16(1) // matrix: BT.709
                .u8(0) // limited range
                .0,
        );
        let pasp = boxed(b"pasp", &Fields::default().u32(1).u32(1).0);
        let mut name = [0_u8; 32];
        let compressor = b"OpenH264";
        name[0] = compressor.len() as u8;
        name[1..=compressor.len()].copy_from_slice(compressor);
        let avc1 = boxed(
            b"avc1",
            &Fields::default()
                .bytes(&[0; 6])
                .u16(1) // data reference index
                .u16(0)
                .u16(0)
                .bytes(&[0; 12])
                .u16(self.width)
                .u16(self.height)
                .u32(0x0048_0000) // 72 dpi
                .u32(0x0048_0000)
                .u32(0)
                .u16(1) // frames per sample
                .bytes(&name)
                .u16(0x18) // depth: colour, no alpha
                .u16(0xffff) // pre-defined −1
                .bytes(&avcc)
                .bytes(&colr)
                .bytes(&pasp)
                .0,
        );
        full_box(b"stsd", 0, &[&1_u32.to_be_bytes()[..], &avc1].concat())
    }

    /// Durations, run-length encoded (one run when no frame was skipped).
    fn stts(&self) -> Vec<u8> {
        let mut runs: Vec<(u32, u32)> = Vec::new();
        for sample in &self.samples {
            match runs.last_mut() {
                Some((count, duration)) if *duration == sample.duration => *count += 1,
                _ => runs.push((1, sample.duration)),
            }
        }
        let fields = runs.iter().fold(
            Fields::default().u32(runs.len() as u32),
            |fields, &(count, duration)| fields.u32(count).u32(duration),
        );
        full_box(b"stts", 0, &fields.0)
    }

    /// The sync samples (keyframes), numbered from 1.
    fn stss(&self) -> Vec<u8> {
        let sync: Vec<u32> = (1_u32..)
            .zip(&self.samples)
            .filter(|(_, sample)| sample.sync)
            .map(|(number, _)| number)
            .collect();
        let fields = sync
            .iter()
            .fold(Fields::default().u32(sync.len() as u32), |fields, &n| {
                fields.u32(n)
            });
        full_box(b"stss", 0, &fields.0)
    }

    fn stsz(&self) -> Vec<u8> {
        let fields = self.samples.iter().fold(
            Fields::default().u32(0).u32(self.samples.len() as u32),
            |fields, sample| fields.u32(sample.size),
        );
        full_box(b"stsz", 0, &fields.0)
    }

    /// Where each sample (each its own chunk) starts: 32-bit offsets while they fit.
    fn chunk_offsets(&self) -> Vec<u8> {
        let count = Fields::default().u32(self.samples.len() as u32);
        let small: Option<Vec<u32>> = self
            .samples
            .iter()
            .map(|sample| u32::try_from(sample.offset).ok())
            .collect();
        match small {
            Some(offsets) => {
                let fields = offsets.into_iter().fold(count, Fields::u32);
                full_box(b"stco", 0, &fields.0)
            }
            None => {
                let fields = self.samples.iter().fold(count, |fields, sample| {
                    fields.bytes(&sample.offset.to_be_bytes())
                });
                full_box(b"co64", 0, &fields.0)
            }
        }
    }
}

/// A NAL unit without the Annex B start code (`00 00 01` or `00 00 00 01`) before it.
fn without_start_code(nal: &[u8]) -> &[u8] {
    if let Some(rest) = nal.strip_prefix(&[0, 0, 0, 1]) {
        rest
    } else if let Some(rest) = nal.strip_prefix(&[0, 0, 1]) {
        rest
    } else {
        nal
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The boxes at one level: (type, start of the contents, end).
    fn boxes(bytes: &[u8], from: usize, to: usize) -> Vec<([u8; 4], usize, usize)> {
        let mut found = Vec::new();
        let mut at = from;
        while at + 8 <= to {
            let size = u32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]);
            let kind = [bytes[at + 4], bytes[at + 5], bytes[at + 6], bytes[at + 7]];
            let (header, size) = if size == 1 {
                let mut large = [0; 8];
                large.copy_from_slice(&bytes[at + 8..at + 16]);
                (16, u64::from_be_bytes(large) as usize)
            } else {
                (8, size as usize)
            };
            found.push((kind, at + header, at + size));
            at += size;
        }
        assert_eq!(at, to, "the boxes fill their parent exactly");
        found
    }

    fn written(frames: &[(&[&[u8]], bool)], announced: usize) -> Vec<u8> {
        let cursor = std::io::Cursor::new(Vec::new());
        let mut writer = Mp4Writer::new(cursor, 64, 48, 25, announced).expect("a writer");
        for (nals, sync) in frames {
            writer
                .add_frame(nals.iter().copied(), *sync)
                .expect("a frame");
        }
        writer.finish().expect("a file").into_inner()
    }

    const SPS: &[u8] = &[0, 0, 0, 1, 0x67, 0x42, 0xc0, 0x1f, 0xaa];
    const PPS: &[u8] = &[0, 0, 0, 1, 0x68, 0xce, 0x3c, 0x80];
    const IDR: &[u8] = &[0, 0, 0, 1, 0x65, 1, 2, 3];
    const P: &[u8] = &[0, 0, 1, 0x41, 9, 9];

    #[test]
    fn the_movie_box_comes_first_and_the_samples_are_length_prefixed() {
        let bytes = written(
            &[(&[SPS, PPS, IDR], true), (&[P], false), (&[P], false)],
            10,
        );
        let top: Vec<[u8; 4]> = boxes(&bytes, 0, bytes.len()).iter().map(|b| b.0).collect();
        assert_eq!(top, [*b"ftyp", *b"moov", *b"free", *b"mdat"]);
        let (_, mdat, end) = boxes(&bytes, 0, bytes.len())[3];
        assert_eq!(
            &bytes[mdat..end],
            [
                &[0, 0, 0, 4, 0x65, 1, 2, 3][..],
                &[0, 0, 0, 3, 0x41, 9, 9],
                &[0, 0, 0, 3, 0x41, 9, 9]
            ]
            .concat(),
            "no parameter sets, no start codes"
        );
        let text = String::from_utf8_lossy(&bytes);
        assert!(text.contains("avcC") && text.contains("stss"));
    }

    #[test]
    fn a_skipped_frame_lengthens_the_one_before() {
        let bytes = written(&[(&[SPS, PPS, IDR], true), (&[], false), (&[P], false)], 3);
        let at = bytes
            .windows(4)
            .position(|w| w == b"stts")
            .expect("a time-to-sample box");
        let word =
            |i: usize| u32::from_be_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]);
        // version and flags, two runs: (1 sample of 2000), (1 sample of 1000).
        assert_eq!([word(at + 8), word(at + 12), word(at + 16)], [2, 1, 2_000]);
        assert_eq!([word(at + 20), word(at + 24)], [1, 1_000]);
    }

    #[test]
    fn frames_beyond_the_announced_count_are_refused() {
        let cursor = std::io::Cursor::new(Vec::new());
        let mut writer = Mp4Writer::new(cursor, 64, 48, 25, 1).expect("a writer");
        writer.add_frame([SPS, PPS, IDR], true).expect("the first");
        assert!(matches!(
            writer.add_frame([P], false),
            Err(Mp4Error::TooManyFrames(1))
        ));
    }
}

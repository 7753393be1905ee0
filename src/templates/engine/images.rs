//! Hugo's image processing of a resource (`.Resize`, `.Fit`, `.Fill`, `.Crop`,
//! `.Process`), done offline with the `image` crate, so a card template that makes a
//! thumbnail renders as on the site.
//!
//! The spec is Hugo's (`resources/images/config.go`): a size (`600x`, `x400`,
//! `600x400`), then any of a format (`jpg`, `png`, `gif`, `webp`), a quality (`q80`), an
//! anchor (`Center`, `TopLeft`, … `Smart` read as `Center`, and said: [`smart_crop`]), a
//! rotation (`r90`). Filters and backgrounds are accepted and left to the crate's
//! defaults. WebP is written lossless (the crate has no lossy encoder).
//!
//! Results go to one folder for the process ([`output_dir`]), named as Hugo names them
//! (`cover_hu_<hash>.png`), and are kept for the length of the run by source, its
//! modification time and the spec: the preview renders on every keystroke.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::{LazyLock, Mutex};

use image::imageops::FilterType;
use image::{DynamicImage, ImageFormat};

/// How an image is processed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Method {
    /// To the size given; one side alone keeps the aspect ratio.
    Resize,
    /// Down to fit inside the size, keeping the aspect ratio.
    Fit,
    /// Scaled to cover the size, then cropped to it at the anchor.
    Fill,
    /// Cropped to the size at the anchor, not scaled.
    Crop,
    /// Not resized: `.Process` with a spec that names no action (`webp q50`, `r90`),
    /// which writes the image in the format, quality and rotation it gives.
    Convert,
}

impl Method {
    /// The method a template calls (`.Resize` …).
    pub fn of(name: &str) -> Option<Method> {
        Some(match name {
            ".Resize" => Method::Resize,
            ".Fit" => Method::Fit,
            ".Fill" => Method::Fill,
            ".Crop" => Method::Crop,
            ".Process" => Method::Convert,
            _ => return None,
        })
    }
}

/// Where processed images are written (`$TMPDIR/folio-images`); the app serves this
/// folder to its preview.
pub fn output_dir() -> PathBuf {
    std::env::temp_dir().join("folio-images")
}

/// The largest image Folio processes (pixels of the source): a bigger one is refused
/// rather than held in memory.
const MAX_PIXELS: u64 = 64_000_000;

type Key = (PathBuf, Option<std::time::SystemTime>, Method, String);

static DONE: LazyLock<Mutex<HashMap<Key, PathBuf>>> = LazyLock::new(Mutex::default);

/// Held while an image is processed: one at a time, so that threads rendering a page's
/// calls neither hold several decoded images nor process the same one twice.
static PROCESSING: Mutex<()> = Mutex::new(());

/// The processed image of `source` by `method` and `spec`: its file.
///
/// # Errors
/// A spec Hugo would refuse, or an image that cannot be read or written: the message.
pub fn process(source: &Path, method: Method, spec: &str) -> Result<PathBuf, String> {
    let modified = std::fs::metadata(source).and_then(|m| m.modified()).ok();
    let key: Key = (source.to_path_buf(), modified, method, spec.to_string());
    let done = || {
        DONE.lock()
            .ok()
            .and_then(|d| d.get(&key).cloned())
            .filter(|p| p.is_file())
    };
    if let Some(path) = done() {
        return Ok(path);
    }
    let _one_at_a_time = PROCESSING
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    // Another thread may have made it while this one waited.
    if let Some(path) = done() {
        return Ok(path);
    }
    let options = Options::parse(spec, method)?;
    let source_format = ImageFormat::from_path(source)
        .map_err(|_| format!("{}: not an image Folio can process", source.display()))?;
    let format = options.format.unwrap_or(source_format);
    // Read by its content, as Hugo decodes it (a JPEG saved as `.png` is read as a JPEG);
    // written in the format its name says, unless the options say another.
    let reader = || -> Result<_, String> {
        image::ImageReader::open(source)
            .and_then(image::ImageReader::with_guessed_format)
            .map_err(|e| format!("{}: {e}", source.display()))
    };
    let (w, h) = reader()?
        .into_dimensions()
        .map_err(|e| format!("{}: {e}", source.display()))?;
    if u64::from(w) * u64::from(h) > MAX_PIXELS {
        return Err(format!(
            "{}: too large to process ({w}x{h})",
            source.display()
        ));
    }
    let img = reader()?
        .decode()
        .map_err(|e| format!("{}: {e}", source.display()))?;
    let img = rotate(img, options.rotate);
    let out = apply(img, method, &options);
    let mut hasher = fnv::FnvHasher::default();
    key.hash(&mut hasher);
    let stem = source
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("image");
    let ext = format.extensions_str().first().copied().unwrap_or("png");
    let dir = output_dir();
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let path = dir.join(format!("{stem}_hu_{:016x}.{ext}", hasher.finish()));
    write(&out, &path, format, options.quality)?;
    if let Ok(mut done) = DONE.lock() {
        done.insert(key, path.clone());
    }
    Ok(path)
}

/// Writes the image to `path` through a file beside it renamed into place, so that a
/// reader (the preview, another Folio) never sees half an image.
fn write(img: &DynamicImage, path: &Path, format: ImageFormat, quality: u8) -> Result<(), String> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let fail = |e: &dyn std::fmt::Display| format!("{}: {e}", path.display());
    let tmp = tempfile::NamedTempFile::new_in(dir).map_err(|e| fail(&e))?;
    let mut w = std::io::BufWriter::new(tmp);
    let result =
        match format {
            ImageFormat::Jpeg => img.to_rgb8().write_with_encoder(
                image::codecs::jpeg::JpegEncoder::new_with_quality(&mut w, quality),
            ),
            ImageFormat::WebP => img
                .to_rgba8()
                .write_with_encoder(image::codecs::webp::WebPEncoder::new_lossless(&mut w)),
            other => img.write_to(&mut w, other),
        };
    result.map_err(|e| fail(&e))?;
    let tmp = w.into_inner().map_err(|e| fail(&e.error()))?;
    tmp.persist(path).map_err(|e| fail(&e.error))?;
    Ok(())
}

/// A spec read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Options {
    width: Option<u32>,
    height: Option<u32>,
    format: Option<ImageFormat>,
    quality: u8,
    /// Where to keep when cropping: (x, y) in halves: 0 start, 1 middle, 2 end.
    anchor: (u32, u32),
    rotate: u32,
}

impl Options {
    fn parse(spec: &str, method: Method) -> Result<Options, String> {
        let mut o = Options {
            width: None,
            height: None,
            format: None,
            quality: 75,
            anchor: (1, 1),
            rotate: 0,
        };
        let mut sized = false;
        for word in spec.split_whitespace() {
            let lower = word.to_ascii_lowercase();
            if let Some((w, h)) = lower.split_once('x').filter(|(w, h)| {
                w.bytes().chain(h.bytes()).all(|b| b.is_ascii_digit())
                    && !(w.is_empty() && h.is_empty())
            }) {
                sized = true;
                o.width = w.parse().ok().filter(|&n: &u32| n > 0);
                o.height = h.parse().ok().filter(|&n: &u32| n > 0);
            } else if let Some(q) = lower.strip_prefix('q').and_then(|q| q.parse::<u8>().ok()) {
                o.quality = q.clamp(1, 100);
            } else if let Some(r) = lower.strip_prefix('r').and_then(|r| r.parse::<i64>().ok()) {
                // Counter-clockwise degrees; `r-90` is `r270`.
                o.rotate = u32::try_from(r.rem_euclid(360)).unwrap_or(0);
            } else if let Some(f) = match lower.as_str() {
                "jpg" | "jpeg" => Some(ImageFormat::Jpeg),
                "png" => Some(ImageFormat::Png),
                "gif" => Some(ImageFormat::Gif),
                "webp" => Some(ImageFormat::WebP),
                _ => None,
            } {
                o.format = Some(f);
            } else if let Some(a) = anchor(&lower) {
                o.anchor = a;
            }
        }
        match (method, o.width, o.height) {
            // Hugo 0.168 refuses a size without an action ("width or height are not
            // supported for this action") and stops the build.
            (Method::Convert, ..) if sized => Err(format!(
                "image spec {spec:?}: width or height are not supported without an action \
                 (resize, fit, fill or crop); Hugo stops the build here"
            )),
            (Method::Convert, ..) => Ok(o),
            (_, None, None) => Err(format!("image spec {spec:?} gives no size")),
            (Method::Fit | Method::Fill | Method::Crop, None, _)
            | (Method::Fit | Method::Fill | Method::Crop, _, None) => Err(format!(
                "image spec {spec:?}: this method needs a width and a height"
            )),
            _ => Ok(o),
        }
    }
}

/// Whether `method` with `spec` crops at Hugo's `Smart` anchor: a `Fill` or a `Crop`
/// naming no other anchor (`Smart` is Hugo's default, `imaging.anchor`). Hugo's smart
/// crop picks the region by what the picture shows (`smartcrop`); Folio crops at the
/// centre.
///
/// `size` is the source image's (width, height) in pixels, when read: a `Fill` to its own
/// proportions, or a `Crop` to no less than its size, cuts nothing, and no anchor counts.
pub fn smart_crop(method: Method, spec: &str, size: Option<(u32, u32)>) -> bool {
    let smart = matches!(method, Method::Fill | Method::Crop)
        && spec.split_whitespace().all(|word| {
            let word = word.to_ascii_lowercase();
            word == "smart" || anchor(&word).is_none()
        });
    let cuts = match (Options::parse(spec, method), size) {
        (
            Ok(Options {
                width: Some(w),
                height: Some(h),
                ..
            }),
            Some((w0, h0)),
        ) => match method {
            Method::Fill => u64::from(w) * u64::from(h0) != u64::from(h) * u64::from(w0),
            _ => w < w0 || h < h0,
        },
        _ => true,
    };
    smart && cuts
}

fn anchor(word: &str) -> Option<(u32, u32)> {
    Some(match word {
        "center" | "smart" => (1, 1),
        "topleft" => (0, 0),
        "top" => (1, 0),
        "topright" => (2, 0),
        "left" => (0, 1),
        "right" => (2, 1),
        "bottomleft" => (0, 2),
        "bottom" => (1, 2),
        "bottomright" => (2, 2),
        _ => return None,
    })
}

fn rotate(img: DynamicImage, degrees: u32) -> DynamicImage {
    // Hugo rotates counter-clockwise.
    match degrees {
        90 => img.rotate270(),
        180 => img.rotate180(),
        270 => img.rotate90(),
        _ => img,
    }
}

fn scaled(n: u32, num: u32, den: u32) -> u32 {
    u32::try_from((u64::from(n) * u64::from(num) + u64::from(den) / 2) / u64::from(den.max(1)))
        .unwrap_or(u32::MAX)
        .max(1)
}

fn apply(img: DynamicImage, method: Method, o: &Options) -> DynamicImage {
    let (w0, h0) = (img.width(), img.height());
    let filter = FilterType::Triangle;
    match (method, o.width, o.height) {
        (Method::Resize, Some(w), None) => img.resize_exact(w, scaled(h0, w, w0), filter),
        (Method::Resize, None, Some(h)) => img.resize_exact(scaled(w0, h, h0), h, filter),
        (Method::Resize, Some(w), Some(h)) => img.resize_exact(w, h, filter),
        (Method::Fit, Some(w), Some(h)) if w0 > w || h0 > h => img.resize(w, h, filter),
        (Method::Fill, Some(w), Some(h)) => {
            // Cover the box, then crop it out at the anchor.
            let (sw, sh) = if u64::from(w) * u64::from(h0) > u64::from(h) * u64::from(w0) {
                (w, scaled(h0, w, w0))
            } else {
                (scaled(w0, h, h0), h)
            };
            let covered = img.resize_exact(sw.max(w), sh.max(h), filter);
            crop_at(covered, w, h, o.anchor)
        }
        (Method::Crop, Some(w), Some(h)) => crop_at(img, w, h, o.anchor),
        _ => img,
    }
}

fn crop_at(img: DynamicImage, w: u32, h: u32, anchor: (u32, u32)) -> DynamicImage {
    let (w, h) = (w.min(img.width()), h.min(img.height()));
    let x = (img.width() - w) * anchor.0 / 2;
    let y = (img.height() - h) * anchor.1 / 2;
    img.crop_imm(x, y, w, h)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specs_read_as_hugo_reads_them() {
        let o = Options::parse("600x webp q80 TopLeft r90", Method::Resize).unwrap();
        assert_eq!(
            (o.width, o.height, o.format, o.quality, o.anchor, o.rotate),
            (Some(600), None, Some(ImageFormat::WebP), 80, (0, 0), 90)
        );
        assert!(Options::parse("600x", Method::Fill).is_err());
        assert!(Options::parse("webp", Method::Resize).is_err());
    }

    #[test]
    fn each_method_gives_the_size_hugo_gives() {
        let img = || DynamicImage::new_rgb8(400, 200);
        let size = |m, spec| {
            let o = Options::parse(spec, m).unwrap();
            let out = apply(img(), m, &o);
            (out.width(), out.height())
        };
        assert_eq!(size(Method::Resize, "100x"), (100, 50));
        assert_eq!(size(Method::Resize, "x100"), (200, 100));
        assert_eq!(size(Method::Fit, "100x100"), (100, 50));
        assert_eq!(size(Method::Fit, "800x800"), (400, 200));
        assert_eq!(size(Method::Fill, "100x100"), (100, 100));
        assert_eq!(size(Method::Crop, "50x60"), (50, 60));
    }
}

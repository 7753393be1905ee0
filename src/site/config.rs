//! Finding and reading a site's config as Hugo does (`hugo.*` before `config.*`, then
//! `config/_default/`; Hugo's `config/allconfig` loader).

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::formats::{Format, Tree};
use crate::fs;

/// Config file names in the order Hugo looks for them.
const CONFIG_NAMES: [&str; 8] = [
    "hugo.toml",
    "hugo.yaml",
    "hugo.yml",
    "hugo.json",
    "config.toml",
    "config.yaml",
    "config.yml",
    "config.json",
];

/// A parsed config (or params) file.
#[derive(Debug, Clone)]
pub struct ConfigFile {
    /// Where it was read from (its extension gives the format).
    pub path: PathBuf,
    /// Its text, as read: [`ConfigFile::doc`]'s spans are offsets into it.
    pub src: String,
    /// The parsed values.
    pub doc: Tree,
}

impl ConfigFile {
    /// Parses `src` as the config file at `path` (its format from the extension).
    ///
    /// # Errors
    /// An extension that is not `toml`, `yaml`, `yml` or `json`, or a syntax error located
    /// in `path`.
    pub fn from_text(path: &Path, src: String) -> Result<ConfigFile> {
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        let format = Format::from_extension(ext)
            .ok_or_else(|| Error::site(path, "unknown config format"))?;
        let doc = Tree::parse(&src, 0..src.len(), format).map_err(|e| e.at(path, &src))?;
        Ok(ConfigFile {
            path: path.to_path_buf(),
            src,
            doc,
        })
    }

    /// Reads and parses a config file; the format comes from its extension.
    ///
    /// # Errors
    /// As [`ConfigFile::from_text`], and the file cannot be read.
    pub fn read(path: &Path) -> Result<ConfigFile> {
        ConfigFile::from_text(path, fs::read_text(path)?)
    }
}

/// The config file of the site at `dir`, if any: the first of `hugo.toml`, `hugo.yaml`,
/// `hugo.yml`, `hugo.json`, `config.toml`, `config.yaml`, `config.yml`, `config.json` in
/// `dir`, then in `dir/config/_default/`.
pub fn find_config(dir: &Path) -> Option<PathBuf> {
    let default_dir = dir.join("config").join("_default");
    CONFIG_NAMES
        .iter()
        .map(|n| dir.join(n))
        .chain(CONFIG_NAMES.iter().map(|n| default_dir.join(n)))
        .find(|p| p.is_file())
}

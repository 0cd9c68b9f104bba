//! A zip writer for the packages: each file deflated (or stored, when deflating does not make it
//! smaller), UTF-8 names, one fixed timestamp so the same build gives the same bytes. No zip64:
//! a package is a few megabytes, and anything near the format's limits is refused.

use super::crc32::crc32;

/// 1980-01-01 00:00, the earliest time the format can say, in MS-DOS form (time, date).
const DOS_TIME: u16 = 0;
const DOS_DATE: u16 = (1 << 5) | 1;
/// Bit 11: names are UTF-8.
const FLAGS: u16 = 1 << 11;
const STORED: u16 = 0;
const DEFLATED: u16 = 8;
/// "Version needed to extract": 2.0, for deflate.
const VERSION: u16 = 20;

struct Entry {
    name: String,
    method: u16,
    crc: u32,
    compressed: u32,
    size: u32,
    offset: u32,
}

/// Builds a zip archive in memory.
#[derive(Default)]
pub struct ZipWriter {
    bytes: Vec<u8>,
    entries: Vec<Entry>,
}

fn u16le(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn u32le(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn fits(n: usize, what: &str) -> Result<u32, String> {
    u32::try_from(n)
        .ok()
        .filter(|&n| n < u32::MAX)
        .ok_or_else(|| format!("{what} is too large for a zip without zip64 (4 GiB)"))
}

impl ZipWriter {
    pub fn new() -> ZipWriter {
        ZipWriter::default()
    }

    /// Adds a file. `name` is the path inside the archive, with `/` between folders.
    pub fn add(&mut self, name: &str, data: &[u8]) -> Result<(), String> {
        if name.is_empty()
            || name.starts_with('/')
            || name.contains('\\')
            || name.split('/').any(|p| p == ".." || p.is_empty())
        {
            return Err(format!(
                "\"{name}\" is not a relative path inside the package"
            ));
        }
        if self.entries.iter().any(|e| e.name == name) {
            return Err(format!("\"{name}\" is in the package twice"));
        }
        if self.entries.len() >= usize::from(u16::MAX) - 1 {
            return Err("too many files for a zip without zip64".into());
        }
        let deflated = miniz_oxide::deflate::compress_to_vec(data, 9);
        let (method, body) = if deflated.len() < data.len() {
            (DEFLATED, deflated)
        } else {
            (STORED, data.to_vec())
        };
        let name_len =
            u16::try_from(name.len()).map_err(|_| format!("the name \"{name}\" is too long"))?;
        let entry = Entry {
            name: name.to_string(),
            method,
            crc: crc32(data),
            compressed: fits(body.len(), name)?,
            size: fits(data.len(), name)?,
            offset: fits(self.bytes.len(), "the package")?,
        };
        let out = &mut self.bytes;
        u32le(out, 0x0403_4b50);
        u16le(out, VERSION);
        u16le(out, FLAGS);
        u16le(out, entry.method);
        u16le(out, DOS_TIME);
        u16le(out, DOS_DATE);
        u32le(out, entry.crc);
        u32le(out, entry.compressed);
        u32le(out, entry.size);
        u16le(out, name_len);
        u16le(out, 0);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(&body);
        self.entries.push(entry);
        Ok(())
    }

    /// The archive: the files, then the central directory and its end record.
    pub fn finish(self) -> Result<Vec<u8>, String> {
        let mut out = self.bytes;
        let start = fits(out.len(), "the package")?;
        for e in &self.entries {
            u32le(&mut out, 0x0201_4b50);
            u16le(&mut out, VERSION); // made by: MS-DOS attributes, 2.0
            u16le(&mut out, VERSION);
            u16le(&mut out, FLAGS);
            u16le(&mut out, e.method);
            u16le(&mut out, DOS_TIME);
            u16le(&mut out, DOS_DATE);
            u32le(&mut out, e.crc);
            u32le(&mut out, e.compressed);
            u32le(&mut out, e.size);
            u16le(&mut out, e.name.len() as u16);
            u16le(&mut out, 0); // extra field
            u16le(&mut out, 0); // comment
            u16le(&mut out, 0); // disk
            u16le(&mut out, 0); // internal attributes
            u32le(&mut out, 0); // external attributes
            u32le(&mut out, e.offset);
            out.extend_from_slice(e.name.as_bytes());
        }
        let size = fits(out.len(), "the package")? - start;
        let count = self.entries.len() as u16;
        u32le(&mut out, 0x0605_4b50);
        u16le(&mut out, 0);
        u16le(&mut out, 0);
        u16le(&mut out, count);
        u16le(&mut out, count);
        u32le(&mut out, size);
        u32le(&mut out, start);
        u16le(&mut out, 0);
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u32_at(b: &[u8], at: usize) -> u32 {
        u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
    }
    fn u16_at(b: &[u8], at: usize) -> u16 {
        u16::from_le_bytes([b[at], b[at + 1]])
    }

    /// Reads the archive back by its central directory (the Node tests read it with yauzl, an
    /// independent reader): every entry where the directory says, with its data intact.
    #[test]
    fn the_directory_points_at_each_file_and_the_data_comes_back() {
        let text = "Integration is a means, not an end. ".repeat(50);
        let mut z = ZipWriter::new();
        z.add("index.html", text.as_bytes()).unwrap();
        z.add("a/b.bin", &[0, 1, 2, 3]).unwrap();
        let bytes = z.finish().unwrap();
        let end = bytes.len() - 22;
        assert_eq!(u32_at(&bytes, end), 0x0605_4b50);
        assert_eq!(u16_at(&bytes, end + 10), 2);
        let mut at = u32_at(&bytes, end + 16) as usize;
        let mut found = Vec::new();
        for _ in 0..2 {
            assert_eq!(u32_at(&bytes, at), 0x0201_4b50);
            let method = u16_at(&bytes, at + 10);
            let crc = u32_at(&bytes, at + 16);
            let compressed = u32_at(&bytes, at + 20) as usize;
            let name_len = u16_at(&bytes, at + 28) as usize;
            let offset = u32_at(&bytes, at + 42) as usize;
            let name = String::from_utf8(bytes[at + 46..at + 46 + name_len].to_vec()).unwrap();
            assert_eq!(u32_at(&bytes, offset), 0x0403_4b50);
            let data_at = offset + 30 + u16_at(&bytes, offset + 26) as usize;
            let raw = &bytes[data_at..data_at + compressed];
            let data = if method == DEFLATED {
                miniz_oxide::inflate::decompress_to_vec(raw).unwrap()
            } else {
                raw.to_vec()
            };
            assert_eq!(crc32(&data), crc);
            found.push((name, method, data));
            at += 46 + name_len;
        }
        assert_eq!(found[0].0, "index.html");
        assert_eq!(found[0].1, DEFLATED, "repetitive text is deflated");
        assert_eq!(found[0].2, text.as_bytes());
        assert_eq!(found[1], ("a/b.bin".to_string(), STORED, vec![0, 1, 2, 3]));
    }

    #[test]
    fn refuses_paths_that_leave_the_package() {
        let mut z = ZipWriter::new();
        for bad in ["", "/etc/passwd", "../x", "a/../b", "a\\b", "a//b"] {
            assert!(z.add(bad, b"x").is_err(), "{bad}");
        }
        z.add("x", b"1").unwrap();
        assert!(z.add("x", b"2").unwrap_err().contains("twice"));
    }

    #[test]
    fn the_same_files_give_the_same_bytes() {
        let build = || {
            let mut z = ZipWriter::new();
            z.add("index.html", b"<!doctype html>").unwrap();
            z.finish().unwrap()
        };
        assert_eq!(build(), build());
    }
}

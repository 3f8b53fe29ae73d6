//! Where a run's documents come from: files, directories searched for `*.json` in a stable
//! order, and JSON Lines streams (a file, or standard input), read one document at a time so
//! that a stream of any length is never held whole.

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use crate::input::{InputError, Limits, read};

/// One document of a run: where it is, and its bytes or why they could not be read.
#[derive(Debug)]
pub struct Document {
    /// The file it is in (`-` for standard input), as given or as found in a directory.
    pub file: String,
    /// Its 1-based line, for a document of a JSON Lines stream.
    pub line: Option<usize>,
    /// Its bytes, or why they could not be read (a missing file, a line over the size limit).
    pub bytes: Result<Vec<u8>, String>,
}

impl Document {
    /// `file`, or `file:line` for a line of a stream.
    pub fn name(&self) -> String {
        match self.line {
            Some(line) => format!("{}:{line}", self.file),
            None => self.file.clone(),
        }
    }
}

/// The files `paths` name, in order: a directory's `*.json` files (searched through its
/// subdirectories, hidden ones skipped) sorted by path in its place; no path is standard input.
pub fn files(paths: &[PathBuf]) -> Vec<PathBuf> {
    if paths.is_empty() {
        return vec![PathBuf::from("-")];
    }
    let mut out = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut found = Vec::new();
            json_files(path, &mut found);
            found.sort();
            out.extend(found);
        } else {
            out.push(path.clone());
        }
    }
    out
}

fn json_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        // An unreadable directory is reported when it is read as a file.
        out.push(dir.to_path_buf());
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        if hidden {
            continue;
        }
        if path.is_dir() {
            json_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
}

/// Every document of `files`, lazily: each file whole, or with `jsonl` each non-blank line of
/// each file (`-` is standard input).
pub fn documents(
    files: Vec<PathBuf>,
    jsonl: bool,
    limits: Limits,
) -> impl Iterator<Item = Document> {
    files
        .into_iter()
        .flat_map(move |path| -> Box<dyn Iterator<Item = Document>> {
            let file = path.display().to_string();
            if !jsonl {
                let source = (file != "-").then_some(path.as_path());
                let bytes = read(source, &limits).map_err(|e| e.to_string());
                return Box::new(std::iter::once(Document {
                    file,
                    line: None,
                    bytes,
                }));
            }
            let reader: Result<Box<dyn Read>, String> = if file == "-" {
                Ok(Box::new(std::io::stdin()))
            } else {
                std::fs::File::open(&path)
                    .map(|f| Box::new(f) as Box<dyn Read>)
                    .map_err(|error| {
                        InputError::Io {
                            source: format!("`{file}`"),
                            error,
                        }
                        .to_string()
                    })
            };
            match reader {
                Ok(reader) => Box::new(Lines {
                    file,
                    reader: BufReader::new(reader),
                    line: 0,
                    limits,
                    done: false,
                }),
                Err(message) => Box::new(std::iter::once(Document {
                    file,
                    line: None,
                    bytes: Err(message),
                })),
            }
        })
}

/// The lines of a JSON Lines stream, each within the size limit: a longer line is reported and
/// skipped without being held.
struct Lines<R> {
    file: String,
    reader: R,
    line: usize,
    limits: Limits,
    done: bool,
}

impl<R: BufRead> Iterator for Lines<R> {
    type Item = Document;

    fn next(&mut self) -> Option<Document> {
        while !self.done {
            self.line += 1;
            let mut buf = Vec::new();
            let cap = u64::try_from(self.limits.max_bytes)
                .unwrap_or(u64::MAX)
                .saturating_add(1);
            let read = (&mut self.reader).take(cap).read_until(b'\n', &mut buf);
            let bytes = match read {
                Ok(0) => {
                    self.done = true;
                    return None;
                }
                Ok(_) if buf.len() as u64 >= cap && buf.last() != Some(&b'\n') => {
                    // Over the limit: the rest of the line is skipped, a piece at a time.
                    self.skip_line();
                    Err(InputError::TooLarge {
                        limit: self.limits.max_bytes,
                    }
                    .to_string())
                }
                Ok(_) => {
                    while buf.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
                        buf.pop();
                    }
                    if buf.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    Ok(buf)
                }
                Err(error) => {
                    self.done = true;
                    Err(InputError::Io {
                        source: format!("`{}`", self.file),
                        error,
                    }
                    .to_string())
                }
            };
            return Some(Document {
                file: self.file.clone(),
                line: Some(self.line),
                bytes,
            });
        }
        None
    }
}

impl<R: BufRead> Lines<R> {
    fn skip_line(&mut self) {
        loop {
            let Ok(available) = self.reader.fill_buf() else {
                self.done = true;
                return;
            };
            if available.is_empty() {
                self.done = true;
                return;
            }
            match available.iter().position(|b| *b == b'\n') {
                Some(end) => {
                    self.reader.consume(end + 1);
                    return;
                }
                None => {
                    let n = available.len();
                    self.reader.consume(n);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stream_is_read_a_line_at_a_time_within_the_limit() {
        let text = format!("{{\"a\": 1}}\n\n{}\n[2]\r\n", "x".repeat(50));
        let limits = Limits::default().with_max_bytes(20);
        let lines = Lines {
            file: "s.jsonl".to_owned(),
            reader: BufReader::with_capacity(8, text.as_bytes()),
            line: 0,
            limits,
            done: false,
        };
        let got: Vec<(String, Result<String, String>)> = lines
            .map(|d| {
                (
                    d.name(),
                    d.bytes.map(|b| String::from_utf8_lossy(&b).into_owned()),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("s.jsonl:1".to_owned(), Ok("{\"a\": 1}".to_owned())),
                (
                    "s.jsonl:3".to_owned(),
                    Err("input is larger than the size limit of 20 bytes".to_owned())
                ),
                ("s.jsonl:4".to_owned(), Ok("[2]".to_owned())),
            ]
        );
    }
}

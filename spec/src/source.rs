//! Source files and spans: where every spec item came from.

use codespan_reporting::files::{Files, SimpleFile};

/// Index of a file in a [`SourceMap`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(
    feature = "resolved-model",
    derive(serde::Serialize, serde::Deserialize)
)]
pub struct FileId(pub(crate) u32);

/// A byte range in one source file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "resolved-model",
    derive(serde::Serialize, serde::Deserialize)
)]
pub struct Span {
    /// The file the range is in.
    pub file: FileId,
    /// First byte.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
}

impl Span {
    /// Makes a span from a byte range of `file`.
    pub fn new(file: FileId, range: std::ops::Range<usize>) -> Self {
        let clamp = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Span {
            file,
            start: clamp(range.start),
            end: clamp(range.end.max(range.start)),
        }
    }

    /// The byte range.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// A value and the span it was written at.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(
    feature = "resolved-model",
    derive(serde::Serialize, serde::Deserialize)
)]
pub struct Sp<T> {
    /// The value.
    pub value: T,
    /// Where it was written.
    pub span: Span,
}

impl<T> Sp<T> {
    /// Pairs a value with its span.
    pub fn new(value: T, span: Span) -> Self {
        Sp { value, span }
    }
}

impl<T> std::ops::Deref for Sp<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

impl Sp<String> {
    /// The value as a string slice.
    pub fn as_str(&self) -> &str {
        &self.value
    }
}

/// A line and column, both counted from 1 (columns in characters).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    /// Line number, from 1.
    pub line: usize,
    /// Column number in characters, from 1.
    pub column: usize,
}

/// Every source file a spec was loaded from, by [`FileId`].
#[derive(Clone, Debug, Default)]
pub struct SourceMap {
    files: Vec<SimpleFile<String, String>>,
}

impl SourceMap {
    /// Adds a file under its display name (the path shown in diagnostics).
    pub fn add(&mut self, name: impl Into<String>, text: impl Into<String>) -> FileId {
        let id = FileId(u32::try_from(self.files.len()).unwrap_or(u32::MAX));
        self.files.push(SimpleFile::new(name.into(), text.into()));
        id
    }

    /// The display name of a file.
    pub fn name(&self, file: FileId) -> &str {
        self.file(file).map_or("<unknown>", |f| f.name().as_str())
    }

    /// The text of a file.
    pub fn text(&self, file: FileId) -> &str {
        self.file(file).map_or("", |f| f.source().as_str())
    }

    /// Every file id, in load order.
    pub fn ids(&self) -> impl Iterator<Item = FileId> + '_ {
        (0..self.files.len()).map(|i| FileId(i as u32))
    }

    /// The line and column of a span's start.
    pub fn position(&self, span: Span) -> Position {
        let Some(file) = self.file(span.file) else {
            return Position { line: 1, column: 1 };
        };
        let start = clamp_to_char_boundary(file.source(), span.start as usize);
        match file.location((), start) {
            Ok(loc) => Position {
                line: loc.line_number,
                column: loc.column_number,
            },
            Err(_) => Position { line: 1, column: 1 },
        }
    }

    /// A span's byte range, clamped to its file and to character boundaries, as a renderer
    /// can show it.
    pub fn byte_range(&self, span: Span) -> std::ops::Range<usize> {
        let text = self.text(span.file);
        let start = clamp_to_char_boundary(text, span.start as usize);
        let end = clamp_to_char_boundary(text, span.end as usize).max(start);
        start..end
    }

    fn file(&self, id: FileId) -> Option<&SimpleFile<String, String>> {
        self.files.get(id.0 as usize)
    }
}

/// What codespan-reporting reads to render a diagnostic.
impl<'a> Files<'a> for SourceMap {
    type FileId = FileId;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: FileId) -> Result<&'a str, codespan_reporting::files::Error> {
        self.file(id)
            .map(|f| f.name().as_str())
            .ok_or(codespan_reporting::files::Error::FileMissing)
    }

    fn source(&'a self, id: FileId) -> Result<&'a str, codespan_reporting::files::Error> {
        self.file(id)
            .map(|f| f.source().as_str())
            .ok_or(codespan_reporting::files::Error::FileMissing)
    }

    fn line_index(
        &'a self,
        id: FileId,
        byte_index: usize,
    ) -> Result<usize, codespan_reporting::files::Error> {
        self.file(id)
            .ok_or(codespan_reporting::files::Error::FileMissing)?
            .line_index((), byte_index)
    }

    fn line_range(
        &'a self,
        id: FileId,
        line_index: usize,
    ) -> Result<std::ops::Range<usize>, codespan_reporting::files::Error> {
        self.file(id)
            .ok_or(codespan_reporting::files::Error::FileMissing)?
            .line_range((), line_index)
    }
}

fn clamp_to_char_boundary(text: &str, mut index: usize) -> usize {
    index = index.min(text.len());
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

//! The readers of a loan-book file (issue 17): CSV in UTF-8 (with or without a byte-order mark) or
//! GB18030 as Chinese loan systems export it, its delimiter sniffed (comma, semicolon or tab), and
//! Excel workbooks (`.xlsx`, `.xls`, via calamine; the first sheet). Every format becomes one
//! [`Table`]: the header and each data row's cells as strings with the row number a spreadsheet
//! shows (the header is row 1). Excel dates become ISO dates, whole numbers lose their `.0`.
//!
//! The page's app (wasm) links neither the GB18030 tables nor the Excel reader: it tells a file's
//! kind by its first bytes ([`kind`]), reads UTF-8 itself ([`decode_utf8`]), has the browser decode
//! GB18030 and hands the text to [`read_text`], the CSV reader both builds share. A workbook goes to
//! the book-reader worker (`src/bin/book_reader.rs`, loaded on the first workbook), the only wasm
//! module that calls [`read_workbook`]: the same reader as the command line's, so the page and
//! `cadence book` read a workbook into the same table. [`read`] does all of it natively.

use std::io::Cursor;

use calamine::{Data, Reader};

/// A file read into strings: its header and data rows, with the encoding and format it had.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<TableRow>,
    /// What the file was, in words for the report ("CSV, GB18030, semicolon").
    pub format: Format,
}

/// One data row: the row number a spreadsheet shows (header = 1) and its cells, trimmed.
#[derive(Debug, Clone, PartialEq)]
pub struct TableRow {
    pub number: usize,
    pub cells: Vec<String>,
}

impl TableRow {
    /// The cell of column `index`, or "" past the end of a short row.
    #[must_use]
    pub fn cell(&self, index: usize) -> &str {
        self.cells.get(index).map_or("", String::as_str)
    }
}

/// The format a file was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv {
        encoding: TextEncoding,
        delimiter: u8,
    },
    Xlsx,
    Xls,
}

/// The text encoding of a CSV file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEncoding {
    Utf8,
    Utf8Bom,
    Gb18030,
}

impl Format {
    /// A stable id for the CLI's JSON ("csv-gb18030-semicolon", "xlsx").
    #[must_use]
    pub fn id(self) -> String {
        match self {
            Format::Csv {
                encoding,
                delimiter,
            } => {
                let encoding = match encoding {
                    TextEncoding::Utf8 => "utf8",
                    TextEncoding::Utf8Bom => "utf8-bom",
                    TextEncoding::Gb18030 => "gb18030",
                };
                let delimiter = match delimiter {
                    b';' => "semicolon",
                    b'\t' => "tab",
                    _ => "comma",
                };
                format!("csv-{encoding}-{delimiter}")
            }
            Format::Xlsx => "xlsx".to_owned(),
            Format::Xls => "xls".to_owned(),
        }
    }
}

/// Why a whole file could not be read (a bad row never is: rows are judged later, one by one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// The file has no bytes, or no header row (a workbook: its first sheet is empty).
    Empty,
    /// A zip or compound file that holds no workbook (a Word document, a zip of other files), with
    /// the Excel reader's words.
    NotWorkbook(String),
    /// A workbook the Excel reader could not read through (truncated, corrupted), with its words.
    Damaged(String),
    /// A workbook encrypted with a password to open it.
    Password,
    /// A workbook without any sheet.
    NoSheet,
    /// Text that is not UTF-8, where this build has no GB18030 decoder (the page's browser decodes it).
    NotUtf8,
}

/// What a file is, told by its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A zip container: `.xlsx`.
    Xlsx,
    /// An OLE compound file: `.xls`.
    Xls,
    /// Anything else is read as delimited text.
    Text,
}

/// The kind of `bytes`, by their first bytes (not the file's name).
#[must_use]
pub fn kind(bytes: &[u8]) -> Kind {
    if bytes.starts_with(ZIP_MAGIC) {
        Kind::Xlsx
    } else if bytes.starts_with(OLE_MAGIC) {
        Kind::Xls
    } else {
        Kind::Text
    }
}

const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
const OLE_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
const UTF8_BOM: &[u8] = &[0xEF, 0xBB, 0xBF];

/// Reads a loan-book file of any supported format, told apart by its first bytes (not its name).
///
/// # Errors
/// [`ReadError`] when there is no table at all; bad rows are kept for the row report.
pub fn read(bytes: &[u8]) -> Result<Table, ReadError> {
    match kind(bytes) {
        Kind::Xlsx | Kind::Xls => read_workbook(bytes),
        Kind::Text => {
            let (text, encoding) = decode(bytes)?;
            read_text(&text, encoding)
        }
    }
}

/// UTF-8 text (a leading byte-order mark dropped), or `None` when the bytes are not UTF-8 (after a
/// byte-order mark, invalid bytes become U+FFFD: the mark says the file means to be UTF-8).
#[must_use]
pub fn decode_utf8(bytes: &[u8]) -> Option<(String, TextEncoding)> {
    if let Some(rest) = bytes.strip_prefix(UTF8_BOM) {
        return Some((
            String::from_utf8_lossy(rest).into_owned(),
            TextEncoding::Utf8Bom,
        ));
    }
    std::str::from_utf8(bytes)
        .ok()
        .map(|text| (text.to_owned(), TextEncoding::Utf8))
}

/// Decodes text: UTF-8 when it is valid UTF-8, GB18030 otherwise (GB18030 covers every byte
/// sequence, so this never fails natively; ASCII reads the same).
///
/// # Errors
/// In wasm, [`ReadError::NotUtf8`] for text that is not UTF-8 (the browser decodes it there).
pub fn decode(bytes: &[u8]) -> Result<(String, TextEncoding), ReadError> {
    if let Some(decoded) = decode_utf8(bytes) {
        return Ok(decoded);
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let (text, _, _) = encoding_rs::GB18030.decode(bytes);
        Ok((text.into_owned(), TextEncoding::Gb18030))
    }
    #[cfg(target_arch = "wasm32")]
    Err(ReadError::NotUtf8)
}

/// The delimiter of the header line: whichever of comma, semicolon and tab occurs most outside
/// quotes (comma on a tie or when none occurs).
#[must_use]
pub fn sniff_delimiter(text: &str) -> u8 {
    let mut counts = [0_usize; 3];
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' | '\r' if !quoted => break,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let candidates = [b',', b';', b'\t'];
    let mut best = 0;
    for i in 1..3 {
        if counts[i] > counts[best] {
            best = i;
        }
    }
    candidates[best]
}

/// Reads decoded text as a delimited table (`encoding` is what it was decoded from, for the report).
///
/// # Errors
/// [`ReadError::Empty`] when the text has no header row.
pub fn read_text(text: &str, encoding: TextEncoding) -> Result<Table, ReadError> {
    let delimiter = sniff_delimiter(text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let mut header: Option<Vec<String>> = None;
    let mut rows = Vec::new();
    let mut lines = LineCounter::new(text.as_bytes());
    for (index, record) in reader.records().enumerate() {
        // A record the reader cannot split (it never is for text) is kept as an empty row, so the
        // report still counts it.
        // The csv reader skips blank lines itself and its line count does not tell CRLF apart:
        // the number is counted here, from the byte the record starts at (after blank lines).
        let (cells, start) = match record {
            Ok(record) => (
                record.iter().map(str::to_owned).collect::<Vec<_>>(),
                record.position().map_or(0, |p| p.byte() as usize),
            ),
            Err(_) => (Vec::new(), 0),
        };
        let number = lines.line_of(start).unwrap_or(index + 1);
        // Blank lines before the header and between rows are skipped.
        if cells.iter().all(String::is_empty) {
            continue;
        }
        if header.is_none() {
            header = Some(cells);
        } else {
            rows.push(TableRow { number, cells });
        }
    }
    let header = header.ok_or(ReadError::Empty)?;
    Ok(Table {
        header,
        rows,
        format: Format::Csv {
            encoding,
            delimiter,
        },
    })
}

/// Line numbers of byte offsets met in increasing order (one pass over the text in all).
struct LineCounter<'a> {
    bytes: &'a [u8],
    at: usize,
    line: usize,
}

impl<'a> LineCounter<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        LineCounter {
            bytes,
            at: 0,
            line: 1,
        }
    }

    /// The 1-based line of the first non-blank byte at or after `offset`.
    // One pass over the file in all; a byte-counting crate would not earn its build time.
    #[allow(clippy::naive_bytecount)]
    fn line_of(&mut self, offset: usize) -> Option<usize> {
        let mut start = offset;
        while matches!(self.bytes.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        if start < self.at {
            return None;
        }
        let end = start.min(self.bytes.len());
        self.line += self.bytes[self.at..end]
            .iter()
            .filter(|b| **b == b'\n')
            .count();
        self.at = end;
        Some(self.line)
    }
}

/// Reads the first sheet of a workbook (`.xlsx` by its zip container, `.xls` by its compound file;
/// `.xlsb` and `.ods` too, as calamine tells them apart). A workbook encrypted with a password to
/// open it is a compound file holding an `EncryptedPackage` stream, told before any reader tries it.
///
/// # Errors
/// [`ReadError`] naming why: no workbook, damaged, password, no sheet, an empty first sheet.
pub fn read_workbook(bytes: &[u8]) -> Result<Table, ReadError> {
    let (format, opened) = match kind(bytes) {
        Kind::Xls if names_stream(bytes, "EncryptedPackage") => return Err(ReadError::Password),
        Kind::Xls => (
            Format::Xls,
            calamine::open_workbook_from_rs::<calamine::Xls<_>, _>(Cursor::new(bytes))
                .map(calamine::Sheets::Xls)
                .map_err(|e| xls_problem(bytes, &e)),
        ),
        _ => (
            Format::Xlsx,
            calamine::open_workbook_from_rs::<calamine::Xlsx<_>, _>(Cursor::new(bytes))
                .map(calamine::Sheets::Xlsx)
                .map_err(|e| xlsx_problem(&e)),
        ),
    };
    // A zip or compound file the expected reader refuses may still be another kind of workbook.
    let mut workbook = match opened {
        Ok(workbook) => workbook,
        Err(problem) => {
            calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|_| problem)?
        }
    };
    let range = match workbook.worksheet_range_at(0) {
        Some(Ok(range)) => range,
        Some(Err(e)) => return Err(ReadError::Damaged(e.to_string())),
        None => return Err(ReadError::NoSheet),
    };
    let first_row = range.start().map_or(0, |(row, _)| row as usize);
    let mut header: Option<Vec<String>> = None;
    let mut rows = Vec::new();
    for (index, row) in range.rows().enumerate() {
        let cells: Vec<String> = row.iter().map(cell_text).collect();
        let number = first_row + index + 1;
        // Blank lines before the header and between rows are skipped.
        if cells.iter().all(String::is_empty) {
            continue;
        }
        if header.is_none() {
            header = Some(cells);
        } else {
            rows.push(TableRow { number, cells });
        }
    }
    let header = header.ok_or(ReadError::Empty)?;
    Ok(Table {
        header,
        rows,
        format,
    })
}

/// Whether a compound file names a stream `name` (its directory names streams in UTF-16LE). An
/// `.xlsx` with a password to open it is a compound file with an `EncryptedPackage` stream; an
/// `.xls` has a `Workbook` (or, before Excel 97, `Book`) stream.
fn names_stream(bytes: &[u8], name: &str) -> bool {
    let name: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
    bytes.windows(name.len()).any(|w| w == name.as_slice())
}

fn xlsx_problem(error: &calamine::XlsxError) -> ReadError {
    use calamine::XlsxError;
    match error {
        XlsxError::Password => ReadError::Password,
        XlsxError::FileNotFound(_) | XlsxError::RelationshipNotFound => {
            ReadError::NotWorkbook(error.to_string())
        }
        _ => ReadError::Damaged(error.to_string()),
    }
}

fn xls_problem(bytes: &[u8], error: &calamine::XlsError) -> ReadError {
    match error {
        calamine::XlsError::Password => ReadError::Password,
        // A compound file without a workbook stream is another program's (a Word document).
        _ if !(names_stream(bytes, "Workbook") || names_stream(bytes, "Book")) => {
            ReadError::NotWorkbook(error.to_string())
        }
        _ => ReadError::Damaged(error.to_string()),
    }
}

/// A cell as the text a person would read: dates as ISO dates, whole numbers without `.0`.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.trim().to_owned(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number_text(*f),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) if d.is_datetime() => {
            let (y, m, day, ..) = d.to_ymd_hms_milli();
            format!("{y:04}-{m:02}-{day:02}")
        }
        Data::DateTime(d) => number_text(d.as_f64()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e}"),
    }
}

fn number_text(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        value.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_delimiter_is_the_commonest_outside_quotes() {
        assert_eq!(sniff_delimiter("a;b;c\n1,2;3"), b';');
        assert_eq!(sniff_delimiter("a\tb\tc"), b'\t');
        assert_eq!(sniff_delimiter("\"x;y;z\",b\n"), b',');
        assert_eq!(sniff_delimiter("single"), b',');
    }

    #[test]
    fn gb18030_and_bom_text_decode_to_the_same_words() {
        let (gb, _, _) = encoding_rs::GB18030.encode("放款日期,贷款金额\n2025/3/7,1000\n");
        let (text, encoding) = decode(&gb).expect("decoded");
        assert_eq!(encoding, TextEncoding::Gb18030);
        assert!(text.starts_with("放款日期,贷款金额"));
        assert_eq!(
            decode_utf8(&gb),
            None,
            "GB18030 is not UTF-8: the page asks the browser"
        );
        let mut bom = UTF8_BOM.to_vec();
        bom.extend_from_slice("放款日期".as_bytes());
        assert_eq!(
            decode(&bom),
            Ok(("放款日期".to_owned(), TextEncoding::Utf8Bom))
        );
        // The page reads the browser's text through the same CSV reader as the CLI.
        assert_eq!(
            read_text(&text, TextEncoding::Gb18030),
            read(&gb),
            "one reader for the page's decoded text and the CLI's bytes"
        );
    }

    #[test]
    fn blank_lines_are_skipped_but_row_numbers_stay_the_spreadsheets() {
        let table = read(b"id;amount\n\n7;100\n8;200\n").expect("a table");
        assert_eq!(table.header, ["id", "amount"]);
        assert_eq!(table.rows.len(), 2);
        assert_eq!(table.rows[0].number, 3);
        assert_eq!(table.rows[1].cell(1), "200");
        assert_eq!(table.rows[1].cell(5), "");
    }

    #[test]
    fn an_empty_file_has_no_table() {
        assert_eq!(read(b""), Err(ReadError::Empty));
        assert_eq!(read(b"\n\n"), Err(ReadError::Empty));
        assert!(matches!(
            read(b"PK\x03\x04garbage"),
            Err(ReadError::Damaged(_))
        ));
    }
}

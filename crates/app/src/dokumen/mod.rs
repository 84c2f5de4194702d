//! Official documents: building each format from the records, verification codes, the reporting bundle.

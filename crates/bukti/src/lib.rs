//! Storage of evidence files ("bukti dukung") behind a small trait.
//!
//! The domain and the web layer only ever talk to [`PenyimpananBukti`]: store a stream, open a
//! stored file for streaming, delete it. What they get back is a [`BerkasTersimpan`] — an opaque
//! key plus the kind, size and SHA-256 of the content — which is what goes into the database.
//! The bytes themselves live elsewhere. Today that is [`DirektoriLokal`], a plain directory
//! outside any served folder; an object store (S3, MinIO, …) can implement the same trait later
//! without touching the domain, the database schema or the handlers.
//!
//! Every implementation must apply the same checks while streaming, never buffering the whole
//! file: a size limit that aborts as soon as it is exceeded, the kind sniffed from the content
//! ([`kenali`]) and checked against the kind the file name claims ([`tentukan_jenis`]), and
//! nothing left behind on any error. User-facing messages of [`GalatBukti`] are in Bahasa
//! Indonesia; [`GalatBukti::status`] and [`GalatBukti::kode`] tell the caller how to answer.

mod arsip;
mod galat;
mod jenis;
mod lokal;

pub use arsip::{MAKS_RASIO_ENTRI, MAKS_TERURAI_ARSIP};
pub use galat::GalatBukti;
pub use jenis::{kenali, tentukan_jenis, JenisBerkas, Kenal, PANJANG_SNIFF};
pub use lokal::DirektoriLokal;

use async_trait::async_trait;

/// Default upload limit: 20 MiB.
pub const BATAS_UKURAN_BAWAAN: u64 = 20 * 1024 * 1024;

/// A stored file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BerkasTersimpan {
    /// Opaque key to [`PenyimpananBukti::buka`] / [`PenyimpananBukti::hapus`] it later.
    pub kunci: String,
    /// The kind, decided from the content.
    pub jenis: JenisBerkas,
    /// Size in bytes.
    pub ukuran: u64,
    /// SHA-256 of the content, lower-case hex.
    pub sha256: String,
}

/// Where evidence files are kept.
#[async_trait]
pub trait PenyimpananBukti: Send + Sync + 'static {
    /// Stream `isi` into storage. `nama` is the uploaded file name (its extension is the claimed
    /// type; a missing/unknown extension is allowed only when the content is recognised, then the
    /// content decides — see [`tentukan_jenis`] for the exact rules). Checks while streaming: at
    /// most `batas` bytes (abort as soon as it is exceeded — never buffer the whole file), the
    /// kind sniffed from the first bytes (read until [`PANJANG_SNIFF`] or EOF before deciding),
    /// claimed vs actual kind. Some checks need the whole stream and are done on the fly too,
    /// with bounded memory: text must be valid UTF-8 without NUL to the very end; a ZIP
    /// archive that the first bytes leave open (an OOXML writer that puts `[Content_Types].xml`
    /// after large media) is decided from its central directory in the last bytes; and an
    /// office document (a ZIP archive) whose central directory declares it unpacks to more
    /// than [`MAKS_TERURAI_ARSIP`], or one entry more than [`MAKS_RASIO_ENTRI`] : 1, is
    /// refused as a zip bomb ([`GalatBukti::ArsipBom`]; nothing is ever unpacked). Computes
    /// SHA-256 on the fly. On any error — or if the future is dropped — nothing is left behind.
    async fn simpan(
        &self,
        nama: &str,
        isi: &mut (dyn tokio::io::AsyncRead + Unpin + Send),
        batas: u64,
    ) -> Result<BerkasTersimpan, GalatBukti>;

    /// Open a stored file for reading (streaming). Unknown or malformed key →
    /// [`GalatBukti::TidakAda`].
    async fn buka(
        &self,
        kunci: &str,
    ) -> Result<Box<dyn tokio::io::AsyncRead + Unpin + Send>, GalatBukti>;

    /// Delete a stored file. Unknown or malformed key → [`GalatBukti::TidakAda`].
    async fn hapus(&self, kunci: &str) -> Result<(), GalatBukti>;

    /// A short description for logs, e.g. "direktori /var/lib/kinerja/bukti".
    fn keterangan(&self) -> String;
}

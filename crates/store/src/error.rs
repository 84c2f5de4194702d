use thiserror::Error;

pub type StoreResult<T> = Result<T, StoreError>;

#[derive(Debug, Error)]
pub enum StoreError {
    /// A unique key or foreign key was violated, or a stale version was written.
    #[error("konflik data: {0}")]
    Konflik(String),
    /// The row asked for does not exist (for updates that require it).
    #[error("data tidak ditemukan: {0}")]
    TidakDitemukan(String),
    /// The database could not be reached or answered with an error.
    #[error("kesalahan basis data: {0}")]
    Basis(String),
    /// A stored value could not be read back into its type.
    #[error("data tersimpan rusak: {0}")]
    Rusak(String),
}

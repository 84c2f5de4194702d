//! Pelaksanaan, pemantauan dan pembinaan kinerja (Pasal 16–22): what happens between setting the
//! SKP and evaluating it.
//!
//! - [`realisasi`]: the pegawai documents the realisation of every IKI each month, with bukti
//!   dukung (Pasal 16(3)).
//! - [`umpan_balik`]: umpan balik berkelanjutan — berkala or insidentil, langsung or tidak
//!   langsung, from the leader (mandatory) and from others (360), on an RHK or a perilaku aspect,
//!   always with its source (Pasal 17–19, seed 002 "Umpan Balik Berkala").
//! - [`tindak_lanjut`]: the follow-up of feedback (Pasal 20–22): apresiasi, penugasan baru,
//!   penyesuaian ekspektasi, penyesuaian dukungan sumber daya, pembinaan (bimbingan or konseling
//!   kinerja) and, as the last step, taking over an RHK.
//! - [`kalender`]: the deadlines these create (monthly documentation, the berkala schedule agreed
//!   in the skema pertanggungjawaban) and when a reminder is due.

pub mod kalender;
pub mod realisasi;
pub mod tindak_lanjut;
pub mod umpan_balik;

#[cfg(test)]
mod tests;

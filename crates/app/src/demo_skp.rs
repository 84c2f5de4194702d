//! The demo's SKP of 2026: the pegawai of the demo logins' perangkat daerah (not the demo
//! logins themselves, whose SKP the visitor writes) get an SKP in every state a rater meets in
//! January and after: set on time, set late, submitted, returned with notes, draft, and a
//! revision in progress. Built through the domain's own methods, so every rule holds.

use crate::error::AppResult;
use crate::organisasi::IndeksOrganisasi;
use crate::skp::dari_penilai;
use crate::App;
use chrono::NaiveDate;
use kinerja_domain::pelaksanaan::kalender::FrekuensiUmpanBalik;
use kinerja_domain::perilaku::{AspekIki, JenisRhk, Pendekatan};
use kinerja_domain::skp::{IkiMasuk, Lampiran, RhkMasuk, Skp};
use kinerja_store::{FilterSkp, Pegawai, Pelaku, VersiBaru};

pub const TAHUN_DEMO: i32 = 2026;

/// (uraian, indikator, aspek, target) of the RHK a demo SKP draws from.
const RHK: &[(&str, &str, AspekIki, &str)] = &[
    (
        "Tersusunnya laporan kinerja {unit} yang tepat waktu",
        "Jumlah laporan kinerja bulanan yang disusun",
        AspekIki::Kuantitas,
        "12 laporan",
    ),
    (
        "Terselenggaranya layanan administrasi {unit} sesuai standar",
        "Persentase layanan yang selesai sesuai standar pelayanan",
        AspekIki::Kualitas,
        "90–95 %",
    ),
    (
        "Terkelolanya data dan arsip {unit}",
        "Jumlah dokumen yang dimutakhirkan dan diarsipkan",
        AspekIki::Kuantitas,
        "240–260 dokumen",
    ),
    (
        "Terlaksananya koordinasi program {unit}",
        "Jumlah rapat koordinasi yang ditindaklanjuti",
        AspekIki::Kuantitas,
        "4–6 kegiatan",
    ),
];

fn tanggal(bulan: u32, hari: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(TAHUN_DEMO, bulan, hari).unwrap_or_default()
}

impl App {
    /// Write the demo SKP unless the demo already has them. Answers how many were written.
    pub(crate) async fn isi_skp_demo(
        &self,
        instansi_id: i64,
        kecuali: &[String],
    ) -> AppResult<usize> {
        let org = self.organisasi(instansi_id).await?;
        let semua = self.store.semua_pegawai(instansi_id).await?;
        // The perangkat daerah of the first demo login (the Kepala Dinas).
        let Some(kadis) = semua
            .iter()
            .find(|p| kecuali.first().is_some_and(|n| n == p.nip.as_str()))
        else {
            return Ok(0);
        };
        let pd = |p: &Pegawai| {
            p.unit_id
                .and_then(|u| org.jalur_unit(u).get(1).map(|x| x.id))
        };
        let milik_pd = pd(kadis);
        let sasaran: Vec<&Pegawai> = semua
            .iter()
            .filter(|p| milik_pd.is_some() && pd(p) == milik_pd)
            .filter(|p| !kecuali.iter().any(|n| n == p.nip.as_str()))
            .collect();
        let ids: Vec<i64> = sasaran.iter().map(|p| p.id).collect();
        let ada = self
            .store
            .daftar_skp(
                instansi_id,
                &FilterSkp {
                    tahun: Some(TAHUN_DEMO),
                    pegawai_id: Some(ids),
                    limit: 1,
                    ..Default::default()
                },
            )
            .await?;
        if !ada.items.is_empty() {
            return Ok(0);
        }
        let pelaku = Pelaku::sistem();
        for (i, p) in sasaran.iter().enumerate() {
            let s = susun_skp_demo(&org, p, i)?;
            let mut t = self.store.buat_skp(instansi_id, &s, None, &pelaku).await?;
            let langkah = i % 10;
            if langkah == 8 {
                continue; // draft
            }
            let mut s = t.skp.clone();
            s.ajukan()?;
            let (aksi, versi) = match langkah {
                5 | 6 => ("ajukan", None),
                7 => {
                    s.kembalikan("Mohon target dibuat berupa rentang dan skema pertanggungjawaban dilengkapi")?;
                    ("kembalikan", None)
                }
                _ => {
                    // Set on time in January, or late (in February) for every tenth.
                    let hari = if langkah == 4 {
                        tanggal(2, 6)
                    } else {
                        tanggal(1, 6 + (i as u32 % 20))
                    };
                    s.tetapkan(hari)?;
                    let v = VersiBaru {
                        alasan: "Penetapan SKP".into(),
                        berlaku_mulai: hari,
                    };
                    ("tetapkan", Some(v))
                }
            };
            t = self
                .store
                .simpan_skp(instansi_id, &s, t.versi, aksi, versi.as_ref(), &pelaku)
                .await?;
            if langkah == 9 {
                let mut s = t.skp.clone();
                s.buka_revisi("Penyesuaian target setelah perubahan anggaran")?;
                self.store
                    .simpan_skp(instansi_id, &s, t.versi, "revisi", None, &pelaku)
                    .await?;
            }
        }
        Ok(sasaran.len())
    }
}

/// A demo draft for `p`: two RHK drawn from [`RHK`] (rotated by `i`), the lampiran with a
/// monthly berkala feedback schedule.
pub(crate) fn susun_skp_demo(org: &IndeksOrganisasi, p: &Pegawai, i: usize) -> AppResult<Skp> {
    let mut s = Skp::baru(
        p.id,
        TAHUN_DEMO,
        p.unit_id,
        p.jabatan_id,
        p.jenis_jabatan,
        Pendekatan::Kuantitatif,
        false,
        None,
    )?
    .sebagai_pimpinan_unit_mandiri(org.mandiri(p.jabatan_id));
    let unit = p.unit_nama.clone().unwrap_or_default();
    for k in 0..2 {
        let (uraian, indikator, aspek, target) = RHK[(i + k) % RHK.len()];
        let rhk = RhkMasuk {
            jenis: Some(JenisRhk::Utama),
            uraian: uraian.replace("{unit}", &unit),
            ..Default::default()
        };
        let rhk = dari_penilai(rhk, org, p.id);
        let iki = IkiMasuk {
            aspek: Some(aspek),
            indikator: indikator.into(),
            target: target.into(),
        };
        s.tambah_rhk(&rhk, &iki, &[])?;
    }
    s.atur_lampiran(Lampiran {
        dukungan_sumber_daya: vec![
            "Akses aplikasi dan data unit kerja".into(),
            "Pendampingan pimpinan pada rapat koordinasi".into(),
        ],
        skema_pertanggungjawaban: vec![
            "Laporan realisasi bulanan kepada pejabat penilai paling lambat tanggal 5".into(),
            "Umpan balik berkala setiap bulan dalam dialog kinerja".into(),
        ],
        frekuensi_umpan_balik: Some(FrekuensiUmpanBalik::Bulanan),
        konsekuensi: vec![
            "Ekspektasi tercapai: apresiasi dan prioritas pengembangan kompetensi".into(),
            "Ekspektasi tidak tercapai: bimbingan kinerja dan penyesuaian ekspektasi".into(),
        ],
    })?;
    Ok(s)
}

//! Reminders and the server's job runner.
//!
//! `kinerja serve` runs [`App::jalankan_pekerja`]: every minute it schedules the day's reminder
//! job of the instansi (once per day, whichever node gets there first), runs due jobs it can
//! claim (a lease in the `pekerjaan` table, so several nodes never run one job twice) and sends
//! queued e-mail when SMTP is configured. Deadlines come from the instansi's calendar
//! ([`kinerja_domain::pelaksanaan::kalender::Kalender`] in its policy profile): the month's
//! documentation, the next berkala feedback, the period's evaluation, open 360 requests.

use crate::error::AppResult;
use crate::App;
use async_trait::async_trait;
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use kinerja_domain::pelaksanaan::kalender::{batas_dokumentasi, berkala_berikutnya};
use kinerja_domain::periode::{nama_bulan, periode_berjalan, tanggal_indonesia, tanggal_wib};
use kinerja_store::{FilterPermintaan, NotifikasiBaru, Pegawai};
use std::collections::{BTreeSet, HashMap};

/// Sends one e-mail (SMTP in `kinerja serve`; anything else in tests).
#[async_trait]
pub trait PengirimSurel: Send + Sync + 'static {
    async fn kirim(&self, ke: &str, judul: &str, isi: &str) -> Result<(), String>;
}

/// What one round of the runner did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HasilPutaran {
    pub pekerjaan: u32,
    pub notifikasi: u64,
    pub surel_terkirim: u32,
    pub surel_gagal: u32,
}

/// The job that sends a day's reminders.
pub const JENIS_PENGINGAT: &str = "pengingat_harian";

/// One reminder of the daily run: (pegawai, jenis, judul, isi, tautan, kunci).
pub(crate) type Rencana = (i64, &'static str, String, String, Option<String>, String);

impl App {
    /// The runner loop of `kinerja serve` (never returns).
    pub async fn jalankan_pekerja(self, node: String, jeda: std::time::Duration) {
        loop {
            match self.satu_putaran(&node, Utc::now()).await {
                Ok(h) if h != HasilPutaran::default() => tracing::info!(
                    "pekerja: {} pekerjaan, {} notifikasi, {} surel terkirim, {} gagal",
                    h.pekerjaan,
                    h.notifikasi,
                    h.surel_terkirim,
                    h.surel_gagal
                ),
                Ok(_) => {}
                Err(e) => tracing::warn!("pekerja: {e}"),
            }
            // A queued job (a reporting bundle) wakes the worker at once.
            tokio::select! {
                _ = tokio::time::sleep(jeda) => {}
                _ = self.pemicu_pekerja.notified() => {}
            }
        }
    }

    /// One round: schedule today's reminders, run every due job this node can claim, send
    /// queued e-mail.
    pub async fn satu_putaran(
        &self,
        node: &str,
        sekarang: DateTime<Utc>,
    ) -> AppResult<HasilPutaran> {
        let mut h = HasilPutaran::default();
        if let Some(inst) = self.store.instansi_utama().await? {
            let hari = tanggal_wib(sekarang);
            // 07:00 WIB.
            let jalan = hari.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc();
            self.store
                .jadwalkan_pekerjaan(
                    JENIS_PENGINGAT,
                    &format!("{}:{hari}", inst.id),
                    Some(inst.id),
                    jalan,
                )
                .await?;
        }
        let sewa = sekarang + Duration::minutes(10);
        while let Some(job) = self.store.klaim_pekerjaan(node, sekarang, sewa).await? {
            h.pekerjaan += 1;
            let hasil = match (job.jenis.as_str(), job.instansi_id) {
                (JENIS_PENGINGAT, Some(inst)) => {
                    let hari = job
                        .kunci
                        .split(':')
                        .nth(1)
                        .and_then(|d| d.parse().ok())
                        .unwrap_or_else(|| tanggal_wib(sekarang));
                    self.kirim_pengingat(inst, hari).await
                }
                (crate::dokumen::JENIS_BUNDEL, Some(inst)) => {
                    self.kerjakan_bundel(inst, job.id, node).await
                }
                _ => Ok(0),
            };
            match hasil {
                Ok(n) => {
                    h.notifikasi += n;
                    self.store
                        .selesai_pekerjaan(job.id, node, true, None)
                        .await?;
                }
                Err(e) => {
                    tracing::warn!("pekerjaan {} ({}) gagal: {e}", job.id, job.jenis);
                    self.store
                        .selesai_pekerjaan(job.id, node, false, Some(&e.to_string()))
                        .await?;
                }
            }
        }
        if let Some(surel) = &self.surel {
            for e in self.store.klaim_email(sekarang, sewa, 50).await? {
                let isi = match &e.tautan {
                    Some(t) => format!("{}\n\nBuka: {t}\n\n— Kinerja", e.isi),
                    None => format!("{}\n\n— Kinerja", e.isi),
                };
                let ok = match surel.kirim(&e.ke, &e.judul, &isi).await {
                    Ok(()) => true,
                    Err(err) => {
                        tracing::warn!(
                            "surel ke {} gagal (percobaan {}): {err}",
                            e.ke,
                            e.percobaan
                        );
                        false
                    }
                };
                if ok {
                    h.surel_terkirim += 1;
                } else {
                    h.surel_gagal += 1;
                }
                self.store.selesai_email(e.id, ok).await?;
            }
        }
        Ok(h)
    }

    /// The reminders due on `hari` (idempotent: each reminder has a key and is delivered once).
    /// Answers how many were new.
    pub async fn kirim_pengingat(&self, inst: i64, hari: NaiveDate) -> AppResult<u64> {
        let (tahun, bulan) = (hari.year(), hari.month());
        let profil = self.profil_tahun(inst, tahun).await?;
        let kal = profil.kalender;
        let org = self.organisasi(inst).await?;
        let rekap = self.store.rekap_bulan_instansi(inst, tahun, bulan).await?;
        let batas = batas_dokumentasi(tahun, bulan);
        let mut rencana: Vec<Rencana> = Vec::new();
        // 1. The month's documentation, to the pegawai.
        if kal.saatnya_mengingatkan(batas, hari) {
            for r in rekap.iter().filter(|r| r.jumlah_iki > r.iki_berbukti) {
                rencana.push((
                    r.pegawai_id,
                    "pengingat_realisasi",
                    format!("Realisasi {} {tahun} belum lengkap", nama_bulan(bulan)),
                    format!(
                        "{} dari {} IKI belum berisi realisasi dengan bukti dukung. Batas pendokumentasian: {}.",
                        r.jumlah_iki - r.iki_berbukti.min(r.jumlah_iki),
                        r.jumlah_iki,
                        tanggal_indonesia(batas)
                    ),
                    Some(format!("/skp/{}/realisasi?bulan={bulan}", r.skp_id)),
                    format!("realisasi:{}:{tahun}-{bulan:02}", r.skp_id),
                ));
            }
        }
        // 2. The next berkala feedback, to the rater.
        let mut penilai_aktif = BTreeSet::new();
        for r in &rekap {
            let Some(rater) = Self::penilai_dari_org(&org, r.pegawai_id) else {
                continue;
            };
            penilai_aktif.insert(rater);
            let Some(set) = r.ditetapkan_pada else {
                continue;
            };
            let jatuh = berkala_berikutnya(
                r.frekuensi_umpan_balik.unwrap_or(kal.frekuensi_umpan_balik),
                set,
                r.berkala_terakhir,
            );
            if kal.saatnya_mengingatkan(jatuh, hari) || jatuh < hari {
                rencana.push((
                    rater,
                    "pengingat_umpan_balik",
                    "Umpan balik berkala jatuh tempo".into(),
                    format!(
                        "Umpan balik berkala untuk {} jatuh tempo {}.",
                        r.pegawai_nama,
                        tanggal_indonesia(jatuh)
                    ),
                    Some(format!("/skp/{}/umpan-balik", r.skp_id)),
                    format!("berkala:{}:{jatuh}", r.skp_id),
                ));
            }
        }
        // 3. The period's evaluation, to every rater with a team, before the period closes.
        let periode = periode_berjalan(profil.periode, hari);
        if kal.saatnya_mengingatkan(periode.selesai(), hari) {
            for &rater in &penilai_aktif {
                rencana.push((
                    rater,
                    "pengingat_evaluasi",
                    format!("Evaluasi kinerja periode {}", periode.label()),
                    format!(
                        "Periode {} berakhir {}; evaluasi kinerja pegawai paling lambat {}.",
                        periode.label(),
                        tanggal_indonesia(periode.selesai()),
                        tanggal_indonesia(kal.batas_evaluasi(&periode))
                    ),
                    Some("/realisasi/tim".into()),
                    format!("evaluasi:{}", periode.kode()),
                ));
            }
        }
        // 4. Open 360 requests close to their due date, to the person asked.
        let permintaan = self
            .store
            .daftar_permintaan(
                inst,
                &FilterPermintaan {
                    status: Some("menunggu".into()),
                    batas_sampai: hari
                        .checked_add_days(chrono::Days::new(u64::from(kal.hari_pengingat))),
                    limit: 5000,
                    ..Default::default()
                },
            )
            .await?;
        for m in permintaan.iter().filter(|m| m.batas >= hari) {
            rencana.push((
                m.pemberi_pegawai_id,
                "pengingat_permintaan",
                format!("Permintaan umpan balik untuk {}", m.pegawai_nama),
                format!(
                    "Mohon berikan umpan balik paling lambat {}.",
                    tanggal_indonesia(m.batas)
                ),
                Some(format!("/skp/{}/umpan-balik", m.skp_id)),
                format!("permintaan:{}", m.id),
            ));
        }
        // 5. Deadlines of sanction cases, to the pegawai and their rater.
        rencana.extend(self.pengingat_sanksi(inst, hari, &kal, &org).await?);
        if rencana.is_empty() {
            return Ok(0);
        }
        let ids: Vec<i64> = rencana.iter().map(|r| r.0).collect();
        let orang: HashMap<i64, Pegawai> = self
            .pegawai_id(inst, &ids)
            .await?
            .into_iter()
            .map(|p| (p.id, p))
            .collect();
        let notif: Vec<NotifikasiBaru> = rencana
            .into_iter()
            .filter_map(|(id, jenis, judul, isi, tautan, kunci)| {
                orang
                    .get(&id)
                    .map(|o| self.notifikasi(o, jenis, judul, isi, tautan, Some(kunci)))
            })
            .collect();
        Ok(self.store.kirim_notifikasi(inst, &notif).await?)
    }
}

//! The rows of each report: read page by page from the store, turned into cells with the
//! domain's labels and rules, and sent to the writer.

use super::berkas::Sel;
use super::{JenisLaporan, HALAMAN};
use crate::error::{AppError, AppResult};
use crate::organisasi::IndeksOrganisasi;
use crate::talenta::angka_kredit::{
    angka_kredit_tahun, jabatan_skp, BagianAngkaKredit, DasarAngkaKredit, PredikatTercatat,
    SkpAngkaKredit,
};
use crate::App;
use kinerja_domain::evaluasi::keberatan::StatusKeberatan;
use kinerja_domain::evaluasi::peringkat::beri_peringkat;
use kinerja_domain::jabatan::JenisJabatan;
use kinerja_domain::periode::tanggal_wib;
use kinerja_domain::periode::{tanggal_indonesia, Periode};
use kinerja_domain::profil::ProfilKebijakan;
use kinerja_domain::skp::StatusSkp;
use kinerja_store::{BarisPeringkat, EvaluasiLaporan, Pegawai, SkpLaporan};
use std::collections::HashMap;
use tokio::sync::mpsc::Sender;

pub(super) type Kirim = Sender<Vec<Vec<Sel>>>;

/// Raters kept by name between pages.
const MAKS_ORANG: usize = 20_000;

/// A person named in a row (a pejabat penilai).
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Orang {
    pub nama: String,
    pub nip: Option<String>,
}

/// What every row of a report needs.
pub(super) struct Konteks<'a> {
    pub inst: i64,
    pub org: &'a IndeksOrganisasi,
    pub periode: Periode,
    pub profil: &'a ProfilKebijakan,
    /// The units in scope (sorted), none for the whole instansi.
    pub unit: Option<&'a [i64]>,
    /// Raters already looked up, by pegawai id.
    pub orang: HashMap<i64, Orang>,
}

async fn kirim(tx: &Kirim, baris: Vec<Vec<Sel>>) -> AppResult<()> {
    if baris.is_empty() {
        return Ok(());
    }
    tx.send(baris)
        .await
        .map_err(|_| AppError::Internal("penulis laporan berhenti".into()))
}

/// Who rates a pegawai now: a pegawai (id), or a non-ASN holder (the Wali Kota) by name.
enum Penilai {
    Pegawai(i64),
    NonAsn(String),
}

fn penilai_org(org: &IndeksOrganisasi, pegawai_id: i64) -> Option<Penilai> {
    let Some(Ok(h)) = org.penilai.get(&pegawai_id) else {
        return None;
    };
    let x = h.pejabat_penilai.as_ref()?;
    if let Some(id) = x.pegawai_id {
        return Some(Penilai::Pegawai(id));
    }
    x.jabatan_id
        .and_then(|j| org.jabatan.get(&j))
        .and_then(|j| j.pemangku_non_asn.clone())
        .map(Penilai::NonAsn)
}

/// The rater of an SKP: for one closed by a mutasi, the rater of whoever holds that position
/// now (the place the pegawai was); else the pegawai's own.
fn penilai_skp(org: &IndeksOrganisasi, s: &SkpLaporan) -> Option<Penilai> {
    if s.status == StatusSkp::Ditutup {
        if let Some(h) = s
            .jabatan_id
            .and_then(|j| org.pemangku.get(&j))
            .and_then(|v| v.iter().copied().find(|&h| h != s.pegawai_id))
        {
            return penilai_org(org, h);
        }
    }
    penilai_org(org, s.pegawai_id)
}

fn pegawai_penilai(p: &Option<Penilai>) -> Option<i64> {
    match p {
        Some(Penilai::Pegawai(id)) => Some(*id),
        _ => None,
    }
}

fn label<T: kinerja_domain::enumerasi::Enumerasi>(v: Option<T>) -> Sel {
    v.map(|x| x.label()).into()
}

impl<'a> Konteks<'a> {
    /// Look up the raters not seen yet.
    async fn kenali(&mut self, app: &App, ids: impl IntoIterator<Item = i64>) -> AppResult<()> {
        let mut baru: Vec<i64> = ids
            .into_iter()
            .filter(|i| !self.orang.contains_key(i))
            .collect();
        baru.sort_unstable();
        baru.dedup();
        if baru.is_empty() {
            return Ok(());
        }
        // Raters are a fraction of the pegawai; should they not be, memory stays bounded.
        if self.orang.len() + baru.len() > MAKS_ORANG {
            self.orang.clear();
        }
        for p in app.store.nama_pegawai_laporan(self.inst, &baru).await? {
            self.orang.insert(
                p.id,
                Orang {
                    nama: p.nama,
                    nip: Some(p.nip),
                },
            );
        }
        Ok(())
    }

    fn orang(&self, p: &Option<Penilai>) -> Option<Orang> {
        match p {
            Some(Penilai::Pegawai(id)) => self.orang.get(id).cloned(),
            Some(Penilai::NonAsn(nama)) => Some(Orang {
                nama: nama.clone(),
                nip: None,
            }),
            None => None,
        }
    }

    fn nama_unit(&self, unit_id: Option<i64>) -> Sel {
        unit_id
            .and_then(|u| self.org.unit.get(&u))
            .map(|u| u.nama.as_str())
            .into()
    }

    fn nama_jabatan(&self, jabatan_id: Option<i64>) -> Option<String> {
        jabatan_id
            .and_then(|j| self.org.jabatan.get(&j))
            .map(|j| j.nama.clone())
    }
}

impl App {
    pub(super) async fn isi_laporan(
        &self,
        jenis: JenisLaporan,
        k: &mut Konteks<'_>,
        tx: Kirim,
    ) -> AppResult<()> {
        match jenis {
            JenisLaporan::Peringkat => self.isi_peringkat(k, &tx).await,
            _ => self.isi_per_pegawai(jenis, k, &tx).await,
        }
    }

    /// SKP, evaluation, TPP and angka kredit: the pegawai in scope page by page.
    async fn isi_per_pegawai(
        &self,
        jenis: JenisLaporan,
        k: &mut Konteks<'_>,
        tx: &Kirim,
    ) -> AppResult<()> {
        let tahun = k.periode.tahun();
        let kode = k.periode.kode();
        // SKP closed by a mutasi are few: read once, kept by pegawai.
        let mut ditutup: HashMap<i64, Vec<SkpLaporan>> = HashMap::new();
        for s in self.store.skp_ditutup_laporan(k.inst, tahun).await? {
            ditutup.entry(s.pegawai_id).or_default().push(s);
        }
        let per_periode = matches!(jenis, JenisLaporan::Evaluasi | JenisLaporan::Tpp);
        // Their evaluations of the period too (the evaluation and TPP reports).
        let mut eval_ditutup: HashMap<i64, Vec<EvaluasiLaporan>> = HashMap::new();
        if per_periode && !ditutup.is_empty() {
            let id: Vec<i64> = ditutup.values().flatten().map(|s| s.id).collect();
            for e in self.store.evaluasi_laporan(k.inst, &kode, &id).await? {
                eval_ditutup.entry(e.pegawai_id).or_default().push(e);
            }
        }
        let mut setelah = 0;
        let mut no = 0u64;
        loop {
            let hal = self
                .store
                .pegawai_laporan(k.inst, k.unit, setelah, HALAMAN)
                .await?;
            if !hal.items.is_empty() {
                let ids: Vec<i64> = hal.items.iter().map(|p| p.id).collect();
                let mut skp: HashMap<i64, Vec<SkpLaporan>> = HashMap::new();
                if !per_periode {
                    for s in self.store.skp_laporan(k.inst, tahun, &ids).await? {
                        skp.entry(s.pegawai_id).or_default().push(s);
                    }
                }
                let baris = match jenis {
                    JenisLaporan::Skp => {
                        self.halaman_skp(k, &hal.items, &skp, &ditutup, &mut no)
                            .await?
                    }
                    JenisLaporan::AngkaKredit => {
                        self.halaman_angka_kredit(k, &hal.items, &skp, &ditutup, &mut no)
                            .await?
                    }
                    _ => {
                        let mut eval: HashMap<i64, Vec<EvaluasiLaporan>> = HashMap::new();
                        for i in &ids {
                            if let Some(v) = eval_ditutup.get(i) {
                                eval.insert(*i, v.clone());
                            }
                        }
                        for e in self
                            .store
                            .evaluasi_pegawai_laporan(k.inst, &kode, tahun, &ids)
                            .await?
                        {
                            eval.entry(e.pegawai_id).or_default().push(e);
                        }
                        if jenis == JenisLaporan::Evaluasi {
                            self.halaman_evaluasi(k, &hal.items, &eval, &mut no).await?
                        } else {
                            halaman_tpp(k, &hal.items, &eval)
                        }
                    }
                };
                kirim(tx, baris).await?;
            }
            match hal.berikut {
                Some(c) => setelah = c,
                None => return Ok(()),
            }
        }
    }

    async fn halaman_skp(
        &self,
        k: &mut Konteks<'_>,
        pegawai: &[Pegawai],
        skp: &HashMap<i64, Vec<SkpLaporan>>,
        ditutup: &HashMap<i64, Vec<SkpLaporan>>,
        no: &mut u64,
    ) -> AppResult<Vec<Vec<Sel>>> {
        // The open SKP of the year; a pegawai with only a closed one shows the latest.
        let pilih = |id: i64| -> Option<&SkpLaporan> {
            skp.get(&id)
                .and_then(|v| v.last())
                .or_else(|| ditutup.get(&id).and_then(|v| v.last()))
        };
        let penilai: Vec<Option<Penilai>> = pegawai
            .iter()
            .map(|p| match pilih(p.id) {
                Some(s) => penilai_skp(k.org, s),
                None => penilai_org(k.org, p.id),
            })
            .collect();
        k.kenali(self, penilai.iter().filter_map(pegawai_penilai))
            .await?;
        Ok(pegawai
            .iter()
            .zip(&penilai)
            .map(|(p, r)| {
                *no += 1;
                baris_skp(*no, p, pilih(p.id), k.orang(r).as_ref(), k)
            })
            .collect())
    }

    async fn halaman_evaluasi(
        &self,
        k: &mut Konteks<'_>,
        pegawai: &[Pegawai],
        eval: &HashMap<i64, Vec<EvaluasiLaporan>>,
        no: &mut u64,
    ) -> AppResult<Vec<Vec<Sel>>> {
        let mut perlu = Vec::new();
        for p in pegawai {
            match eval.get(&p.id) {
                Some(v) => perlu.extend(v.iter().map(|e| e.penilai_pegawai_id)),
                None => perlu.extend(pegawai_penilai(&penilai_org(k.org, p.id))),
            }
        }
        k.kenali(self, perlu).await?;
        let mut out = Vec::new();
        for p in pegawai {
            match eval.get(&p.id) {
                Some(v) => {
                    for e in v {
                        *no += 1;
                        let r = k.orang(&Some(Penilai::Pegawai(e.penilai_pegawai_id)));
                        out.push(baris_evaluasi(*no, p, Some(e), r.as_ref(), k));
                    }
                }
                None => {
                    *no += 1;
                    let r = k.orang(&penilai_org(k.org, p.id));
                    out.push(baris_evaluasi(*no, p, None, r.as_ref(), k));
                }
            }
        }
        Ok(out)
    }

    /// Angka kredit of the page's JF pegawai: the rows of `talenta::angka_kredit` (the one
    /// computation the pegawai's page uses too) that rest on a signed evaluation.
    async fn halaman_angka_kredit(
        &self,
        k: &mut Konteks<'_>,
        pegawai: &[Pegawai],
        skp: &HashMap<i64, Vec<SkpLaporan>>,
        ditutup: &HashMap<i64, Vec<SkpLaporan>>,
        no: &mut u64,
    ) -> AppResult<Vec<Vec<Sel>>> {
        let semua = |id: i64| skp.get(&id).into_iter().chain(ditutup.get(&id)).flatten();
        let jf = |s: &&SkpLaporan| s.jenis_jabatan == Some(JenisJabatan::Fungsional);
        // Only SKP of a jabatan fungsional can earn angka kredit.
        let skp_jf: Vec<i64> = pegawai
            .iter()
            .flat_map(|p| semua(p.id))
            .filter(jf)
            .map(|s| s.id)
            .collect();
        if skp_jf.is_empty() {
            return Ok(Vec::new());
        }
        let tahun = k.periode.tahun();
        let tahunan = Periode::Tahunan { tahun };
        let mut eval: HashMap<i64, Vec<PredikatTercatat>> = HashMap::new();
        for e in self
            .store
            .evaluasi_laporan(k.inst, &tahunan.kode(), &skp_jf)
            .await?
        {
            eval.entry(e.skp_id).or_default().push(PredikatTercatat {
                skp_id: e.skp_id,
                periode: tahunan,
                predikat: e.predikat,
                ditandatangani: e.status.terkunci(),
            });
        }
        // A JF SKP closed by a mutasi earns at the periodic predikat: the periodic evaluations
        // of its pegawai's SKP of the year (few pegawai).
        let berpindah: Vec<i64> = pegawai
            .iter()
            .filter(|p| ditutup.get(&p.id).is_some_and(|v| v.iter().any(|s| jf(&s))))
            .flat_map(|p| semua(p.id).map(|s| s.id))
            .collect();
        if !berpindah.is_empty() {
            for e in self.store.evaluasi_skp_riwayat(k.inst, &berpindah).await? {
                if let Ok(per) = Periode::parse(&e.periode).map(|x| x.periodik().then_some(x)) {
                    let Some(periode) = per else { continue };
                    eval.entry(e.skp_id).or_default().push(PredikatTercatat {
                        skp_id: e.skp_id,
                        periode,
                        predikat: e.predikat,
                        ditandatangani: e.status.terkunci(),
                    });
                }
            }
        }
        let mut out = Vec::new();
        for p in pegawai {
            let milik: Vec<&SkpLaporan> = semua(p.id).collect();
            if !milik.iter().any(jf) {
                continue;
            }
            let bahan: Vec<SkpAngkaKredit> = milik
                .iter()
                .map(|s| {
                    let (jabatan, jenjang) = jabatan_skp(k.org, s.jabatan_id, p);
                    SkpAngkaKredit {
                        id: s.id,
                        mulai: s.mulai,
                        selesai: s.selesai,
                        fungsional: jf(s),
                        jenjang,
                        jabatan,
                        ditutup: s.status == StatusSkp::Ditutup,
                    }
                })
                .collect();
            let tercatat: Vec<PredikatTercatat> = milik
                .iter()
                .filter_map(|s| eval.get(&s.id))
                .flatten()
                .cloned()
                .collect();
            let t = angka_kredit_tahun(tahun, &bahan, &tercatat);
            for b in t.bagian.iter().filter(|b| b.predikat.is_some()) {
                *no += 1;
                out.push(baris_angka_kredit(*no, p, b));
            }
        }
        Ok(out)
    }

    /// The ranking of the period in scope: the domain's competition ranking over every
    /// evaluation of the period (light rows: the one report that must hold its rows to sort
    /// them), written in slices. The scope is the unit the evaluation was made in, as on the
    /// ranking page, so both show the same ranks.
    async fn isi_peringkat(&self, k: &mut Konteks<'_>, tx: &Kirim) -> AppResult<()> {
        let kode = k.periode.kode();
        let mut baris: Vec<BarisPeringkat> = Vec::new();
        let mut setelah = 0;
        loop {
            let h = self
                .store
                .baris_peringkat_laporan(k.inst, &kode, setelah, HALAMAN * 2)
                .await?;
            baris.extend(h.items.into_iter().filter(|b| match (k.unit, b.unit_id) {
                (None, _) => true,
                (Some(v), Some(u)) => v.binary_search(&u).is_ok(),
                _ => false,
            }));
            match h.berikut {
                Some(c) => setelah = c,
                None => break,
            }
        }
        let nomor = beri_peringkat(&mut baris, |b| b.predikat, |b| b.nama.as_str());
        for (potong, n) in baris
            .chunks(HALAMAN as usize)
            .zip(nomor.chunks(HALAMAN as usize))
        {
            let isi = potong
                .iter()
                .zip(n)
                .map(|(b, &n)| baris_peringkat(n, b, k))
                .collect();
            kirim(tx, isi).await?;
        }
        Ok(())
    }
}

fn baris_skp(
    no: u64,
    p: &Pegawai,
    s: Option<&SkpLaporan>,
    penilai: Option<&Orang>,
    k: &Konteks<'_>,
) -> Vec<Sel> {
    let mut v = vec![
        Sel::Bulat(no as i64),
        p.nip.to_string().into(),
        p.nama.as_str().into(),
        p.golongan.label().into(),
        p.jabatan_nama.clone().into(),
        label(p.jenis_jabatan),
        k.nama_unit(p.unit_id),
    ];
    match s {
        Some(s) => v.extend([
            s.format.label().into(),
            s.status.label().into(),
            if s.nomor_versi > 0 {
                Sel::Bulat(s.nomor_versi.into())
            } else {
                Sel::Kosong
            },
            s.ditetapkan_pada.into(),
            Sel::Bulat(s.rhk_utama),
            Sel::Bulat(s.rhk_tambahan),
            Sel::Bulat(s.iki),
        ]),
        None => v.extend([
            Sel::Kosong,
            "Belum ada SKP".into(),
            Sel::Kosong,
            Sel::Kosong,
            Sel::Kosong,
            Sel::Kosong,
            Sel::Kosong,
        ]),
    }
    v.push(penilai.map(|o| o.nama.as_str()).into());
    v.push(penilai.and_then(|o| o.nip.clone()).into());
    v
}

fn baris_evaluasi(
    no: u64,
    p: &Pegawai,
    e: Option<&EvaluasiLaporan>,
    penilai: Option<&Orang>,
    k: &Konteks<'_>,
) -> Vec<Sel> {
    let mut v = vec![
        Sel::Bulat(no as i64),
        p.nip.to_string().into(),
        p.nama.as_str().into(),
        p.golongan.label().into(),
        p.jabatan_nama.clone().into(),
        k.nama_unit(p.unit_id),
        k.periode.label().into(),
    ];
    match e {
        Some(e) => v.extend([
            label(e.capaian_organisasi),
            e.rating_hasil_kerja.label().into(),
            e.rating_perilaku.label().into(),
            e.predikat.label().into(),
            e.status.label().into(),
            // The rater's signature is the day the pegawai received the evaluation.
            e.diterima
                .or(e.ditandatangani_penilai.map(tanggal_wib))
                .into(),
            e.ditandatangani_pegawai.map(tanggal_wib).into(),
            label(e.keberatan),
        ]),
        None => v.extend([
            Sel::Kosong,
            Sel::Kosong,
            Sel::Kosong,
            Sel::Kosong,
            "Belum dievaluasi".into(),
            Sel::Kosong,
            Sel::Kosong,
            Sel::Kosong,
        ]),
    }
    v.push(penilai.map(|o| o.nama.as_str()).into());
    v
}

/// The TPP basis: the predikat and deduction only from a signed evaluation (Pasal 33: the
/// evaluation document is the basis of payment); anything else says why it is empty.
fn halaman_tpp(
    k: &Konteks<'_>,
    pegawai: &[Pegawai],
    eval: &HashMap<i64, Vec<EvaluasiLaporan>>,
) -> Vec<Vec<Sel>> {
    let mut out = Vec::new();
    for p in pegawai {
        match eval.get(&p.id) {
            Some(v) => out.extend(v.iter().map(|e| baris_tpp(p, Some(e), k))),
            None => out.push(baris_tpp(p, None, k)),
        }
    }
    out
}

fn baris_tpp(p: &Pegawai, e: Option<&EvaluasiLaporan>, k: &Konteks<'_>) -> Vec<Sel> {
    let mut v = vec![
        p.nip.to_string().into(),
        p.nama.as_str().into(),
        p.jabatan_nama.clone().into(),
        k.nama_unit(p.unit_id),
        k.periode.label().into(),
    ];
    match e {
        None => v.extend([
            Sel::Kosong,
            "Belum ada".into(),
            Sel::Kosong,
            "Belum ada evaluasi untuk periode ini".into(),
        ]),
        Some(e) if !e.status.terkunci() => v.extend([
            Sel::Kosong,
            "Draf (belum ditandatangani)".into(),
            Sel::Kosong,
            "Evaluasi belum ditandatangani pejabat penilai; potongan belum dapat dihitung".into(),
        ]),
        Some(e) => {
            let keterangan = match e.keberatan {
                Some(StatusKeberatan::Diajukan) => {
                    "Keberatan diajukan, menunggu keputusan; predikat dan potongan dapat berubah"
                }
                Some(StatusKeberatan::Dikabulkan) => "Predikat menurut keputusan keberatan",
                Some(StatusKeberatan::Ditolak) => "Keberatan ditolak; predikat tetap",
                None => "",
            };
            v.extend([
                e.predikat.label().into(),
                e.status.label().into(),
                Sel::Bulat(k.profil.potongan_tpp(e.predikat).into()),
                keterangan.into(),
            ]);
        }
    }
    v
}

fn baris_peringkat(n: u32, b: &BarisPeringkat, k: &Konteks<'_>) -> Vec<Sel> {
    let jabatan = k.nama_jabatan(k.org.jabatan_pegawai.get(&b.pegawai_id).copied());
    vec![
        Sel::Bulat(n.into()),
        b.nip.as_str().into(),
        b.nama.as_str().into(),
        jabatan.into(),
        k.nama_unit(b.unit_id),
        b.predikat.label().into(),
        b.status.label().into(),
    ]
}

/// One part of a JF year resting on a signed evaluation: an SKP at its annual predikat (its
/// months by `skp_untuk_periode`, so two SKP around a mutasi never count a month twice), or
/// months of an SKP closed by a mutasi at their periodic predikat.
fn baris_angka_kredit(no: u64, p: &Pegawai, b: &BagianAngkaKredit) -> Vec<Sel> {
    let mut v = vec![
        Sel::Bulat(no as i64),
        p.nip.to_string().into(),
        p.nama.as_str().into(),
        b.jabatan.clone().into(),
        label(b.jenjang),
        format!(
            "{} – {}",
            tanggal_indonesia(b.skp_mulai),
            tanggal_indonesia(b.skp_selesai)
        )
        .into(),
        Sel::Bulat(b.jumlah_bulan.into()),
        label(b.predikat),
    ];
    let keterangan: Sel = match (b.dasar, b.nilai_eksak) {
        (DasarAngkaKredit::Periodik, Some(_)) => {
            format!("{}: {}", b.masa, DasarAngkaKredit::Periodik.label()).into()
        }
        _ => b.keterangan.clone().into(),
    };
    match (b.persentase, b.koefisien, b.angka_kredit) {
        (Some(pr), Some(ko), Some(ak)) => v.extend([
            Sel::Angka(pr),
            Sel::Angka(ko),
            Sel::Desimal2(ak),
            keterangan,
        ]),
        _ => v.extend([Sel::Kosong, Sel::Kosong, Sel::Kosong, keterangan]),
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use kinerja_domain::kuadran::Predikat;

    /// The report's ranking is the domain's: "1, 1, 3" by predikat, then by name.
    #[test]
    fn ranking_follows_the_domain() {
        let b = |id: i64, nama: &str, p: Predikat| BarisPeringkat {
            evaluasi_id: id,
            pegawai_id: id,
            nip: format!("{id:018}"),
            nama: nama.into(),
            unit_id: None,
            predikat: p,
            status: kinerja_domain::evaluasi::StatusEvaluasi::DitandatanganiPenilai,
        };
        let mut v = vec![
            b(1, "Citra", Predikat::Baik),
            b(2, "Adi", Predikat::SangatBaik),
            b(3, "Budi", Predikat::SangatBaik),
            b(4, "Dewi", Predikat::Kurang),
        ];
        let n = beri_peringkat(&mut v, |b| b.predikat, |b| b.nama.as_str());
        assert_eq!(n, vec![1, 1, 3, 4]);
        assert_eq!(v[0].nama, "Adi");
    }

    /// Around a mutasi the rows count every month once: the closed SKP at its periodic
    /// predikat, the last one at the annual predikat (July goes to the later place: 17 days).
    #[test]
    fn months_of_a_part_year_skp_are_counted_once() {
        use kinerja_domain::jabatan::Jenjang;
        let d = |m: u32, day: u32| chrono::NaiveDate::from_ymd_opt(2026, m, day).unwrap();
        let skp = |id: i64, mulai, selesai, ditutup| SkpAngkaKredit {
            id,
            mulai,
            selesai,
            fungsional: true,
            jenjang: Some(Jenjang::AhliPertama),
            jabatan: Some("Pranata Komputer Ahli Pertama".into()),
            ditutup,
        };
        let e = |skp_id: i64, kode: &str| PredikatTercatat {
            skp_id,
            periode: Periode::parse(kode).unwrap(),
            predikat: Predikat::Baik,
            ditandatangani: true,
        };
        let mut tercatat: Vec<_> = (1..=6).map(|b| e(1, &format!("2026-{b:02}"))).collect();
        tercatat.push(e(2, "2026"));
        let t = angka_kredit_tahun(
            2026,
            &[
                skp(1, d(1, 1), d(7, 14), true),
                skp(2, d(7, 15), d(12, 31), false),
            ],
            &tercatat,
        );
        let p = Pegawai {
            id: 7,
            nip: kinerja_domain::nip::Nip::parse("199002022015032003").unwrap(),
            nama: "Citra".into(),
            status_asn: kinerja_domain::pangkat::StatusAsn::Pns,
            golongan: kinerja_domain::pangkat::Golongan::parse(
                kinerja_domain::pangkat::StatusAsn::Pns,
                "III/a",
            )
            .unwrap(),
            email: None,
            jabatan_id: None,
            jabatan_nama: None,
            jenis_jabatan: None,
            jenjang: None,
            unit_id: None,
            unit_nama: None,
        };
        let baris: Vec<Vec<Sel>> = t
            .bagian
            .iter()
            .enumerate()
            .map(|(i, b)| baris_angka_kredit(i as u64 + 1, &p, b))
            .collect();
        let bulan: Vec<String> = baris.iter().map(|b| b[6].csv()).collect();
        assert_eq!(bulan, ["6", "6"]);
        // 6/12 × 12.5 = 6.25 each; the periodic row says which months.
        assert_eq!(
            baris.iter().map(|b| b[10].csv()).collect::<Vec<_>>(),
            ["6.25", "6.25"]
        );
        assert_eq!(
            baris[0][11].csv(),
            "Januari – Juni 2026: Predikat periodik (SKP ditutup karena mutasi)"
        );
        assert_eq!(baris[1][11].csv(), "6 bulan (sebagian tahun)");
    }
}

//! The distribution chart as server-rendered SVG: bars for the unit's actual share per
//! predikat, the guideline's shape around its mode (dashed), and each bound of the curve as a
//! marked line. No script, no client library; it scales to a phone's width and the same SVG
//! goes into the PDF documents.

use kinerja_domain::distribusi::{total, JenisBatas, Jumlah, KurvaCapaian};
use kinerja_domain::kuadran::{CapaianOrganisasi, Predikat};
use std::fmt::Write;

const LEBAR: f64 = 360.0;
const TINGGI: f64 = 230.0;
const KIRI: f64 = 34.0;
const KANAN: f64 = 8.0;
const ATAS: f64 = 26.0;
const BAWAH: f64 = 44.0;

/// Predikat from worst to best: the curve's x axis as in the guideline's figures.
const URUTAN: [Predikat; 5] = [
    Predikat::SangatKurang,
    Predikat::Kurang,
    Predikat::ButuhPerbaikan,
    Predikat::Baik,
    Predikat::SangatBaik,
];

fn label_pendek(p: Predikat) -> (&'static str, &'static str) {
    match p {
        Predikat::SangatBaik => ("Sangat", "Baik"),
        Predikat::Baik => ("Baik", ""),
        Predikat::ButuhPerbaikan => ("Butuh", "Perbaikan"),
        Predikat::Kurang => ("Kurang", ""),
        Predikat::SangatKurang => ("Sangat", "Kurang"),
    }
}

/// The guideline's shape: the share the curve's mode may take (its own bound, else 60 %),
/// the rest spread over the other predikat falling with distance from the mode. A picture of
/// "pada umumnya", not a quota.
pub fn bentuk_pedoman(capaian: CapaianOrganisasi, kurva: Option<&KurvaCapaian>) -> [f64; 5] {
    let modus = capaian.modus();
    let puncak = kurva
        .and_then(|k| {
            k.batas
                .iter()
                .find(|b| b.predikat == [modus] && b.persen > 0)
                .map(|b| f64::from(b.persen))
        })
        .unwrap_or(60.0);
    let im = URUTAN.iter().position(|p| *p == modus).unwrap_or(3) as i32;
    let bobot: Vec<f64> = (0..5)
        .map(|i| {
            let d = (i - im).abs();
            if d == 0 {
                0.0
            } else {
                1.0 / f64::from((1 + d) * (1 + d))
            }
        })
        .collect();
    let jumlah: f64 = bobot.iter().sum();
    let mut out = [0.0; 5];
    for i in 0..5 {
        out[i] = if i as i32 == im {
            puncak
        } else {
            (100.0 - puncak) * bobot[i] / jumlah
        };
    }
    out
}

fn y(persen: f64) -> f64 {
    ATAS + (TINGGI - ATAS - BAWAH) * (1.0 - persen.clamp(0.0, 100.0) / 100.0)
}

/// The chart of a unit's distribution against its guideline curve. `judul` is escaped.
/// The same chart with a fixed size, for a document (a page has no width to fill).
pub fn ukuran_tetap(svg: &str) -> String {
    svg.replacen(
        "width=\"100%\"",
        &format!("width=\"{LEBAR}\" height=\"{TINGGI}\""),
        1,
    )
}

pub fn kurva_svg(
    judul: &str,
    jumlah: &Jumlah,
    capaian: Option<CapaianOrganisasi>,
    kurva: Option<&KurvaCapaian>,
) -> String {
    let n = total(jumlah);
    let kolom = (LEBAR - KIRI - KANAN) / 5.0;
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {LEBAR} {TINGGI}" width="100%" role="img" class="kurva" font-family="sans-serif" font-size="10"><title>{}</title>"#,
        escape(judul)
    );
    // Axis and grid at 0, 50, 100 %.
    for g in [0.0, 50.0, 100.0] {
        let yy = y(g);
        let _ = write!(
            s,
            "<line x1=\"{KIRI}\" y1=\"{yy:.1}\" x2=\"{:.1}\" y2=\"{yy:.1}\" stroke=\"#ccc\" stroke-width=\"0.5\"/><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" fill=\"#555\">{g}%</text>",
            LEBAR - KANAN,
            KIRI - 3.0,
            yy + 3.0
        );
    }
    // Bars of the actual share.
    for (i, p) in URUTAN.iter().enumerate() {
        let c = jumlah.get(p).copied().unwrap_or(0);
        let persen = if n == 0 {
            0.0
        } else {
            f64::from(c) * 100.0 / f64::from(n)
        };
        let x = KIRI + kolom * i as f64 + kolom * 0.2;
        let yy = y(persen);
        let modus = capaian.is_some_and(|c| c.modus() == *p);
        let warna = if modus { "#1d6fb8" } else { "#7fa8d1" };
        let _ = write!(
            s,
            "<rect x=\"{x:.1}\" y=\"{yy:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{warna}\"><title>{}: {c} pegawai ({persen:.1}%)</title></rect>",
            kolom * 0.6,
            y(0.0) - yy,
            p.label()
        );
        let _ = write!(
            s,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"#222\">{c}</text>",
            x + kolom * 0.3,
            yy - 3.0
        );
        let (a, b) = label_pendek(*p);
        let tengah = KIRI + kolom * (i as f64 + 0.5);
        let _ = write!(
            s,
            "<text x=\"{tengah:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"#222\"{}>{a}</text><text x=\"{tengah:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"#222\">{b}</text>",
            TINGGI - BAWAH + 13.0,
            if modus { " font-weight=\"bold\"" } else { "" },
            TINGGI - BAWAH + 25.0
        );
    }
    if let Some(c) = capaian {
        // The guideline's shape, dashed, through the middle of each column.
        let bentuk = bentuk_pedoman(c, kurva);
        let titik: Vec<String> = bentuk
            .iter()
            .enumerate()
            .map(|(i, v)| format!("{:.1},{:.1}", KIRI + kolom * (i as f64 + 0.5), y(*v)))
            .collect();
        let _ = write!(
            s,
            "<polyline points=\"{}\" fill=\"none\" stroke=\"#d9822b\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"><title>Bentuk kurva pedoman (capaian {})</title></polyline>",
            titik.join(" "),
            c.label()
        );
        // Each bound as a line over its predikat: red for at most, green for at least.
        for b in kurva.map(|k| k.batas.as_slice()).unwrap_or(&[]) {
            let idx: Vec<usize> = URUTAN
                .iter()
                .enumerate()
                .filter(|(_, p)| b.memuat(**p))
                .map(|(i, _)| i)
                .collect();
            let (Some(&a), Some(&z)) = (idx.iter().min(), idx.iter().max()) else {
                continue;
            };
            let persen = if b.persen == 0 && n > 0 {
                f64::from(b.minimal_pegawai) * 100.0 / f64::from(n)
            } else {
                f64::from(b.persen)
            };
            let (warna, tanda) = match b.batas {
                JenisBatas::Maks => ("#c0392b", "≤"),
                JenisBatas::Min => ("#2e8b57", "≥"),
            };
            let yy = y(persen);
            let x1 = KIRI + kolom * a as f64 + 2.0;
            let x2 = KIRI + kolom * (z as f64 + 1.0) - 2.0;
            let teks = if b.persen == 0 {
                format!("{tanda}{} org", b.minimal_pegawai)
            } else {
                format!("{tanda}{}%", b.persen)
            };
            let _ = write!(
                s,
                "<line x1=\"{x1:.1}\" y1=\"{yy:.1}\" x2=\"{x2:.1}\" y2=\"{yy:.1}\" stroke=\"{warna}\" stroke-width=\"1.5\"/><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" fill=\"{warna}\">{teks}</text>",
                x2,
                yy - 2.0
            );
        }
    }
    let _ = write!(
        s,
        "<text x=\"{KIRI}\" y=\"14\" fill=\"#222\" font-weight=\"bold\">{}</text></svg>",
        escape(&match capaian {
            Some(c) => format!("{n} pegawai dinilai · capaian {}", c.label()),
            None => format!("{n} pegawai dinilai"),
        })
    );
    s
}

fn escape(t: &str) -> String {
    t.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    #[test]
    fn ukuran_tetap_untuk_dokumen() {
        let svg = kurva_svg("x", &Jumlah::new(), None, None);
        assert!(svg.contains("width=\"100%\""));
        let tetap = ukuran_tetap(&svg);
        assert!(
            tetap.contains("width=\"360\" height=\"230\"") && !tetap.contains("width=\"100%\"")
        );
    }

    use super::*;
    use kinerja_domain::distribusi::PedomanDistribusi;

    #[test]
    fn svg_memuat_batang_kurva_dan_batas() {
        let pedoman = PedomanDistribusi::default();
        let jumlah: Jumlah = [(Predikat::Baik, 8), (Predikat::SangatBaik, 2)].into();
        let svg = kurva_svg(
            "Dinas <X>",
            &jumlah,
            Some(CapaianOrganisasi::Baik),
            pedoman.kurva_untuk(CapaianOrganisasi::Baik),
        );
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert_eq!(svg.matches("<rect").count(), 5);
        assert!(svg.contains("Dinas &lt;X&gt;"));
        assert!(svg.contains("Baik: 8 pegawai (80.0%)"));
        assert!(svg.contains("≤70%"), "{svg}");
        assert!(svg.contains("≥1 org"), "{svg}");
        assert!(svg.contains("<polyline"));
        assert!(svg.contains("10 pegawai dinilai · capaian Baik"));
    }

    #[test]
    fn bentuk_pedoman_berpuncak_pada_modus_dan_berjumlah_100() {
        let pedoman = PedomanDistribusi::default();
        for c in CapaianOrganisasi::SEMUA {
            let b = bentuk_pedoman(*c, pedoman.kurva_untuk(*c));
            let i = URUTAN.iter().position(|p| *p == c.modus()).unwrap();
            assert!((b.iter().sum::<f64>() - 100.0).abs() < 1e-9);
            assert!(b.iter().all(|v| *v <= b[i]), "{c:?} {b:?}");
        }
    }

    #[test]
    fn tanpa_penilaian_tanpa_capaian() {
        let svg = kurva_svg("Unit", &Jumlah::new(), None, None);
        assert!(svg.contains("0 pegawai dinilai"));
        assert!(!svg.contains("<polyline"));
    }
}

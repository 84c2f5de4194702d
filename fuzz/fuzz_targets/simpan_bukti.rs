//! The whole upload path of the local store, on any name and content fed in chunks of any
//! size: never panics; a stored file lands at `<root>/aa/bb/<32 hex>` whatever the name
//! (`../`, absolute, NUL, backslashes), holds exactly the bytes sent, and is of the kind the
//! type check gives; a refused upload leaves nothing behind.
#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use kinerja_bukti::{tentukan_jenis, DirektoriLokal, JenisBerkas, PenyimpananBukti};
use libfuzzer_sys::fuzz_target;
use tokio::io::AsyncReadExt;

struct Lingkungan {
    rt: tokio::runtime::Runtime,
    _dir: tempfile::TempDir,
    toko: DirektoriLokal,
}

fn lingkungan() -> &'static Lingkungan {
    static L: OnceLock<Lingkungan> = OnceLock::new();
    L.get_or_init(|| {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let dir = tempfile::tempdir().unwrap();
        let toko = rt
            .block_on(DirektoriLokal::buka_direktori(dir.path().join("bukti")))
            .unwrap();
        Lingkungan {
            rt,
            _dir: dir,
            toko,
        }
    })
}

/// Reads `isi` in chunks of `ukuran` bytes.
struct Potongan<'a> {
    isi: &'a [u8],
    ukuran: usize,
}

impl tokio::io::AsyncRead for Potongan<'_> {
    fn poll_read(
        mut self: std::pin::Pin<&mut Self>,
        _: &mut std::task::Context<'_>,
        buf: &mut tokio::io::ReadBuf<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        let n = self.ukuran.min(buf.remaining()).min(self.isi.len());
        buf.put_slice(&self.isi[..n]);
        self.isi = &self.isi[n..];
        std::task::Poll::Ready(Ok(()))
    }
}

fn berkas_di(dir: &Path, keluar: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            berkas_di(&p, keluar);
        } else {
            keluar.push(p);
        }
    }
}

// Input: chunk size byte, name length byte, the name (lossy UTF-8), the content.
fuzz_target!(|data: &[u8]| {
    let [potong, n, sisa @ ..] = data else {
        return;
    };
    let n = (*n as usize).min(sisa.len());
    let (nama, isi) = sisa.split_at(n);
    let nama = String::from_utf8_lossy(nama);
    let ukuran = 1 + (*potong as usize) * 97;
    let l = lingkungan();
    let root = l.toko.root().to_path_buf();
    let mut r = Potongan { isi, ukuran };
    let hasil = l.rt.block_on(l.toko.simpan(&nama, &mut r, 1 << 20));
    let mut ada = Vec::new();
    berkas_di(&root, &mut ada);
    match hasil {
        Ok(b) => {
            let bagian: Vec<&str> = b.kunci.split('/').collect();
            assert_eq!(bagian.len(), 3, "{}", b.kunci);
            assert!(bagian[2].len() == 32 && bagian[2].bytes().all(|c| c.is_ascii_hexdigit()));
            assert_eq!((bagian[0], bagian[1]), (&bagian[2][..2], &bagian[2][2..4]));
            let jalur = root.join(&b.kunci);
            assert_eq!(
                ada,
                vec![jalur.clone()],
                "only the stored file, in its place"
            );
            assert_eq!(std::fs::read(&jalur).unwrap(), isi);
            assert_eq!(b.ukuran, isi.len() as u64);
            // The whole file fits the sniff window here: the decision is the type check's.
            let j = tentukan_jenis(&nama, isi).expect("stored, so the type check accepts it");
            assert!(j == b.jenis || (j.ole() && b.jenis.ole()));
            let mut f = l.rt.block_on(l.toko.buka(&b.kunci)).unwrap();
            let mut kembali = Vec::new();
            l.rt.block_on(f.read_to_end(&mut kembali)).unwrap();
            assert_eq!(kembali, isi);
            l.rt.block_on(l.toko.hapus(&b.kunci)).unwrap();
            if b.jenis == JenisBerkas::Teks {
                assert!(std::str::from_utf8(isi).is_ok(), "text is whole UTF-8");
            }
        }
        Err(e) => {
            assert!(ada.is_empty(), "a refused upload leaves nothing: {ada:?}");
            assert!(matches!(e.status(), 413 | 422), "{e:?}");
        }
    }
});

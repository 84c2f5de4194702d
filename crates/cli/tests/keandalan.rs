//! Reliability of the real `kinerja` binary on both databases (issue 8, items 4–7): backup and
//! restore round trips with the demo data, `kinerja audit verify` on a tampered database,
//! concurrent editors racing through `kinerja serve` (one wins, the other gets 409), and crash
//! safety under SIGKILL mid-load. Each backend loads the demo instansi once with `kinerja demo`
//! and gives each scenario a copy. PostgreSQL is skipped with a notice when unreachable
//! (required under CI=true).
//!
//! Run alone: `cargo test -p kinerja --test keandalan -- --nocapture` (prints the figures).

#[path = "keandalan/audit.rs"]
mod audit;
#[path = "keandalan/balapan.rs"]
mod balapan;
#[path = "keandalan/bersama.rs"]
mod bersama;
#[path = "keandalan/cadangan.rs"]
mod cadangan;
#[path = "keandalan/mogok.rs"]
mod mogok;

use std::time::Instant;

fn semua(demo: &bersama::Demo) {
    for (nama, f) in [
        ("backup/restore", cadangan::jalankan as fn(&bersama::Demo)),
        ("audit tamper", audit::jalankan),
        ("races", balapan::jalankan),
        ("crash", mogok::jalankan),
    ] {
        let mulai = Instant::now();
        f(demo);
        eprintln!(
            "{:?} {nama}: {:.1} s",
            demo.jenis,
            mulai.elapsed().as_secs_f64()
        );
    }
}

#[test]
fn keandalan_sqlite() {
    semua(&bersama::Demo::sqlite());
}

#[test]
fn keandalan_postgres() {
    if let Some(demo) = bersama::Demo::postgres() {
        semua(&demo);
    }
}

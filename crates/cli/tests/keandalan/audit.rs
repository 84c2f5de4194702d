//! `kinerja audit verify` against a database tampered with directly, as an attacker with
//! access to the database would: the guard triggers dropped, then one entry modified, one
//! deleted, or two swapped. Each is reported by its sequence number with a non-zero exit; the
//! untouched copy verifies with exit 0.

use super::bersama::*;

fn verifikasi(db: &Basis) -> std::process::Output {
    kinerja(&["audit", "verify", "--database", &db.url()])
}

pub fn jalankan(demo: &Demo) {
    let bersih = demo.salinan("audit-bersih");
    let o = verifikasi(&bersih);
    assert!(o.status.success(), "clean copy: {}", teks(&o));
    assert!(
        String::from_utf8_lossy(&o.stdout).contains("Log audit utuh"),
        "{}",
        teks(&o)
    );
    // The instansi with the longest chain, and an entry in its middle.
    let r = bersih.kueri(
        "SELECT instansi_id, COUNT(*) FROM audit_log GROUP BY instansi_id ORDER BY COUNT(*) DESC",
    );
    let inst: i64 = r[0][0].parse().unwrap();
    let n: i64 = r[0][1].parse().unwrap();
    assert!(n > 100, "the demo writes a long audit log: {n}");
    let k = n / 2;
    let buka_kunci = match demo.jenis {
        Jenis::Sqlite => "DROP TRIGGER audit_log_tanpa_ubah; DROP TRIGGER audit_log_tanpa_hapus;",
        Jenis::Postgres => "DROP TRIGGER audit_log_tanpa_ubah ON audit_log;",
    };
    let w = format!("instansi_id = {inst} AND seq");
    let kasus = [
        (
            "modified",
            format!("UPDATE audit_log SET pelaku = 'penyusup' WHERE {w} = {k}"),
            k,
        ),
        (
            "modified after",
            format!("UPDATE audit_log SET sesudah = NULL WHERE {w} = {}", k + 7),
            k + 7,
        ),
        (
            "deleted",
            format!("DELETE FROM audit_log WHERE {w} = {k}"),
            k + 1,
        ),
        (
            "swapped",
            format!(
                "UPDATE audit_log SET seq = -1 WHERE {w} = {k}; \
                 UPDATE audit_log SET seq = {k} WHERE {w} = {}; \
                 UPDATE audit_log SET seq = {} WHERE {w} = -1",
                k + 1,
                k + 1
            ),
            k,
        ),
    ];
    for (apa, sql, seq) in kasus {
        let db = demo.salinan("audit-rusak");
        // With the triggers in place the log refuses the change.
        let ditolak = db.coba(&sql);
        assert!(
            ditolak
                .as_ref()
                .is_err_and(|e| e.contains("audit_log hanya boleh ditambah")),
            "{apa}: the triggers refuse it: {ditolak:?}"
        );
        db.jalankan(&format!("{buka_kunci} {sql}"));
        let o = verifikasi(&db);
        assert!(!o.status.success(), "{apa}: must fail: {}", teks(&o));
        let out = String::from_utf8_lossy(&o.stdout);
        assert!(
            out.contains(&format!("RUSAK: instansi {inst} entri #{seq}:")),
            "{apa}: names entry #{seq}: {}",
            teks(&o)
        );
        assert!(
            String::from_utf8_lossy(&o.stderr).contains("log audit tidak utuh"),
            "{}",
            teks(&o)
        );
    }
    eprintln!(
        "{:?} audit: {n} entries, modified/deleted/swapped entries named",
        demo.jenis
    );
}

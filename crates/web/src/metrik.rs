//! Prometheus metrics: requests by route and status, and a latency histogram, kept in memory.

use crate::Keadaan;
use axum::extract::{MatchedPath, Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::collections::BTreeMap;
use std::sync::Mutex;
use std::time::Instant;

const BATAS_DETIK: [f64; 10] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0];

#[derive(Default)]
pub struct Metrik {
    /// (method, route, status) → count
    permintaan: Mutex<BTreeMap<(String, String, u16), u64>>,
    /// per bucket (and +Inf) → count, plus sum of seconds
    latensi: Mutex<([u64; 11], f64)>,
}

pub async fn catat(State(k): State<Keadaan>, req: Request, next: Next) -> Response {
    let mulai = Instant::now();
    let rute = req
        .extensions()
        .get::<MatchedPath>()
        .map(|p| p.as_str().to_string())
        .unwrap_or_else(|| "tidak_dikenal".into());
    let metode = req.method().to_string();
    let res = next.run(req).await;
    let detik = mulai.elapsed().as_secs_f64();
    if let Ok(mut m) = k.metrik.permintaan.lock() {
        *m.entry((metode, rute, res.status().as_u16())).or_default() += 1;
    }
    if let Ok(mut l) = k.metrik.latensi.lock() {
        let i = BATAS_DETIK
            .iter()
            .position(|b| detik <= *b)
            .unwrap_or(BATAS_DETIK.len());
        l.0[i] += 1;
        l.1 += detik;
    }
    res
}

pub async fn tampilkan(State(k): State<Keadaan>) -> impl IntoResponse {
    let mut out = String::new();
    out.push_str("# HELP kinerja_http_requests_total HTTP requests by route and status.\n");
    out.push_str("# TYPE kinerja_http_requests_total counter\n");
    if let Ok(m) = k.metrik.permintaan.lock() {
        for ((metode, rute, status), n) in m.iter() {
            out.push_str(&format!(
                "kinerja_http_requests_total{{method=\"{metode}\",route=\"{rute}\",status=\"{status}\"}} {n}\n"
            ));
        }
    }
    out.push_str("# HELP kinerja_http_request_duration_seconds Request latency.\n");
    out.push_str("# TYPE kinerja_http_request_duration_seconds histogram\n");
    if let Ok(l) = k.metrik.latensi.lock() {
        let mut kumulatif = 0;
        for (i, b) in BATAS_DETIK.iter().enumerate() {
            kumulatif += l.0[i];
            out.push_str(&format!(
                "kinerja_http_request_duration_seconds_bucket{{le=\"{b}\"}} {kumulatif}\n"
            ));
        }
        kumulatif += l.0[10];
        out.push_str(&format!(
            "kinerja_http_request_duration_seconds_bucket{{le=\"+Inf\"}} {kumulatif}\n"
        ));
        out.push_str(&format!(
            "kinerja_http_request_duration_seconds_sum {}\n",
            l.1
        ));
        out.push_str(&format!(
            "kinerja_http_request_duration_seconds_count {kumulatif}\n"
        ));
    }
    (
        [(
            axum::http::header::CONTENT_TYPE,
            "text/plain; version=0.0.4",
        )],
        out,
    )
}

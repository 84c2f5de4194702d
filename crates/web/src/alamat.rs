//! The client address that failed logins are counted against: the TCP peer (axum's
//! `ConnectInfo`, set by `kinerja serve`), or — only when the operator says a reverse proxy
//! stands in front (`--percaya-proxy`) — the last address of `X-Forwarded-For`, the one that
//! proxy appended (earlier entries are whatever the client sent, and can be forged). An IPv6
//! client is counted by its /64, which one host usually holds whole. Without either (a test
//! router called directly) the address is [`ALAMAT_TIDAK_DIKETAHUI`].

use crate::Keadaan;
use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use axum::http::HeaderMap;
use kinerja_app::masuk::ALAMAT_TIDAK_DIKETAHUI;
use std::convert::Infallible;
use std::net::{IpAddr, SocketAddr};

/// The client address of a request, as the login counters key it.
pub struct AlamatKlien(pub String);

impl FromRequestParts<Keadaan> for AlamatKlien {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, k: &Keadaan) -> Result<Self, Self::Rejection> {
        let proxy = k
            .percaya_proxy
            .then(|| dari_proxy(&parts.headers))
            .flatten();
        let peer = || {
            parts
                .extensions
                .get::<ConnectInfo<SocketAddr>>()
                .map(|ConnectInfo(a)| a.ip())
        };
        Ok(AlamatKlien(
            proxy
                .or_else(peer)
                .map(kunci)
                .unwrap_or_else(|| ALAMAT_TIDAK_DIKETAHUI.to_string()),
        ))
    }
}

/// The last entry of `X-Forwarded-For` (over every such header, in order), if it is an address.
fn dari_proxy(h: &HeaderMap) -> Option<IpAddr> {
    let terakhir = h
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .rfind(|v| !v.is_empty())?;
    terakhir
        .parse::<IpAddr>()
        .ok()
        .or_else(|| terakhir.parse::<SocketAddr>().ok().map(|a| a.ip()))
}

/// IPv4 as it is; IPv6 by its /64 (an IPv4-mapped one as IPv4).
fn kunci(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let s = v6.segments();
                format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn alamat_proxy_dan_kunci() {
        let mut h = HeaderMap::new();
        assert_eq!(dari_proxy(&h), None);
        h.append(
            "x-forwarded-for",
            HeaderValue::from_static("6.6.6.6, 10.0.0.5"),
        );
        assert_eq!(dari_proxy(&h), Some("10.0.0.5".parse().unwrap()));
        h.append(
            "x-forwarded-for",
            HeaderValue::from_static("203.0.113.7:4431"),
        );
        assert_eq!(dari_proxy(&h), Some("203.0.113.7".parse().unwrap()));
        let mut rusak = HeaderMap::new();
        rusak.insert(
            "x-forwarded-for",
            HeaderValue::from_static("1.2.3.4, bukan-alamat"),
        );
        assert_eq!(
            dari_proxy(&rusak),
            None,
            "a last entry that is no address is ignored"
        );

        assert_eq!(kunci("192.0.2.1".parse().unwrap()), "192.0.2.1");
        assert_eq!(
            kunci("2001:db8:1:2:aaaa::1".parse().unwrap()),
            "2001:db8:1:2::/64"
        );
        assert_eq!(
            kunci("2001:db8:1:2:bbbb::9".parse().unwrap()),
            kunci("2001:db8:1:2:aaaa::1".parse().unwrap()),
            "one /64 is one client"
        );
        assert_eq!(kunci("::ffff:192.0.2.1".parse().unwrap()), "192.0.2.1");
    }
}

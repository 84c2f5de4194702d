//! E-mail through SMTP for the reminders (`--smtp-url`), over lettre's async transport.

use async_trait::async_trait;
use kinerja_app::pelaksanaan::pengingat::PengirimSurel;
use lettre::message::header::ContentType;
use lettre::message::Mailbox;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

pub struct Smtp {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    dari: Mailbox,
}

impl Smtp {
    /// `url`: smtp://host:port (plain), smtp://…?tls=required (STARTTLS), smtps://… (TLS).
    pub fn baru(url: &str, dari: &str) -> Result<Self, String> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| format!("KINERJA_SMTP_URL tidak valid: {e}"))?
            .build();
        let dari = dari
            .parse()
            .map_err(|e| format!("KINERJA_SMTP_FROM tidak valid: {e}"))?;
        Ok(Smtp { transport, dari })
    }
}

#[async_trait]
impl PengirimSurel for Smtp {
    async fn kirim(&self, ke: &str, judul: &str, isi: &str) -> Result<(), String> {
        let m = Message::builder()
            .from(self.dari.clone())
            .to(ke.parse().map_err(|e| format!("alamat {ke}: {e}"))?)
            .subject(judul)
            .header(ContentType::TEXT_PLAIN)
            .body(isi.to_string())
            .map_err(|e| e.to_string())?;
        self.transport
            .send(m)
            .await
            .map(|_| ())
            .map_err(|e| e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
    use tokio::net::TcpListener;

    /// A minimal SMTP server that accepts one message and hands back the conversation.
    async fn server_sederhana(l: TcpListener) -> String {
        let (sock, _) = l.accept().await.unwrap();
        let (r, mut w) = sock.into_split();
        let mut r = BufReader::new(r);
        let mut log = String::new();
        w.write_all(b"220 uji ESMTP\r\n").await.unwrap();
        let mut data = false;
        loop {
            let mut baris = String::new();
            if r.read_line(&mut baris).await.unwrap() == 0 {
                break;
            }
            log.push_str(&baris);
            if data {
                if baris == ".\r\n" {
                    data = false;
                    w.write_all(b"250 diterima\r\n").await.unwrap();
                }
                continue;
            }
            let perintah = baris.to_ascii_uppercase();
            let jawab: &[u8] = if perintah.starts_with("EHLO") || perintah.starts_with("HELO") {
                b"250-uji\r\n250 8BITMIME\r\n"
            } else if perintah.starts_with("DATA") {
                data = true;
                b"354 lanjut\r\n"
            } else if perintah.starts_with("QUIT") {
                w.write_all(b"221 selesai\r\n").await.unwrap();
                break;
            } else {
                b"250 ok\r\n"
            };
            w.write_all(jawab).await.unwrap();
        }
        log
    }

    #[tokio::test]
    async fn mengirim_melalui_smtp() {
        let l = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = l.local_addr().unwrap().port();
        let server = tokio::spawn(server_sederhana(l));
        let smtp = Smtp::baru(
            &format!("smtp://127.0.0.1:{port}"),
            "Kinerja <kinerja@bekasikota.go.id>",
        )
        .unwrap();
        smtp.kirim(
            "pegawai@bekasikota.go.id",
            "Realisasi November 2026 belum lengkap",
            "2 dari 4 IKI belum berisi realisasi dengan bukti dukung.",
        )
        .await
        .unwrap();
        drop(smtp);
        let log = tokio::time::timeout(std::time::Duration::from_secs(10), server)
            .await
            .expect("the server saw the whole conversation")
            .unwrap();
        assert!(
            log.contains("MAIL FROM:<kinerja@bekasikota.go.id>"),
            "{log}"
        );
        assert!(log.contains("RCPT TO:<pegawai@bekasikota.go.id>"), "{log}");
        assert!(
            log.contains("Subject: Realisasi November 2026 belum lengkap"),
            "{log}"
        );
        assert!(log.contains("2 dari 4 IKI"), "{log}");
    }

    #[test]
    fn alamat_tidak_valid() {
        assert!(Smtp::baru("bukan-url", "Kinerja <k@x.id>").is_err());
        assert!(Smtp::baru("smtp://127.0.0.1:25", "bukan alamat").is_err());
    }
}

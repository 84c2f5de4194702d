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

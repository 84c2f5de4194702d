//! A small reader of HTML start tags, as a browser tokenizes them: a tag's name and its
//! attributes, values decoded. Enough to tell text that stayed text (or stayed inside a quoted
//! attribute value) from text that became markup.

#[derive(Debug, Clone)]
pub(crate) struct Tag {
    pub(crate) nama: String,
    /// (name, decoded value); a bare attribute has an empty value.
    pub(crate) atribut: Vec<(String, String)>,
}

/// Every start tag of `html`, in order. Comments, doctype and end tags are skipped; the content
/// of `<script>` and `<style>` is raw text (skipped up to its end tag).
pub(crate) fn baca(html: &str) -> Vec<Tag> {
    let b = html.as_bytes();
    let mut i = 0;
    let mut out = Vec::new();
    while let Some(rel) = html[i..].find('<') {
        i += rel;
        let sisa = &html[i..];
        if sisa.starts_with("<!--") {
            i += sisa.find("-->").map_or(sisa.len(), |e| e + 3);
            continue;
        }
        if sisa.starts_with("<!") || sisa.starts_with("<?") || sisa.starts_with("</") {
            i += sisa.find('>').map_or(sisa.len(), |e| e + 1);
            continue;
        }
        if !b.get(i + 1).is_some_and(u8::is_ascii_alphabetic) {
            i += 1;
            continue;
        }
        let (tag, akhir) = tag_mulai(html, i + 1);
        i = akhir;
        if tag.nama == "script" || tag.nama == "style" {
            let tutup = format!("</{}", tag.nama);
            let lower = html[i..].to_ascii_lowercase();
            i += lower.find(&tutup).unwrap_or(lower.len());
        }
        out.push(tag);
    }
    out
}

/// The tag whose name starts at `i`; and where reading stopped (after its `>`).
fn tag_mulai(html: &str, mut i: usize) -> (Tag, usize) {
    let b = html.as_bytes();
    let n = b.len();
    let awal = i;
    while i < n && !b[i].is_ascii_whitespace() && b[i] != b'>' && b[i] != b'/' {
        i += 1;
    }
    let nama = html[awal..i].to_ascii_lowercase();
    let mut atribut = Vec::new();
    loop {
        while i < n && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        if i >= n {
            break;
        }
        if b[i] == b'>' {
            i += 1;
            break;
        }
        let a = i;
        // The first character may be anything (even `=` or a quote); then up to a separator.
        i += 1;
        while i < n && !b[i].is_ascii_whitespace() && !matches!(b[i], b'=' | b'>' | b'/') {
            i += 1;
        }
        let k = html[a..i].to_ascii_lowercase();
        while i < n && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut v = String::new();
        if i < n && b[i] == b'=' {
            i += 1;
            while i < n && b[i].is_ascii_whitespace() {
                i += 1;
            }
            if i < n && (b[i] == b'"' || b[i] == b'\'') {
                let q = b[i];
                let s = i + 1;
                let e = html[s..].find(q as char).map_or(n, |e| s + e);
                v = html[s..e].to_string();
                i = (e + 1).min(n);
            } else {
                let s = i;
                while i < n && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                    i += 1;
                }
                v = html[s..i].to_string();
            }
        }
        atribut.push((k, urai(&v)));
    }
    (Tag { nama, atribut }, i)
}

/// Decode character references (named ones a page uses, and numeric ones).
pub(crate) fn urai(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    let mut sisa = s;
    while let Some(p) = sisa.find('&') {
        o.push_str(&sisa[..p]);
        sisa = &sisa[p..];
        let Some(e) = sisa.find(';').filter(|e| *e <= 10) else {
            o.push('&');
            sisa = &sisa[1..];
            continue;
        };
        let ent = &sisa[1..e];
        let c = match ent {
            "lt" => Some('<'),
            "gt" => Some('>'),
            "amp" => Some('&'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some('\u{a0}'),
            _ => {
                if let Some(h) = ent.strip_prefix("#x").or_else(|| ent.strip_prefix("#X")) {
                    u32::from_str_radix(h, 16).ok().and_then(char::from_u32)
                } else if let Some(d) = ent.strip_prefix('#') {
                    d.parse::<u32>().ok().and_then(char::from_u32)
                } else {
                    None
                }
            }
        };
        match c {
            Some(c) => {
                o.push(c);
                sisa = &sisa[e + 1..];
            }
            None => {
                o.push('&');
                sisa = &sisa[1..];
            }
        }
    }
    o.push_str(sisa);
    o
}

#[test]
fn pembaca_tag_membedakan_teks_dari_markup() {
    let t = baca(
        r#"<!doctype html><p class="a">x &lt;img src=x onerror=alert(1)&gt;</p><input value="&quot; onmouseover=&quot;y" name=q><script>if (a<b) {}</script><img src=x onerror=alert(2)>"#,
    );
    let nama: Vec<&str> = t.iter().map(|t| t.nama.as_str()).collect();
    assert_eq!(nama, ["p", "input", "script", "img"]);
    assert_eq!(
        t[1].atribut,
        [
            ("value".to_string(), "\" onmouseover=\"y".to_string()),
            ("name".to_string(), "q".to_string())
        ]
    );
    assert_eq!(t[3].atribut[1], ("onerror".into(), "alert(2)".into()));
    // A quote that escaped its attribute makes the rest attributes.
    let t = baca(r#"<input value="" onmouseover="alert(3)" x="">"#);
    assert!(t[0].atribut.iter().any(|(k, _)| k == "onmouseover"));
    assert_eq!(urai("&#x2f;&#47;&amp;lt;"), "//&lt;");
}

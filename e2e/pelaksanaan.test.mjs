// Browser journeys through the execution stage, on the demo's 2026 data, IN ORDER:
//   (a) the Pelaksana documents this month: writes a realisation and uploads a PDF as evidence
//       (seen with its SHA-256 and downloadable); an executable is refused with a message;
//   (b) the Kepala Seksi (their rater) opens the team's month, goes to the Pelaksana's feedback
//       page and gives berkala feedback on an RHK; the Pelaksana reads it under that RHK and
//       responds;
//   (c) the rater asks the JF (a peer) for 360 feedback, allowed to be anonymous; the JF answers
//       from "Umpan balik"; the Pelaksana sees "Pemberi anonim", the rater sees the JF's name;
//   (d) the rater tries to take over an RHK first (refused: Pasal 20 ayat (6)), records a
//       pembinaan, then takes it over; the Pelaksana's month shows the note.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, PASSWORD, RESULTS_DIR, login, launchBrowser, url, text, signedIn as signedInAs } from './demo.mjs';

const TAHUN = 2026;
let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** A fresh browser context signed in as `role`. */
const signedIn = (role, viewport) => signedInAs(browser, role, viewport);

async function kirim(page, selector) {
  await Promise.all([page.waitForLoadState('load'), page.waitForNavigation(), page.click(selector)]);
}

/** "/skp/<id>" of the Pelaksana's 2026 SKP (set in the demo). */
let skpPelaksana;
async function skpSaya(page) {
  await page.goto(url(`/skp?tahun=${TAHUN}`));
  await kirim(page, '[data-testid=buka-skp]');
  return new URL(page.url()).pathname;
}

function pdf(judul) {
  const isi = `BT /F1 12 Tf 50 750 Td (${judul}) Tj ET`;
  return Buffer.from(`%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n3 0 obj\n<< /Length ${isi.length} >>\nstream\n${isi}\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`);
}

test('(a) pegawai mencatat realisasi bulan ini dan mengunggah bukti dukung PDF', async () => {
  const { context, page } = await signedIn('Pelaksana');
  try {
    skpPelaksana = await skpSaya(page);
    await page.goto(url(`${skpPelaksana}/realisasi`));
    assert.ok(await page.isVisible('[data-testid=kekurangan]'), 'what is still missing this month is listed');
    // The first IKI still without a realisation this month.
    const iki = page.locator('[data-testid=iki]', { has: page.locator('[data-testid=form-realisasi]') }).filter({ hasText: 'Belum diisi' }).first();
    const id = await iki.getAttribute('id');
    await iki.locator('textarea[name=realisasi]').fill('2 laporan kinerja bulanan');
    await kirim(page, `#${id} [data-testid=form-realisasi] button[type=submit]`);
    const lagi = page.locator(`#${id}`);
    assert.match(await lagi.locator('[data-testid=realisasi-teks]').innerText(), /2 laporan kinerja bulanan/);
    // Upload a real PDF.
    await lagi.locator('[data-testid=form-unggah] input[name=keterangan]').fill('Laporan bulanan ditandatangani');
    await lagi.locator('[data-testid=form-unggah] input[type=file]').setInputFiles({ name: 'laporan-bulanan.pdf', mimeType: 'application/pdf', buffer: pdf('Laporan bulanan') });
    await kirim(page, `#${id} [data-testid=form-unggah] button[type=submit]`);
    const berkas = page.locator(`#${id} [data-testid=bukti-berkas]`).filter({ hasText: 'laporan-bulanan.pdf' });
    assert.equal(await berkas.count(), 1, 'the uploaded file is listed');
    assert.match(await page.locator(`#${id} [data-testid=sha256]`).first().innerText(), /[0-9a-f]{8}/);
    const href = await berkas.locator('a').first().getAttribute('href');
    const r = await context.request.get(url(href));
    assert.equal(r.status(), 200);
    assert.equal(r.headers()['content-type'], 'application/pdf');
    assert.ok((await r.body()).subarray(0, 5).equals(Buffer.from('%PDF-')));
    // An executable is refused, with a message next to the form, and nothing is stored.
    const sebelum = await page.locator(`#${id} [data-testid=bukti]`).count();
    await page.locator(`#${id} [data-testid=form-unggah] input[type=file]`).setInputFiles({ name: 'setup.exe', mimeType: 'application/octet-stream', buffer: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(300)]) });
    await kirim(page, `#${id} [data-testid=form-unggah] button[type=submit]`);
    assert.match(await text(page, '[data-testid=galat-form]'), /program|skrip|tidak diterima/i);
    await page.goto(url(`${skpPelaksana}/realisasi`));
    assert.equal(await page.locator(`#${id} [data-testid=bukti]`).count(), sebelum, 'nothing stored');
    await page.screenshot({ path: `${RESULTS_DIR}/pelaksanaan-a-realisasi.png`, fullPage: true });
  } finally {
    await context.close();
  }
});

test('(b) pejabat penilai melihat bulan tim dan memberi umpan balik berkala; pegawai menanggapi', async () => {
  const pl = login('Pelaksana');
  const penilai = await signedIn('Kepala Seksi');
  try {
    const { page } = penilai;
    await page.goto(url('/realisasi/tim'));
    const baris = page.locator('[data-testid=baris-tim]', { hasText: pl.name });
    assert.equal(await baris.count(), 1, 'the Pelaksana is in the rater\'s month');
    await page.screenshot({ path: `${RESULTS_DIR}/pelaksanaan-b-tim.png`, fullPage: true });
    await kirim(page, `[data-testid=baris-tim]:has-text("${pl.name}") [data-testid=tautan-umpan-balik]`);
    assert.equal(new URL(page.url()).pathname, `${skpPelaksana}/umpan-balik`);
    const rhk = await page.locator('#beri-sasaran option[value^="rhk:"]').first().getAttribute('value');
    await page.selectOption('#beri-sasaran', rhk);
    await page.selectOption('#beri-jenis', 'berkala');
    await page.selectOption('#beri-cara', 'langsung');
    await page.fill('#beri-isi', 'Dialog kinerja: laporan bulan ini sudah lengkap, pertahankan');
    await kirim(page, '[data-testid=form-umpan-balik] button[type=submit]');
    assert.match(await page.content(), /Dialog kinerja: laporan bulan ini sudah lengkap/);
  } finally {
    await penilai.context.close();
  }
  const pegawai = await signedIn('Pelaksana');
  try {
    const { page } = pegawai;
    await page.goto(url(`${skpPelaksana}/umpan-balik`));
    const item = page.locator('[data-testid=umpan-balik]', { hasText: 'Dialog kinerja: laporan bulan ini sudah lengkap' });
    assert.equal(await item.count(), 1);
    const grup = page.locator('[data-testid=grup-umpan-balik]', { has: item });
    assert.doesNotMatch(await grup.locator('[data-testid=grup-judul]').innerText(), /^Perilaku/, 'grouped under its RHK');
    await item.locator('[data-testid=form-tanggapan] textarea').fill('Terima kasih, Pak');
    await kirim(page, '[data-testid=umpan-balik]:has-text("Dialog kinerja: laporan bulan ini sudah lengkap") [data-testid=form-tanggapan] button[type=submit]');
    assert.match(await page.locator('[data-testid=umpan-balik]', { hasText: 'Dialog kinerja: laporan bulan ini sudah lengkap' }).innerText(), /Terima kasih, Pak/);
    // The inbox has the message.
    await page.goto(url('/notifikasi'));
    assert.match(await page.locator('[data-testid=notifikasi]').first().innerText(), /Umpan balik/);
  } finally {
    await pegawai.context.close();
  }
});

test('(c) permintaan umpan balik 360 anonim dijawab rekan kerja', async () => {
  const jf = login('Jabatan Fungsional');
  const penilai = await signedIn('Kepala Seksi');
  const batas = new Date(Date.now() + 10 * 86400_000).toISOString().slice(0, 10);
  try {
    const { page } = penilai;
    await page.goto(url(`${skpPelaksana}/umpan-balik`));
    await page.fill('#minta-nip', jf.username);
    await page.selectOption('#minta-sebagai', 'rekan');
    await page.fill('#minta-batas', batas);
    await page.fill('#minta-pesan', 'Mohon masukan tentang kerja sama tim bulan ini');
    await page.check('[data-testid=form-permintaan] input[name=anonim]');
    await kirim(page, '[data-testid=form-permintaan] button[type=submit]');
    assert.match(await page.locator('[data-testid=daftar-permintaan]').innerText(), /Mohon masukan tentang kerja sama tim/);
  } finally {
    await penilai.context.close();
  }
  const rekan = await signedIn('Jabatan Fungsional');
  try {
    const { page } = rekan;
    await page.goto(url('/umpan-balik'));
    const minta = page.locator('[data-testid=permintaan-saya]', { hasText: 'Mohon masukan tentang kerja sama tim' });
    assert.equal(await minta.count(), 1, 'the request is waiting for the JF');
    await kirim(page, '[data-testid=permintaan-saya]:has-text("Mohon masukan tentang kerja sama tim") [data-testid=jawab-permintaan]');
    const nilai = await page.locator('#beri-permintaan option', { hasText: 'tidak ditampilkan' }).first().getAttribute('value');
    await page.selectOption('#beri-permintaan', nilai);
    await page.selectOption('#beri-sasaran', 'aspek:kolaboratif');
    await page.fill('#beri-isi', 'Sigap berbagi data dengan tim pengembangan aplikasi');
    await page.fill('#beri-sumber', 'Rekan kerja satu seksi');
    await kirim(page, '[data-testid=form-umpan-balik] button[type=submit]');
    assert.match(await page.content(), /Sigap berbagi data/);
  } finally {
    await rekan.context.close();
  }
  const pegawai = await signedIn('Pelaksana');
  try {
    const { page } = pegawai;
    await page.goto(url(`${skpPelaksana}/umpan-balik`));
    const item = page.locator('[data-testid=umpan-balik]', { hasText: 'Sigap berbagi data' });
    assert.match(await item.locator('[data-testid=pemberi]').innerText(), /anonim/i);
    assert.doesNotMatch(await item.innerText(), new RegExp(jf.name));
    await page.screenshot({ path: `${RESULTS_DIR}/pelaksanaan-c-umpan-balik-pegawai.png`, fullPage: true });
  } finally {
    await pegawai.context.close();
  }
  const lagi = await signedIn('Kepala Seksi');
  try {
    await lagi.page.goto(url(`${skpPelaksana}/umpan-balik`));
    const item = lagi.page.locator('[data-testid=umpan-balik]', { hasText: 'Sigap berbagi data' });
    assert.match(await item.locator('[data-testid=pemberi]').innerText(), new RegExp(jf.name), 'the rater sees who gave it');
  } finally {
    await lagi.context.close();
  }
});

test('(d) pengambilalihan RHK hanya setelah pembinaan, dan catatannya tampil pada realisasi', async () => {
  const penilai = await signedIn('Kepala Seksi');
  let rhk;
  try {
    const { page } = penilai;
    await page.goto(url(`${skpPelaksana}/umpan-balik`));
    rhk = await page.locator('#aa-rhk option[value]:not([value=""])').last().getAttribute('value');
    await page.selectOption('#aa-rhk', rhk);
    await page.fill('#aa-catatan', 'Pegawai tidak dapat menyelesaikan RHK ini');
    await kirim(page, '[data-testid=form-ambil-alih] button[type=submit]');
    assert.match(await text(page, '[data-testid=galat-form]'), /Pasal 20/);
    // A pembinaan first.
    await page.selectOption('#tl-jenis', 'pembinaan');
    await page.selectOption('#tl-rhk', rhk);
    if (!(await page.isVisible('#tl-jenis-pembinaan'))) await page.click('[data-testid=form-tindak-lanjut] details > summary');
    await page.selectOption('#tl-jenis-pembinaan', 'bimbingan');
    await page.fill('#tl-topik', 'Penyusunan laporan dan bukti dukung');
    await page.fill('#tl-tindakan', 'Laporan disusun setiap Jumat terakhir bulan berjalan');
    await kirim(page, '[data-testid=form-tindak-lanjut] button[type=submit]');
    assert.match(await page.locator('[data-testid=tindak-lanjut]').first().innerText(), /Bimbingan/i);
    await page.selectOption('#aa-rhk', rhk);
    await page.fill('#aa-catatan', 'Pegawai tidak dapat menyelesaikan RHK ini meskipun telah dibimbing');
    await kirim(page, '[data-testid=form-ambil-alih] button[type=submit]');
    assert.match(await page.locator('[data-testid=tindak-lanjut]').first().innerText(), /meskipun telah dibimbing/);
    await page.screenshot({ path: `${RESULTS_DIR}/pelaksanaan-d-tindak-lanjut.png`, fullPage: true });
  } finally {
    await penilai.context.close();
  }
  const pegawai = await signedIn('Pelaksana');
  try {
    await pegawai.page.goto(url(`${skpPelaksana}/realisasi`));
    assert.match(await text(pegawai.page, '[data-testid=diambil-alih]'), /meskipun telah dibimbing/);
  } finally {
    await pegawai.context.close();
  }
});

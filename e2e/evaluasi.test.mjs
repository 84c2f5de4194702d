// Browser journeys through the evaluation stage, on the demo's 2026 data, IN ORDER:
//   (a) the Kepala Seksi rates the team for the current month: confirms the Pelaksana's
//       suggestion on the team page and sees the unit's curve count one more; opens the
//       evaluation and signs it (also looked at on a phone-wide screen);
//   (b) the annual evaluation: the Kepala Seksi rates the Pelaksana on the evaluation page,
//       departing from the suggestion (refused without a reason, then with one), signs; the
//       Pelaksana finds it under "Evaluasi saya" and signs the document (receipt, not agreement);
//   (c) keberatan: the Pelaksana files one against last month's evaluation (signed three days
//       ago by the rater); the Kepala Bidang (atasan pejabat penilai) opens it, comments and
//       upholds it with new ratings; the decision is shown with the original predikat;
//   (d) the Kepala Dinas opens the distribution of last month: units off their guideline come
//       first with the guideline's hints, and a unit's ranking is one click away.
//
// A signed evaluation freezes the realisation of the months it covers (the annual one: the whole
// year), and the execution journeys (pelaksanaan.test.mjs) still write the Pelaksana's current
// month. So (a) and (b) end with the BKPSDM admin reopening the evaluation they signed, with a
// reason, through the page's reopen form: the months are open again for the other journeys,
// whichever order the files run in.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, PASSWORD, RESULTS_DIR, login, launchBrowser, url, text, signedIn as signedInAs } from './demo.mjs';

const TAHUN = 2026;
const hariIni = new Date(Date.now() + 7 * 3600 * 1000); // WIB, as the server counts days
const BULAN = hariIni.getUTCMonth() + 1;
const KINI = `${hariIni.getUTCFullYear()}-${String(BULAN).padStart(2, '0')}`;
const LALU = BULAN > 1 ? `${TAHUN}-${String(BULAN - 1).padStart(2, '0')}` : null;

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

/** "N pegawai dinilai" drawn in the curve of a unit on the page. */
async function dinilai(page, unit) {
  const t = await page.locator(`[data-testid=kurva][data-unit="${unit}"] svg`).first().textContent();
  const m = /(\d+) pegawai dinilai/.exec(t ?? '');
  assert.ok(m, `a count in the curve of unit ${unit}: ${t}`);
  return Number(m[1]);
}

/** The BKPSDM admin reopens the evaluation at `path` with a reason (back to a draft). */
async function bukaKembali(path, alasan) {
  const { context, page } = await signedIn('Admin BKPSDM');
  try {
    await page.goto(url(path));
    await page.fill('#buka-alasan', alasan);
    await kirim(page, '[data-testid=form-buka-kembali] button[type=submit]');
    assert.match(await text(page, '[data-testid=status-evaluasi]'), /Draf penilaian/);
    assert.match(await text(page, '[data-testid=alasan-dibuka]'), new RegExp(alasan));
  } finally {
    await context.close();
  }
}

const lainDari = (r) => (r === 'diatas_ekspektasi' ? 'sesuai_ekspektasi' : 'diatas_ekspektasi');

test('(a) pejabat penilai menilai tim bulan ini; kurva distribusi bergerak; lalu menandatangani', async () => {
  const pl = login('Pelaksana');
  let halaman;
  const { context, page } = await signedIn('Kepala Seksi');
  try {
    await page.click('nav >> text=Evaluasi tim');
    await page.waitForURL((u) => u.pathname === '/evaluasi');
    assert.match(await text(page, '[data-testid=judul-evaluasi-tim]'), /Evaluasi tim/);
    const baris = page.locator(`[data-testid=baris-evaluasi][data-nip="${pl.username}"]`);
    assert.equal(await baris.count(), 1, 'the Pelaksana is in the team');
    assert.match(await baris.locator('[data-testid=status-evaluasi]').innerText(), /Belum dinilai/);
    const unit = await baris.getAttribute('data-capaian-unit');
    assert.ok(unit, 'the row names the unit whose capaian applies');
    const sebelum = await dinilai(page, unit);
    // The suggestion is preselected; the reasons are one click away.
    const saranHk = await baris.locator('select[name=rating_hasil_kerja]').inputValue();
    assert.equal(saranHk, await baris.locator('select[name=rating_hasil_kerja] option', { hasText: '(saran)' }).getAttribute('value'));
    await baris.locator('[data-testid=saran] summary').click();
    assert.ok((await baris.locator('[data-testid=alasan-saran] li').count()) > 0, 'the suggestion gives its reasons');
    await page.screenshot({ path: `${RESULTS_DIR}/evaluasi-a-tim-sebelum.png`, fullPage: true });
    await kirim(page, `[data-testid=baris-evaluasi][data-nip="${pl.username}"] [data-testid=simpan-nilai]`);
    assert.equal(new URL(page.url()).pathname, '/evaluasi');
    const lagi = page.locator(`[data-testid=baris-evaluasi][data-nip="${pl.username}"]`);
    assert.match(await lagi.locator('[data-testid=status-evaluasi]').innerText(), /Draf penilaian/);
    assert.ok((await lagi.locator('[data-testid=predikat]').innerText()).length > 0, 'the predikat is shown');
    assert.equal(await dinilai(page, unit), sebelum + 1, 'the curve counts the new rating');
    await page.screenshot({ path: `${RESULTS_DIR}/evaluasi-a-tim-sesudah.png`, fullPage: true });
    // The evaluation page: everything it rests on, then the signature.
    await kirim(page, `[data-testid=baris-evaluasi][data-nip="${pl.username}"] [data-testid=tautan-detail]`);
    halaman = new URL(page.url()).pathname;
    assert.match(halaman, new RegExp(`^/evaluasi/skp/\\d+/${KINI}$`));
    assert.ok((await page.locator('[data-testid=alasan-saran-hasil-kerja] li').count()) > 0);
    assert.ok((await page.locator('[data-testid=rhk]').count()) > 0, 'the RHK with their realisation');
    await kirim(page, '[data-testid=tandatangani]');
    assert.match(await text(page, '[data-testid=status-evaluasi]'), /Ditandatangani pejabat penilai/);
    assert.notEqual(await text(page, '[data-testid=ttd-penilai]'), '—');
    assert.equal(await page.locator('[data-testid=form-nilai]').count(), 0, 'signed: locked');
    await page.screenshot({ path: `${RESULTS_DIR}/evaluasi-a-detail.png`, fullPage: true });
  } finally {
    await context.close();
  }
  // The team page on a phone-wide screen.
  const hp = await signedIn('Kepala Seksi', { width: 390, height: 844 });
  try {
    await hp.page.goto(url('/evaluasi'));
    await hp.page.screenshot({ path: `${RESULTS_DIR}/evaluasi-a-tim-ponsel.png`, fullPage: true });
    await hp.page.screenshot({ path: `${RESULTS_DIR}/evaluasi-a-tim-ponsel-atas.png` });
    const dinilaiBaris = hp.page.locator('[data-testid=baris-evaluasi]', { has: hp.page.locator('[data-testid=form-nilai]') }).first();
    await dinilaiBaris.screenshot({ path: `${RESULTS_DIR}/evaluasi-a-tim-ponsel-baris.png` });
    await hp.page.locator('[data-testid=kurva]').first().screenshot({ path: `${RESULTS_DIR}/evaluasi-a-tim-ponsel-kurva.png` });
    const lebar = await hp.page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(lebar <= 400, `the page itself does not scroll sideways on a phone (${lebar}px)`);
  } finally {
    await hp.context.close();
  }
  await bukaKembali(halaman, 'Realisasi bulan berjalan belum lengkap');
});

test('(b) evaluasi tahunan: penilaian berbeda dari saran perlu alasan; pegawai menandatangani dokumen', async () => {
  const pl = login('Pelaksana');
  const penilai = await signedIn('Kepala Seksi');
  let halaman;
  try {
    const { page } = penilai;
    await page.goto(url(`/evaluasi?periode=${TAHUN}`));
    assert.match(await text(page, '[data-testid=judul-evaluasi-tim]'), new RegExp(`Januari s\\.d\\. Desember ${TAHUN}`));
    await kirim(page, `[data-testid=baris-evaluasi][data-nip="${pl.username}"] [data-testid=tautan-detail]`);
    halaman = new URL(page.url()).pathname;
    assert.match(halaman, new RegExp(`^/evaluasi/skp/\\d+/${TAHUN}$`));
    const saranHk = await page.locator('#nilai-hk').inputValue();
    await page.selectOption('#nilai-hk', lainDari(saranHk));
    await page.fill('#nilai-ahk', '');
    await page.fill('#nilai-catatan', 'Kinerja tahunan stabil');
    await kirim(page, '[data-testid=simpan-nilai]');
    assert.match(await text(page, '[data-testid=galat-form]'), /berbeda dari saran/);
    assert.equal(await page.locator('#nilai-hk').inputValue(), lainDari(saranHk), 'what was chosen is kept');
    assert.equal(await page.locator('#nilai-catatan').inputValue(), 'Kinerja tahunan stabil');
    await page.screenshot({ path: `${RESULTS_DIR}/evaluasi-b-alasan-wajib.png`, fullPage: true });
    await page.fill('#nilai-ahk', 'Target layanan tahunan terlampaui dengan bukti lengkap');
    await kirim(page, '[data-testid=simpan-nilai]');
    assert.equal(await page.locator('[data-testid=galat-form]').count(), 0);
    assert.match(await text(page, '[data-testid=rating-hasil-kerja]'), /Target layanan tahunan terlampaui/);
    await kirim(page, '[data-testid=tandatangani]');
    assert.match(await text(page, '[data-testid=status-evaluasi]'), /Ditandatangani pejabat penilai/);
  } finally {
    await penilai.context.close();
  }
  const pegawai = await signedIn('Pelaksana');
  try {
    const { page } = pegawai;
    await page.click('nav >> text=Evaluasi saya');
    await page.waitForURL((u) => u.pathname === '/evaluasi/saya');
    await kirim(page, `[data-testid=baris-evaluasi-saya][data-periode="${TAHUN}"] [data-testid=buka-evaluasi]`);
    assert.equal(new URL(page.url()).pathname, halaman);
    assert.match(await text(page, '[data-testid=keterangan-terima]'), /bukan berarti Anda menyetujuinya/);
    assert.equal(await page.locator('[data-testid=form-nilai]').count(), 0, 'the pegawai does not rate');
    await kirim(page, '[data-testid=terima]');
    assert.match(await text(page, '[data-testid=status-evaluasi]'), /Diterima pegawai/);
    assert.notEqual(await text(page, '[data-testid=ttd-pegawai]'), '—');
    await page.screenshot({ path: `${RESULTS_DIR}/evaluasi-b-diterima.png`, fullPage: true });
  } finally {
    await pegawai.context.close();
  }
  await bukaKembali(halaman, 'Evaluasi tahunan dinilai setelah Desember');
});

test('(c) keberatan: pegawai mengajukan; atasan pejabat penilai menanggapi dan mengabulkan', { skip: LALU === null && 'no previous month in January' }, async () => {
  const pl = login('Pelaksana');
  const pegawai = await signedIn('Pelaksana');
  try {
    const { page } = pegawai;
    await page.goto(url(`/evaluasi/saya?tahun=${TAHUN}`));
    await kirim(page, `[data-testid=baris-evaluasi-saya][data-periode="${LALU}"] [data-testid=buka-evaluasi]`);
    assert.match(await text(page, '[data-testid=batas-keberatan]'), /paling lambat \d+ \S+ \d{4}/);
    await page.fill('#keberatan-alasan', 'Laporan kesiapsiagaan bulan lalu sudah lengkap dengan bukti, belum dipertimbangkan');
    await kirim(page, '[data-testid=ajukan-keberatan]');
    assert.match(await text(page, '[data-testid=status-keberatan]'), /Diajukan/);
    await page.screenshot({ path: `${RESULTS_DIR}/evaluasi-c-keberatan-diajukan.png`, fullPage: true });
  } finally {
    await pegawai.context.close();
  }
  const atasan = await signedIn('Kepala Bidang');
  try {
    const { page } = atasan;
    await page.click('nav >> text=Keberatan');
    await page.waitForURL((u) => u.pathname === '/keberatan');
    const baris = page.locator('[data-testid=baris-keberatan]', { hasText: pl.name }).filter({ hasText: 'Diajukan' });
    assert.equal(await baris.count(), 1, 'the Pelaksana\'s keberatan is waiting for the atasan');
    await kirim(page, `[data-testid=baris-keberatan][data-id="${await baris.getAttribute('data-id')}"] [data-testid=buka-keberatan]`);
    assert.match(await text(page, '[data-testid=alasan-keberatan]'), /belum dipertimbangkan/);
    const semula = await text(page, '[data-testid=predikat-semula]');
    await page.fill('#tanggapan-isi', 'Bukti dukung bulan lalu sudah saya periksa bersama pejabat penilai');
    await kirim(page, '[data-testid=kirim-tanggapan]');
    assert.match(await text(page, '[data-testid=komentar]'), /Atasan pejabat penilai/);
    const hk = lainDari(await page.locator('#putusan-hk').inputValue());
    await page.check('[data-testid=putusan-dikabulkan]');
    await page.selectOption('#putusan-hk', hk);
    await page.fill('#putusan-alasan', 'Bukti dukung lengkap dan relevan dengan RHK');
    await kirim(page, '[data-testid=kirim-putusan]');
    assert.match(await text(page, '[data-testid=status-putusan]'), /Dikabulkan/);
    assert.match(await text(page, '[data-testid=putusan-final]'), /bersifat final/);
    assert.equal(await text(page, '[data-testid=predikat-semula]'), semula, 'the original result stays on record');
    assert.ok((await text(page, '[data-testid=predikat-baru]')).length > 0);
    assert.equal(await page.locator('[data-testid=form-putusan]').count(), 0, 'decided once');
    await page.screenshot({ path: `${RESULTS_DIR}/evaluasi-c-putusan.png`, fullPage: true });
  } finally {
    await atasan.context.close();
  }
});

test('(d) kepala perangkat daerah melihat distribusi setiap unit dan peringkatnya', { skip: LALU === null && 'no previous month in January' }, async () => {
  const { context, page } = await signedIn('Kepala Dinas');
  try {
    await page.click('nav >> text=Distribusi');
    await page.waitForURL((u) => u.pathname === '/distribusi');
    await page.selectOption('#pilih-periode', LALU);
    await kirim(page, '[data-testid=form-periode] button[type=submit]');
    assert.equal(new URL(page.url()).searchParams.get('periode'), LALU);
    const menyimpang = Number(await text(page, '[data-testid=jumlah-menyimpang]'));
    assert.ok(menyimpang > 0, 'the demo has units off their guideline');
    const pertama = page.locator('[data-testid=kurva-unit] [data-testid=kurva]').first();
    assert.ok((await pertama.locator('[data-testid=petunjuk]').count()) > 0, 'units off the guideline first, with hints');
    assert.equal(await pertama.locator('svg').count(), 1);
    await page.screenshot({ path: `${RESULTS_DIR}/evaluasi-d-distribusi.png`, fullPage: true });
    const unit = await pertama.getAttribute('data-unit');
    await kirim(page, `[data-testid=kurva-unit] [data-testid=kurva][data-unit="${unit}"] [data-testid=tautan-peringkat]`);
    const u = new URL(page.url());
    assert.equal(u.pathname, '/peringkat');
    assert.equal(u.searchParams.get('unit'), unit);
    assert.ok((await page.locator('[data-testid=baris-peringkat]').count()) > 0);
    assert.equal(await text(page, '[data-testid=nomor-peringkat]'), '1');
    await page.screenshot({ path: `${RESULTS_DIR}/evaluasi-d-peringkat.png`, fullPage: true });
  } finally {
    await context.close();
  }
});

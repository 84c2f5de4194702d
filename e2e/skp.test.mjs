// Browser journeys through the planning stage (SKP): a pegawai drafts and submits, the rater
// returns and sets, the rater fills the matriks peran hasil, and an assignment from another
// leader goes through the rater.
//
// Run with `bash e2e/run.sh` (see journey.test.mjs for running by hand). The journeys share one
// fresh demo database and run IN ORDER (node:test runs the tests of a file one after another):
//   (a) the JF pegawai starts the 2026 SKP, adds an RHK, fills the lampiran and submits;
//   (b) the Kepala Seksi (the JF's rater) returns it with a note; the pegawai edits and
//       resubmits; the rater sets it (version 1);
//   (c) the rater starts their own SKP with an RHK, opens a revision of the JF's set SKP and adds
//       a matriks cell for the JF, which then shows on the JF's SKP;
//   (d) the Kepala Dinas assigns work to the JF; the JF does not see it; the rater accepts it and
//       it becomes an RHK tambahan naming the Kepala Dinas.
// (c) and (d) only need the JF's SKP to exist; `skpPegawai` creates it when run on their own.

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

/** Submit the form holding `selector` and wait for the page it leads to. */
async function kirim(page, selector) {
  await Promise.all([page.waitForLoadState('load'), page.waitForNavigation(), page.click(selector)]);
}

/** On /skp as the signed-in pegawai: open the year's SKP, starting it first if there is none. */
async function skpSendiri(page) {
  await page.goto(url(`/skp?tahun=${TAHUN}`));
  if (await page.$('[data-testid=form-mulai-skp]')) {
    assert.ok(await page.isChecked('[data-testid=form-mulai-skp] input[name=salin_tahun_lalu]'), 'copy from last year is ticked by default');
    await kirim(page, '[data-testid=form-mulai-skp] button[type=submit]');
  } else {
    await kirim(page, '[data-testid=buka-skp]');
  }
  assert.match(new URL(page.url()).pathname, /^\/skp\/\d+$/);
  return new URL(page.url()).pathname;
}

/** Add an RHK with its first IKI through the "Tambah RHK" form of the SKP page. */
async function tambahRhk(page, { uraian, indikator, target, aspek = 'kuantitas' }) {
  const form = '[data-testid=form-rhk-baru]';
  if (!(await page.isVisible(form))) await page.click('#rhk-baru > summary');
  await page.selectOption('#rhk-baru-jenis', 'utama');
  await page.fill('#rhk-baru-uraian', uraian);
  await page.selectOption('#rhk-baru-iki-aspek', aspek);
  await page.fill('#rhk-baru-iki-indikator', indikator);
  await page.fill('#rhk-baru-iki-target', target);
  await kirim(page, `${form} button[type=submit]`);
}

/** The JF's SKP path, created by the JF when it does not exist yet. */
async function skpPegawai() {
  const { context, page } = await signedIn('Jabatan Fungsional');
  try {
    return await skpSendiri(page);
  } finally {
    await context.close();
  }
}

let skpJf; // "/skp/<id>" of the JF's 2026 SKP, set by (a)

test('(a) pegawai JF memulai SKP 2026, menambah RHK dengan target rentang, mengisi lampiran, lalu mengajukan', async () => {
  const { context, page } = await signedIn('Jabatan Fungsional');
  try {
    await Promise.all([page.waitForNavigation(), page.click('header nav a[href="/skp"]')]);
    assert.ok((await text(page, 'h1')).startsWith('SKP Saya'));
    skpJf = await skpSendiri(page);
    assert.equal(await text(page, '[data-testid=status-skp]'), 'Draf');

    await tambahRhk(page, {
      uraian: 'Tersedianya aplikasi layanan publik yang andal',
      indikator: 'Persentase ketersediaan aplikasi layanan',
      target: '90–95 %',
    });
    assert.equal(await text(page, '[data-testid=rhk] [data-testid=rhk-uraian]'), 'Tersedianya aplikasi layanan publik yang andal');
    assert.equal(await text(page, '[data-testid=rhk] [data-testid=iki-target]'), '90–95 %');

    await page.fill('#lampiran-dukungan_sumber_daya', 'Server aplikasi\nAnggaran pemeliharaan');
    await page.fill('#lampiran-skema_pertanggungjawaban', 'Laporan bulanan kepada Kepala Seksi');
    await page.fill('#lampiran-konsekuensi', 'Teguran bila target tidak tercapai');
    await kirim(page, '[data-testid=form-lampiran] button[type=submit]');
    assert.equal(await page.inputValue('#lampiran-dukungan_sumber_daya'), 'Server aplikasi\nAnggaran pemeliharaan');

    await page.screenshot({ path: `${RESULTS_DIR}skp-pegawai-draf.png`, fullPage: true });
    await kirim(page, '[data-testid=ajukan]');
    assert.equal(await text(page, '[data-testid=status-skp]'), 'Diajukan');
    assert.equal(await page.$('[data-testid=form-rhk-baru]'), null, 'a submitted SKP is not edited');
  } finally {
    await context.close();
  }
});

test('(b) Kepala Seksi mengembalikan dengan catatan; pegawai memperbaiki dan mengajukan lagi; Kepala Seksi menetapkan (versi 1)', async () => {
  const jf = login('Jabatan Fungsional');
  const catatan = 'Perjelas uraian RHK: sebutkan aplikasi yang dimaksud.';
  const penilai = await signedIn('Kepala Seksi');
  const pegawai = await signedIn('Jabatan Fungsional');
  try {
    // The rater finds the JF in "SKP tim yang saya nilai" and opens the SKP.
    await penilai.page.goto(url(`/skp?tahun=${TAHUN}`));
    const tim = await text(penilai.page, '[data-testid=skp-tim]');
    assert.ok(tim.includes(jf.name) && tim.includes('Diajukan'), tim);
    await kirim(penilai.page, `[data-testid=skp-tim] a[href="${skpJf}"]`);
    await penilai.page.fill('#kembalikan-catatan', catatan);
    await kirim(penilai.page, '[data-testid=kembalikan]');
    assert.equal(await text(penilai.page, '[data-testid=status-skp]'), 'Dikembalikan');

    // The pegawai sees the note, edits the RHK and submits again.
    await pegawai.page.goto(url(skpJf));
    assert.ok((await text(pegawai.page, '[data-testid=catatan-pengembalian]')).includes(catatan));
    const rhk = pegawai.page.locator('[data-testid=rhk]').first();
    await rhk.locator('.aksi-rhk summary', { hasText: 'Ubah RHK' }).click();
    const ubah = rhk.locator('.aksi-rhk form[action*="/ubah"]');
    await ubah.locator('textarea[name=uraian]').fill('Tersedianya aplikasi layanan perizinan daring yang andal');
    await Promise.all([pegawai.page.waitForNavigation(), ubah.locator('button[type=submit]').click()]);
    assert.equal(await text(pegawai.page, '[data-testid=rhk] [data-testid=rhk-uraian]'), 'Tersedianya aplikasi layanan perizinan daring yang andal');
    await kirim(pegawai.page, '[data-testid=ajukan]');
    assert.equal(await text(pegawai.page, '[data-testid=status-skp]'), 'Diajukan');

    // The rater sets it: version 1, listed in the history and readable.
    await penilai.page.goto(url(skpJf));
    await kirim(penilai.page, '[data-testid=tetapkan]');
    assert.equal(await text(penilai.page, '[data-testid=status-skp]'), 'Ditetapkan');
    assert.equal(await text(penilai.page, '[data-testid=versi-ditetapkan]'), 'Versi ditetapkan: 1');
    await penilai.page.screenshot({ path: `${RESULTS_DIR}skp-ditetapkan.png`, fullPage: true });

    await pegawai.page.goto(url(skpJf));
    assert.equal(await text(pegawai.page, '[data-testid=versi-ditetapkan]'), 'Versi ditetapkan: 1');
    await kirim(pegawai.page, `[data-testid=riwayat-versi] a[href="${skpJf}/versi/1"]`);
    assert.ok((await text(pegawai.page, 'h1')).endsWith('Versi 1'));
    assert.ok((await text(pegawai.page, 'main')).includes('Tersedianya aplikasi layanan perizinan daring yang andal'));
  } finally {
    await penilai.context.close();
    await pegawai.context.close();
  }
});

test('(c) Kepala Seksi menyusun SKP-nya, lalu mengisi sel matriks peran hasil untuk pegawai JF', async () => {
  const jf = login('Jabatan Fungsional');
  const skp = skpJf ?? (await skpPegawai());
  const { context, page } = await signedIn('Kepala Seksi');
  try {
    // The leader's own SKP with one RHK: the column of the matriks.
    await skpSendiri(page);
    const kolom = 'Terkelolanya infrastruktur aplikasi Dinas';
    if (!(await text(page, '#hasil-kerja')).includes(kolom)) {
      await tambahRhk(page, { uraian: kolom, indikator: 'Jumlah aplikasi yang dikelola', target: '10 aplikasi' });
    }

    // A set SKP changes only through a revision: the rater opens one first.
    await page.goto(url(skp));
    if ((await text(page, '[data-testid=status-skp]')) === 'Ditetapkan') {
      await page.fill('#revisi-alasan', 'Penyelarasan dengan matriks peran hasil seksi');
      await kirim(page, '[data-testid=revisi]');
      assert.equal(await text(page, '[data-testid=status-skp]'), 'Revisi');
    }

    await page.goto(url(`/skp?tahun=${TAHUN}`));
    await kirim(page, '[data-testid=tautan-matriks]');
    assert.equal(await text(page, 'h1'), `Matriks Peran Hasil ${TAHUN}`);
    assert.ok((await text(page, '[data-testid=kolom]')).includes(kolom));
    const baris = page.locator(`[data-testid="baris-${jf.username}"]`);
    const sel = baris.locator('[data-testid=sel]').first();
    await sel.locator('summary', { hasText: 'Tambah RHK' }).click();
    const form = sel.locator('[data-testid=form-sel]').last();
    await form.locator('textarea[name=uraian]').fill('Terpeliharanya server aplikasi perizinan');
    await form.locator('select[name=dasar_kaskade]').selectOption('tahapan');
    await form.locator('select[name=aspek]').selectOption('kuantitas');
    await form.locator('textarea[name=indikator]').fill('Jumlah laporan pemeliharaan server');
    await form.locator('input[name=target]').fill('12 laporan');
    await Promise.all([page.waitForNavigation(), form.locator('button[type=submit]').click()]);
    assert.ok((await text(page, `[data-testid="baris-${jf.username}"]`)).includes('Terpeliharanya server aplikasi perizinan'));
    await page.screenshot({ path: `${RESULTS_DIR}matriks.png`, fullPage: true });
  } finally {
    await context.close();
  }

  // One record, two views: the cell is an RHK of the JF's SKP naming the leader's RHK.
  const pegawai = await signedIn('Jabatan Fungsional');
  try {
    await pegawai.page.goto(url(skp));
    const rhk = pegawai.page.locator('[data-testid=rhk]', { hasText: 'Terpeliharanya server aplikasi perizinan' });
    assert.equal(await rhk.count(), 1);
    assert.ok((await rhk.locator('[data-testid=rhk-intervensi]').textContent()).includes('Terkelolanya infrastruktur aplikasi Dinas'));
  } finally {
    await pegawai.context.close();
  }
});

test('(d) penugasan dari Kepala Dinas melalui pejabat penilai menjadi RHK tambahan pegawai JF', async () => {
  const jf = login('Jabatan Fungsional');
  const kadis = login('Kepala Dinas');
  const uraian = 'Menyusun kajian keamanan aplikasi perizinan';
  const skp = skpJf ?? (await skpPegawai());

  const pemberi = await signedIn('Kepala Dinas');
  try {
    await Promise.all([pemberi.page.waitForNavigation(), pemberi.page.click('header nav a[href="/penugasan"]')]);
    await pemberi.page.click('[data-testid=kotak-keluar] details > summary');
    await pemberi.page.fill('#buat-nip', jf.username);
    await pemberi.page.fill('#buat-tahun', String(TAHUN));
    await pemberi.page.fill('#buat-uraian', uraian);
    await pemberi.page.fill('#buat-ekspektasi', 'Dokumen kajian selesai pada triwulan III');
    await kirim(pemberi.page, '[data-testid=form-penugasan] button[type=submit]');
    const keluar = await text(pemberi.page, '[data-testid=kotak-keluar]');
    assert.ok(keluar.includes(uraian) && keluar.includes('Menunggu pejabat penilai'), keluar);
  } finally {
    await pemberi.context.close();
  }

  // It never reaches the pegawai without the rater.
  const pegawai = await signedIn('Jabatan Fungsional');
  try {
    await pegawai.page.goto(url(`/penugasan?tahun=${TAHUN}`));
    assert.ok(!(await text(pegawai.page, 'main')).includes(uraian), 'not visible to the pegawai before the rater decides');
  } finally {
    await pegawai.context.close();
  }

  const penilai = await signedIn('Kepala Seksi');
  try {
    await penilai.page.goto(url(`/penugasan?tahun=${TAHUN}`));
    const item = penilai.page.locator('[data-testid=kotak-masuk] [data-testid=penugasan]', { hasText: uraian });
    assert.equal(await item.count(), 1);
    const form = item.locator('[data-testid=form-terima]');
    await form.locator('select[name=aspek]').selectOption('kualitas');
    await form.locator('textarea[name=indikator]').fill('Dokumen kajian yang disetujui Kepala Dinas');
    await form.locator('input[name=target]').fill('1 dokumen');
    await penilai.page.screenshot({ path: `${RESULTS_DIR}penugasan-penilai.png`, fullPage: true });
    await Promise.all([penilai.page.waitForNavigation(), form.locator('[data-testid=terima]').click()]);
    assert.equal(await penilai.page.locator('[data-testid=kotak-masuk] [data-testid=penugasan]', { hasText: uraian }).count(), 0);
  } finally {
    await penilai.context.close();
  }

  const lagi = await signedIn('Jabatan Fungsional');
  try {
    await lagi.page.goto(url(skp));
    const rhk = lagi.page.locator('[data-testid=rhk]', { hasText: uraian });
    assert.equal(await rhk.count(), 1);
    assert.ok((await rhk.locator('h3 .lencana').textContent()).includes('Tambahan'));
    assert.ok((await rhk.locator('[data-testid=rhk-penugasan-dari]').textContent()).includes(kadis.name));
    await lagi.page.goto(url(`/penugasan?tahun=${TAHUN}`));
    const saya = await text(lagi.page, '[data-testid=kotak-saya]');
    assert.ok(saya.includes(uraian) && saya.includes('Diterima'), saya);
    await lagi.page.setViewportSize({ width: 390, height: 844 });
    await lagi.page.goto(url(skp));
    await lagi.page.screenshot({ path: `${RESULTS_DIR}skp-pegawai-ponsel.png`, fullPage: true });
  } finally {
    await lagi.context.close();
  }
});

// Browser journeys through the monitoring dashboards ("Pemantauan"), on the demo's 2026 data:
//   (a) the BKPSDM admin opens Pemantauan from the menu (this month by default), picks last
//       month, drills from the instansi to the demo perangkat daerah, to its bidang, to the
//       Kepala Seksi's unit, finds the Pelaksana's row (SKP, documentation, evaluation), follows
//       the breadcrumbs back, downloads the unit table (XLSX) and the pegawai list (CSV), and
//       opens the Pelaksana's pegawai page from the row; the same unit on a phone-wide screen;
//   (b) the Kepala Bidang sees their own bidang as their whole scope; a unit above it is refused.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { RESULTS_DIR, login, launchBrowser, url, text, signedIn as signedInAs } from './demo.mjs';

const hariIni = new Date(Date.now() + 7 * 3600 * 1000); // WIB, as the server counts days
const BULAN = hariIni.getUTCMonth() + 1;
const TAHUN = hariIni.getUTCFullYear();
const KINI = `${TAHUN}-${String(BULAN).padStart(2, '0')}`;
const LALU = BULAN > 1 ? `${TAHUN}-${String(BULAN - 1).padStart(2, '0')}` : null;

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

const signedIn = (role, viewport) => signedInAs(browser, role, viewport);

/** The unit a demo head leads, from their position's name ("Kepala Seksi X" → "Seksi X"). */
const unitDari = (role) => login(role).jabatan.replace(/^Kepala\s+/, '');

async function klik(page, locator) {
  await Promise.all([page.waitForNavigation(), locator.click()]);
}

/** Drill into the row of the unit table whose link reads `nama`. */
async function turunKe(page, nama) {
  const tautan = page.locator('[data-testid=baris-unit] [data-testid=tautan-unit]', { hasText: nama });
  assert.equal(await tautan.count(), 1, `a row for ${nama}`);
  await klik(page, tautan);
  assert.equal(await text(page, '[data-testid=remah-ini]'), nama);
}

test('(a) BKPSDM: instansi → perangkat daerah → bidang → seksi → pegawai, with exports', { skip: !LALU }, async () => {
  const pl = login('Pelaksana');
  const { context, page } = await signedIn('Admin BKPSDM');
  try {
    await klik(page, page.locator('[data-testid=nav-pemantauan]'));
    assert.equal(new URL(page.url()).pathname, '/pemantauan');
    assert.match(await text(page, '[data-testid=judul-pemantauan]'), /Seluruh instansi/);
    assert.equal(await page.inputValue('#pilih-periode'), KINI, 'this month by default');
    const pegawai = Number(await text(page, '[data-testid=angka-pegawai] strong'));
    assert.ok(pegawai > 1000, `the whole instansi: ${pegawai}`);

    // Last month, from the period form (a plain GET form).
    await page.selectOption('#pilih-periode', LALU);
    await klik(page, page.locator('[data-testid=form-periode] button[type=submit]'));
    assert.equal(new URL(page.url()).searchParams.get('periode'), LALU);
    assert.match(await text(page, '[data-testid=angka-evaluasi]'), /\d+%/);
    assert.ok(Number(await text(page, '[data-testid=total-menyimpang]')) > 0, 'units off their curve last month');
    await page.screenshot({ path: `${RESULTS_DIR}/pemantauan-a-instansi.png`, fullPage: true });

    // Drill down by the rows' links.
    const pd = unitDari('Kepala Dinas');
    await turunKe(page, pd);
    const bidang = unitDari('Kepala Bidang');
    await turunKe(page, bidang);
    const seksi = unitDari('Kepala Seksi');
    await turunKe(page, seksi);
    assert.deepEqual(
      await page.locator('[data-testid=remah-tautan]').allInnerTexts(),
      ['Seluruh instansi', pd, bidang],
      'breadcrumbs from the instansi down',
    );

    // The Pelaksana's row: a set SKP, last month documented and evaluated, links to the pages.
    const baris = page.locator(`[data-testid=baris-pegawai][data-nip="${pl.username}"]`);
    assert.equal(await baris.count(), 1, 'the Pelaksana is listed in their unit');
    assert.match(await baris.locator('[data-testid=sel-status-skp]').innerText(), /Ditetapkan/);
    assert.match(await baris.locator('[data-testid=sel-dokumentasi]').innerText(), /Sudah/);
    assert.match(await baris.locator('[data-testid=sel-evaluasi]').innerText(), /Ditandatangani|Diterima/);
    assert.ok((await baris.locator('[data-testid=sel-predikat]').innerText()).trim().length > 1, 'a predikat');
    assert.match(await baris.locator('[data-testid=tautan-evaluasi]').getAttribute('href'), new RegExp(`^/evaluasi/skp/\\d+/${LALU}$`));
    await page.screenshot({ path: `${RESULTS_DIR}/pemantauan-a-seksi.png`, fullPage: true });

    // The exports of this view: the unit table as XLSX, the pegawai list as CSV.
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=unduh-unit]')]);
    assert.match(xlsx.suggestedFilename(), new RegExp(`^pemantauan-unit-${LALU}-unit-\\d+\\.xlsx$`));
    const isiXlsx = readFileSync(await xlsx.path());
    assert.equal(isiXlsx.subarray(0, 2).toString(), 'PK', 'an XLSX (zip) file');
    await page.selectOption('#ekspor-format', 'csv');
    const [unduhan] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=unduh-pegawai]')]);
    assert.match(unduhan.suggestedFilename(), new RegExp(`^pemantauan-pegawai-${LALU}-unit-\\d+\\.csv$`));
    const csv = readFileSync(await unduhan.path(), 'utf8').replace(/^\uFEFF/, '');
    const baris_csv = csv.trim().split(/\r?\n/);
    assert.match(baris_csv[0], /^No,NIP,Nama,Jabatan,Unit Kerja,Status SKP/);
    assert.ok(baris_csv.some((b) => b.includes(pl.username)), 'the Pelaksana in the list');
    assert.equal(baris_csv.length - 1, await page.locator('[data-testid=baris-pegawai]').count(), 'a leaf unit: its own pegawai');

    // Back up by the breadcrumbs, then to the Pelaksana's page from their row.
    await klik(page, page.locator('[data-testid=remah-tautan]', { hasText: bidang }));
    assert.equal(await text(page, '[data-testid=remah-ini]'), bidang);
    await turunKe(page, seksi);
    await klik(page, page.locator(`[data-testid=baris-pegawai][data-nip="${pl.username}"] [data-testid=tautan-pegawai]`));
    assert.equal(new URL(page.url()).pathname, `/pegawai/${pl.username}`);
    assert.match(await page.content(), new RegExp(pl.name));
  } finally {
    await context.close();
  }

  // The same unit on a phone: the tables stack, the numbers stay.
  const hp = await signedIn('Admin BKPSDM', { width: 390, height: 844 });
  try {
    await hp.page.goto(url(`/pemantauan?periode=${LALU}`));
    await turunKe(hp.page, unitDari('Kepala Dinas'));
    const lebar = await hp.page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(lebar <= 400, `no sideways scrolling on a phone (${lebar}px)`);
    assert.ok(await hp.page.locator('[data-testid=baris-unit] progress').first().isVisible(), 'progress bars shown');
    await hp.page.screenshot({ path: `${RESULTS_DIR}/pemantauan-a-ponsel.png`, fullPage: true });
  } finally {
    await hp.context.close();
  }
});

test('(b) a Kepala Bidang sees their bidang as their scope; the unit above is refused', { skip: !LALU }, async () => {
  const { context, page } = await signedIn('Kepala Bidang');
  try {
    await klik(page, page.locator('[data-testid=nav-pemantauan]'));
    assert.match(await text(page, '[data-testid=judul-pemantauan]'), /Seluruh lingkup Anda/);
    const baris = page.locator('[data-testid=baris-unit]');
    assert.ok((await baris.count()) > 0, 'the bidang\'s seksi are the rows');
    // Another unit by its id: the one a row of the admin's instansi view links to.
    const admin = await signedIn('Admin BKPSDM');
    let lain;
    try {
      await admin.page.goto(url(`/pemantauan?periode=${LALU}`));
      lain = await admin.page.locator('[data-testid=tautan-unit]', { hasText: unitDari('Kepala Dinas') }).getAttribute('href');
    } finally {
      await admin.context.close();
    }
    const r = await page.goto(url(lain));
    assert.equal(r.status(), 403, 'a unit above the head\'s own');
  } finally {
    await context.close();
  }
});

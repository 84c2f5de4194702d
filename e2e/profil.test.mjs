// Browser journey through the policy profile (HR admin), on next year only (no other journey
// reads next year's profile):
//   the BKPSDM admin creates next year's version (a copy of this year's), fills the TPP
//   deduction table and sees it saved; a table that leaves a predikat out comes back with the
//   message by its row, the other typed values kept, and nothing saved; the page works at a
//   phone's width without JavaScript.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { RESULTS_DIR, launchBrowser, url, text, signedIn as signedInAs } from './demo.mjs';

const hariIni = new Date(Date.now() + 7 * 3600 * 1000); // WIB, as the server counts years
const TAHUN = hariIni.getUTCFullYear() + 1;

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

const signedIn = (role, viewport) => signedInAs(browser, role, viewport);

test('admin edits next year\'s TPP table and sees it saved; a bad table shows the message', async () => {
  const { context, page } = await signedIn('Admin BKPSDM');
  try {
    await page.goto(url('/'));
    await Promise.all([page.waitForURL((u) => u.pathname === '/profil'), page.click('[data-testid="nav-profil"]')]);
    assert.match(await text(page, '[data-testid="judul-profil"]'), /Profil kebijakan/);

    // A version for next year, starting as a copy of the one in force.
    await page.fill('#baru-tahun', String(TAHUN));
    await Promise.all([page.waitForURL((u) => u.searchParams.get('tahun') === String(TAHUN)), page.click('[data-testid="buat-versi"]')]);
    assert.match(await text(page, '[data-testid="pesan-disimpan"]'), /Versi baru dibuat/);
    assert.match(await text(page, '[data-testid="berlaku-sejak"]'), new RegExp(`${TAHUN}`));
    assert.equal(await page.inputValue('[data-testid="tpp-kurang"]'), '0', 'the default deducts nothing');

    // The TPP table: saved, and there after a reload.
    await page.fill('[data-testid="tpp-butuh_perbaikan"]', '10');
    await page.fill('[data-testid="tpp-kurang"]', '25');
    await page.fill('[data-testid="tpp-sangat_kurang"]', '50');
    await Promise.all([page.waitForURL((u) => u.searchParams.get('disimpan') === 'profil'), page.click('[data-testid="simpan-profil"]')]);
    assert.match(await text(page, '[data-testid="pesan-disimpan"]'), /Profil tersimpan/);
    await page.goto(url(`/profil?tahun=${TAHUN}`));
    assert.equal(await page.inputValue('[data-testid="tpp-kurang"]'), '25');
    assert.equal(await page.inputValue('[data-testid="tpp-sangat_kurang"]'), '50');
    assert.equal(await text(page, `[data-testid="versi-${TAHUN}"] td:nth-child(2)`), '2', 'the year\'s version counter moved on');

    // A table without Kurang: the message by its row, the typed values kept, nothing saved.
    await page.fill('[data-testid="tpp-kurang"]', '');
    await page.fill('#tempat-dokumen', 'Kota Bekasi Ketikan');
    await Promise.all([page.waitForLoadState('domcontentloaded'), page.click('[data-testid="simpan-profil"]')]);
    await page.waitForSelector('[data-testid="galat-tpp.kurang"]');
    assert.equal(await text(page, '[data-testid="galat-tpp.kurang"]'), 'Tabel potongan TPP belum memuat predikat Kurang');
    assert.equal(await page.getAttribute('[data-testid="tpp-kurang"]', 'aria-invalid'), 'true');
    assert.equal(await page.inputValue('#tempat-dokumen'), 'Kota Bekasi Ketikan');
    assert.equal(await page.inputValue('[data-testid="tpp-sangat_kurang"]'), '50');
    await page.screenshot({ path: `${RESULTS_DIR}/profil-galat.png`, fullPage: true });
    await page.goto(url(`/profil?tahun=${TAHUN}`));
    assert.equal(await page.inputValue('[data-testid="tpp-kurang"]'), '25', 'the refused table was not saved');
    assert.notEqual(await page.inputValue('#tempat-dokumen'), 'Kota Bekasi Ketikan');
  } finally {
    await context.close();
  }
});

test('the profile page at a phone\'s width', async () => {
  const { context, page } = await signedIn('Admin BKPSDM', { width: 390, height: 844 });
  try {
    await page.goto(url(`/profil?tahun=${TAHUN}`));
    assert.match(await text(page, '[data-testid="judul-profil"]'), /Profil kebijakan/);
    const lebar = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(lebar <= 400, `no sideways scrolling of the page (${lebar}px)`);
    assert.equal(await page.locator('script').count(), 0, 'no JavaScript');
    await page.screenshot({ path: `${RESULTS_DIR}/profil-hp.png`, fullPage: true });
  } finally {
    await context.close();
  }
});

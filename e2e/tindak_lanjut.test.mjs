// Browser journeys through the follow-up of the annual evaluation, on the demo's history
// (annual evaluations of 2024 and 2025):
//   (a) the BKPSDM admin opens the rewards from the navigation, sees who was Sangat Baik in
//       2024 and 2025 (talent pool priority), records what was granted to the first, and finds
//       it among the rewards recorded; the same list on a phone;
//   (b) the admin opens a sanction case for a JA/JF pegawai whose 2025 predikat calls for one:
//       the case page shows the 6 months to improve with its deadline and the days left; the
//       admin records that performance did not improve with the date of the uji kompetensi,
//       and the clock moves to that date; the list shows the case with its clock.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { RESULTS_DIR, url, text, launchBrowser, signedIn as signedInAs } from './demo.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

const signedIn = (role, viewport) => signedInAs(browser, role, viewport);

/** `yyyy-mm-dd` of a date in WIB (the server's day). */
const hari = (d) => new Date(d.getTime() + 7 * 3600 * 1000).toISOString().slice(0, 10);

test('(a) rewards: the talent-pool list of 2025 and a reward recorded', async () => {
  const { context, page } = await signedIn('Admin BKPSDM');
  try {
    await page.goto(url('/'));
    await page.click('[data-testid=nav-penghargaan]');
    await page.goto(url('/penghargaan?tahun=2025&jenis=prioritas_talenta'));
    assert.match(await text(page, '[data-testid=judul-penghargaan]'), /2025/);
    const rows = page.locator('[data-testid=baris-penghargaan]');
    assert.ok((await rows.count()) > 0, 'someone was Sangat Baik in 2024 and 2025');
    const first = rows.first();
    const nama = (await first.locator('th').innerText()).split('\n')[0].trim();
    assert.match(await first.innerText(), /Sangat Baik[\s\S]*Sangat Baik/);
    await first.locator('[data-testid=buka-catat]').click();
    await first.locator('input[name=bentuk]').fill('Masuk kelompok rencana suksesi jabatan pengawas');
    await first.locator('input[name=nomor_dokumen]').fill('800/77/BKPSDM/2026');
    await Promise.all([page.waitForNavigation(), first.locator('[data-testid=simpan-penghargaan]').click()]);
    const tercatat = await text(page, '[data-testid=tabel-tercatat]');
    assert.ok(tercatat.includes(nama) && tercatat.includes('rencana suksesi jabatan pengawas'), tercatat);
    assert.ok((await page.locator('[data-testid=sudah-diberikan]').count()) >= 1);
    await page.screenshot({ path: `${RESULTS_DIR}/tindak-lanjut-a-penghargaan.png`, fullPage: true });
  } finally {
    await context.close();
  }
  const hp = await signedIn('Admin BKPSDM', { width: 390, height: 844 });
  try {
    await hp.page.goto(url('/penghargaan?tahun=2025&jenis=prioritas_pengembangan'));
    assert.ok((await hp.page.locator('[data-testid=baris-penghargaan]').count()) > 0);
    await hp.page.screenshot({ path: `${RESULTS_DIR}/tindak-lanjut-a-penghargaan-ponsel.png`, fullPage: false });
  } finally {
    await hp.context.close();
  }
});

test('(b) a sanction case with its clock', async () => {
  const { context, page } = await signedIn('Admin BKPSDM');
  try {
    await page.goto(url('/'));
    await page.click('[data-testid=nav-sanksi]');
    await page.goto(url('/sanksi?tahun=2025'));
    const calon = page.locator('[data-testid=baris-calon]', { has: page.locator('[data-testid=buka-form-kasus]') });
    assert.ok((await calon.count()) > 0, 'a 2025 evaluation calls for a case');
    const row = calon.first();
    const nama = (await row.locator('th').innerText()).split('\n')[0].trim();
    await row.locator('[data-testid=buka-form-kasus]').click();
    const mulai = hari(new Date());
    await row.locator('input[name=tanggal]').fill(mulai);
    await row.locator('input[name=nomor_dokumen]').fill('800/12/BKPSDM/2026');
    await Promise.all([page.waitForNavigation(), row.locator('[data-testid=simpan-buka-sanksi]').click()]);
    assert.match(page.url(), /\/sanksi\/\d+$/);
    assert.match(await text(page, '[data-testid=judul-kasus]'), new RegExp(nama));
    assert.match(await text(page, '[data-testid=tahap-kasus]'), /Masa perbaikan kinerja/);
    const sisa = Number((await text(page, '[data-testid=sisa-hari]')).split(' ')[0]);
    assert.ok(sisa >= 180 && sisa <= 184, `about six months left: ${sisa}`);
    await page.screenshot({ path: `${RESULTS_DIR}/tindak-lanjut-b-kasus.png`, fullPage: true });

    // Not improved: the uji kompetensi is scheduled and becomes the deadline.
    const jadwal = hari(new Date(Date.now() + 20 * 86400 * 1000));
    await page.check('[data-testid=hasil-tidak_membaik]');
    await page.fill('#langkah-jadwal', jadwal);
    await page.fill('#langkah-catatan', 'Tidak menunjukkan perbaikan selama masa perbaikan');
    await Promise.all([page.waitForNavigation(), page.click('[data-testid=simpan-langkah]')]);
    assert.match(await text(page, '[data-testid=tahap-kasus]'), /Uji kompetensi kembali/);
    assert.match(await text(page, '[data-testid=sisa-hari]'), /^20 /);
    assert.equal(await page.locator('[data-testid=langkah-kasus]').count(), 2);
    await page.screenshot({ path: `${RESULTS_DIR}/tindak-lanjut-b-uji-kompetensi.png`, fullPage: true });

    await page.goto(url('/sanksi'));
    const baris = page.locator('[data-testid=baris-sanksi]', { hasText: nama });
    assert.match(await baris.innerText(), /Uji kompetensi kembali[\s\S]*20 hari lagi/);
  } finally {
    await context.close();
  }
});

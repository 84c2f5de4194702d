// Browser journeys through the documents, on the demo's 2026 data:
//   (a) the Pelaksana downloads their SKP and the Dokumen Evaluasi of a signed month
//       from the buttons of their pages; a reader who is not logged in types the printed code
//       on the public verification page and sees what it certifies; an altered code is refused;
//   (b) the BKPSDM admin asks for the reporting bundle of that month (Pasal 29), watches it
//       being built on the page, and downloads the ZIP.
// The month used is two months back, which no other journey changes.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, PASSWORD, RESULTS_DIR, login, launchBrowser, url, text, signedIn as signedInAs } from './demo.mjs';

const hariIni = new Date(Date.now() + 7 * 3600 * 1000); // WIB, as the server counts days
const BULAN = hariIni.getUTCMonth() + 1;
const LAMA = BULAN > 2 ? `2026-${String(BULAN - 2).padStart(2, '0')}` : null;

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** A fresh browser context signed in as `role`. */
const signedIn = (role, viewport) => signedInAs(browser, role, viewport);

/** Follows a download link with the page's session: the PDF and its verification code. */
async function unduh(context, page, selector) {
  const href = await page.getAttribute(selector, 'href');
  assert.ok(href, `a link ${selector}`);
  const r = await context.request.get(url(href));
  assert.equal(r.status(), 200, `${href}: ${await r.text()}`);
  return { r, body: await r.body() };
}

test('(a) download the SKP and a Dokumen Evaluasi, verify the printed code without login', { skip: !LAMA }, async () => {
  const { context, page } = await signedIn('Pelaksana');
  try {
    await page.goto(url('/skp?tahun=2026'));
    await page.goto(url(await page.getAttribute('[data-testid=buka-skp]', 'href')));
    const skp = await unduh(context, page, '[data-testid=unduh-skp]');
    assert.equal(skp.r.headers()['content-type'], 'application/pdf');
    assert.ok(skp.body.subarray(0, 5).toString() === '%PDF-', 'a PDF');
    const kodeSkp = skp.r.headers()['x-kode-verifikasi'];
    assert.match(kodeSkp, /^KNJ-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-.$/);

    await page.goto(url(`/evaluasi/saya?tahun=2026`));
    await page.goto(url(await page.getAttribute(`[data-testid=buka-evaluasi][href$="/${LAMA}"]`, 'href')));
    const de = await unduh(context, page, '[data-testid=unduh-dokumen-evaluasi]');
    const kode = de.r.headers()['x-kode-verifikasi'];
    const predikat = await text(page, '[data-testid=predikat]');
    await page.screenshot({ path: `${RESULTS_DIR}/dokumen-a-evaluasi.png`, fullPage: true });

    // The public page: no login needed.
    const publik = await browser.newContext({ baseURL: BASE_URL, locale: 'id-ID' });
    try {
      const p = await publik.newPage();
      await p.goto(url('/verifikasi'));
      await p.fill('[data-testid=isian-kode]', kode.toLowerCase().replaceAll('-', ''));
      await Promise.all([p.waitForNavigation(), p.click('form[action="/verifikasi"] button[type=submit]')]);
      assert.equal(await text(p, '[data-testid=kode]'), kode);
      assert.ok((await text(p, '[data-testid=status-berlaku]')).length > 0, 'in force');
      assert.equal(await text(p, '[data-testid=pegawai]'), login('Pelaksana').fullName);
      assert.equal(await text(p, '[data-testid=predikat]'), predikat);
      await p.screenshot({ path: `${RESULTS_DIR}/dokumen-a-verifikasi.png`, fullPage: true });
      // One character changed: the check character catches it.
      const ubah = kode.slice(0, 4) + (kode[4] === '7' ? '8' : '7') + kode.slice(5);
      const r = await p.goto(url(`/verifikasi/${ubah}`));
      assert.equal(r.status(), 422);
      assert.match(await text(p, '[data-testid=verifikasi-galat]'), /tidak sah/);
    } finally {
      await publik.close();
    }
  } finally {
    await context.close();
  }
});

test('(b) the BKPSDM admin builds and downloads the reporting bundle', { skip: !LAMA }, async () => {
  const { context, page } = await signedIn('Admin BKPSDM');
  try {
    await page.goto(url('/bundel'));
    await page.fill('[data-testid=isian-periode]', LAMA);
    await Promise.all([page.waitForNavigation(), page.click('[data-testid=tombol-bundel]')]);
    // The page refreshes itself while the bundle is being built.
    const baris = page.locator('[data-testid=baris-bundel]').first();
    await baris.locator('[data-testid=unduh-bundel]').waitFor({ timeout: 180_000 });
    assert.match(await baris.locator('[data-testid=status-bundel]').textContent(), /Selesai/);
    const kemajuan = (await baris.locator('[data-testid=kemajuan-bundel]').textContent()).trim();
    const [selesai, total] = kemajuan.split('/').map(Number);
    assert.ok(total > 0 && selesai === total, kemajuan);
    await page.screenshot({ path: `${RESULTS_DIR}/dokumen-b-bundel.png`, fullPage: true });
    const href = await baris.locator('[data-testid=unduh-bundel]').getAttribute('href');
    const r = await context.request.get(url(href));
    assert.equal(r.status(), 200);
    assert.equal(r.headers()['content-type'], 'application/zip');
    const zip = await r.body();
    assert.equal(zip.subarray(0, 2).toString(), 'PK', 'a ZIP archive');
  } finally {
    await context.close();
  }
});

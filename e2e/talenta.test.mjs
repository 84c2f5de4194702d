// Browser journeys through the talent view and angka kredit, on the demo data. Expectations come
// from the API at the time of the run (the other journeys sign and reopen evaluations):
//   (a) the BKPSDM admin opens "Talenta", chooses the Kepala Dinas's perangkat daerah and last
//       month, and sees the kuadran: nine cells, each with its predikat written, counts that add
//       up to the API's; a name opens that pegawai's evaluation; the history table below names
//       the unit's pegawai, and one opens their history (years × kuadran) and angka kredit;
//       the same grid on a phone-wide screen;
//   (b) the JF login opens "Angka kredit" from the nav and sees their own, as the API computes it;
//   (c) the Pelaksana, who leads no unit, is refused the talent page.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { RESULTS_DIR, launchBrowser, url, text, signedIn as signedInAs } from './demo.mjs';

const hariIni = new Date(Date.now() + 7 * 3600 * 1000); // WIB, as the server counts days
const awalBulan = new Date(Date.UTC(hariIni.getUTCFullYear(), hariIni.getUTCMonth(), 1));
const kemarin = new Date(awalBulan.getTime() - 24 * 3600 * 1000);
const LALU = `${kemarin.getUTCFullYear()}-${String(kemarin.getUTCMonth() + 1).padStart(2, '0')}`;

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

const signedIn = (role, viewport) => signedInAs(browser, role, viewport);

async function kirim(page, selector) {
  await Promise.all([page.waitForLoadState('load'), page.waitForNavigation(), page.click(selector)]);
}

/** The API's answer with the browser's session. */
async function api(context, path) {
  const r = await context.request.get(url(path));
  assert.equal(r.status(), 200, `${path}: ${await r.text()}`);
  return r.json();
}

test('(a) HR admin opens the kuadran of a unit for last month, then a pegawai\'s history', async () => {
  const { context, page } = await signedIn('Admin BKPSDM');
  try {
    await page.goto(url('/'));
    await kirim(page, 'nav a[data-testid=nav-talenta]');
    assert.equal(new URL(page.url()).pathname, '/talenta');
    // The Kepala Dinas's perangkat daerah, with its sub-units, last month.
    const opsi = page.locator('#unit_id option', { hasText: 'Dinas Komunikasi, Informatika' }).first();
    const unitId = await opsi.getAttribute('value');
    assert.ok(unitId, 'the demo dinas is offered');
    await page.selectOption('#unit_id', unitId);
    await page.selectOption('#subunit', 'true');
    await page.selectOption('#periode', LALU);
    await kirim(page, '[data-testid=tampilkan-talenta]');
    const judul = await text(page, '#judul-kisi');
    assert.match(judul, /Dinas Komunikasi, Informatika/);
    const harap = await api(context, `/api/v1/talenta?unit_id=${unitId}&periode=${LALU}&subunit=true`);
    assert.ok(judul.includes(harap.periode_label), judul);
    // Nine cells, each naming its predikat; their counts add up to the API's.
    const sel = page.locator('[data-testid=kisi-talenta] td[data-jumlah]');
    assert.equal(await sel.count(), 9);
    let jumlah = 0;
    for (let i = 0; i < 9; i++) {
      jumlah += Number(await sel.nth(i).getAttribute('data-jumlah'));
      assert.match(await sel.nth(i).textContent(), /Sangat Baik|Baik|Butuh Perbaikan|Kurang|Sangat Kurang/);
    }
    assert.equal(jumlah, harap.jumlah);
    assert.equal(Number(await text(page, '[data-testid=jumlah-talenta]')), harap.jumlah);
    assert.ok(harap.jumlah > 0, 'the demo has signed evaluations last month');
    // The top-right cell is Sangat Baik (Di Atas × Di Atas), the bottom-left Sangat Kurang.
    assert.match(await text(page, '[data-testid=sel-diatas_ekspektasi-diatas_ekspektasi] strong'), /^Sangat Baik$/);
    assert.match(await text(page, '[data-testid=sel-dibawah_ekspektasi-dibawah_ekspektasi] strong'), /^Sangat Kurang$/);
    await page.screenshot({ path: `${RESULTS_DIR}/talenta-kuadran.png`, fullPage: false });

    // A name in a small cell opens the evaluation (names of a large cell fold under "Lihat").
    let nama = page.locator('[data-testid=kisi-talenta] td:not(:has(details)) a[data-testid=nama-talenta]');
    if ((await nama.count()) === 0) {
      await page.locator('[data-testid=kisi-talenta] details summary').first().click();
      nama = page.locator('[data-testid=kisi-talenta] a[data-testid=nama-talenta]');
    }
    const href = await nama.first().getAttribute('href');
    assert.match(href, new RegExp(`^/evaluasi/skp/\\d+/${LALU}$`));
    await kirim(page, `[data-testid=kisi-talenta] a[href="${href}"]`);
    assert.equal(new URL(page.url()).pathname, href);
    await page.goBack({ waitUntil: 'load' });

    // The history below: the unit's pegawai; one opens their years × kuadran.
    const baris = page.locator('[data-testid=baris-riwayat]');
    assert.ok((await baris.count()) > 0);
    const riwayat = await api(context, `/api/v1/talenta/riwayat?unit_id=${unitId}&subunit=true`);
    const dinilai = riwayat.items.find((x) => x.tahun.some((c) => c.evaluasi));
    assert.ok(dinilai, 'someone in the unit has a signed annual evaluation');
    await kirim(page, `[data-testid=riwayat-talenta] a[href="/pegawai/${dinilai.nip}/riwayat-kinerja"]`);
    assert.match(await text(page, '[data-testid=judul-riwayat-kinerja]'), new RegExp(dinilai.nama.split(',')[0]));
    const tahun = dinilai.tahun.find((c) => c.evaluasi);
    assert.equal(await text(page, `[data-testid=riwayat-tahun-${tahun.tahun}] [data-testid=predikat-tahunan]`),
      { sangat_baik: 'Sangat Baik', baik: 'Baik', butuh_perbaikan: 'Butuh Perbaikan', kurang: 'Kurang', sangat_kurang: 'Sangat Kurang' }[tahun.evaluasi.predikat]);
    assert.equal(await page.locator(`[data-testid=kuadran-${tahun.tahun}]`).count(), 1, 'one cell marked in that year\'s kuadran');
    if (await page.locator('[data-testid=tautan-angka-kredit]').count()) {
      await kirim(page, '[data-testid=tautan-angka-kredit]');
      const ak = await api(context, `/api/v1/pegawai/${dinilai.nip}/angka_kredit`);
      if (ak.tahun.length) {
        assert.equal(await text(page, '[data-testid=angka-kredit-kumulatif]'), ak.jumlah.toFixed(2));
      }
    }
  } finally {
    await context.close();
  }
});

test('(a) the kuadran on a phone-wide screen', async () => {
  const { context, page } = await signedIn('Admin BKPSDM', { width: 390, height: 844 });
  try {
    await page.goto(url(`/talenta?periode=${LALU}`));
    const sel = page.locator('[data-testid=kisi-talenta] td[data-jumlah]');
    assert.equal(await sel.count(), 9);
    // Stacked: each cell says which ratings it holds; nothing wider than the screen.
    assert.ok(await sel.first().locator('.sel-label').isVisible());
    const lebar = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(lebar <= 390, `no sideways scrolling (${lebar}px)`);
    await page.screenshot({ path: `${RESULTS_DIR}/talenta-ponsel.png`, fullPage: false });
  } finally {
    await context.close();
  }
});

test('(b) the JF login opens their own angka kredit', async () => {
  const { context, page } = await signedIn('Jabatan Fungsional');
  try {
    await page.goto(url('/'));
    await kirim(page, 'nav a[data-testid=nav-angka-kredit]');
    assert.equal(new URL(page.url()).pathname, '/angka-kredit');
    assert.match(await text(page, '[data-testid=judul-angka-kredit]'), /Angka kredit/);
    const ak = await api(context, '/api/v1/angka_kredit');
    if (ak.tahun.length) {
      assert.equal(await text(page, '[data-testid=angka-kredit-kumulatif]'), ak.jumlah.toFixed(2));
      for (const y of ak.tahun) {
        assert.equal(await text(page, `[data-testid=ak-jumlah-${y.tahun}]`), y.jumlah.toFixed(2));
      }
    } else {
      assert.equal(await text(page, '[data-testid=angka-kredit-kosong]'), ak.keterangan);
    }
    await page.screenshot({ path: `${RESULTS_DIR}/angka-kredit-jf.png`, fullPage: true });
  } finally {
    await context.close();
  }
});

test('(c) a pegawai who leads no unit is refused the talent page', async () => {
  const { context, page } = await signedIn('Pelaksana');
  try {
    assert.equal(await page.locator('nav a[data-testid=nav-talenta]').count(), 0);
    const r = await page.goto(url('/talenta'));
    assert.equal(r.status(), 403);
  } finally {
    await context.close();
  }
});

// End-to-end journeys through Kinerja in a real (headless) Chromium.
//
// Run with `bash e2e/run.sh` (builds nothing; starts a demo server and sets
// the environment), or by hand:
//   KINERJA_URL=http://127.0.0.1:18080 KINERJA_LOGINS_FILE=/path/to/demo-output.txt node --test e2e/
//
// Uses Debian's Chromium (env CHROMIUM, default /usr/bin/chromium) through
// playwright-core, which never downloads a browser.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, PASSWORD, RESULTS_DIR, login, launchBrowser, url, text } from './demo.mjs';

const DEFAULT_TIMEOUT_MS = 15_000;

let browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

/** A fresh, isolated browser context (own cookies) and page. */
async function newPage() {
  const context = await browser.newContext({
    baseURL: BASE_URL,
    locale: 'id-ID',
    viewport: { width: 1280, height: 900 },
  });
  context.setDefaultTimeout(DEFAULT_TIMEOUT_MS);
  context.setDefaultNavigationTimeout(DEFAULT_TIMEOUT_MS);
  const page = await context.newPage();
  return { context, page };
}

const pathIs = (path) => (u) => u.pathname === path;

async function signInAs(page, role) {
  const { username } = login(role);
  await page.goto(url('/masuk'));
  await page.fill('#username', username);
  await page.fill('#password', PASSWORD);
  await Promise.all([
    page.waitForURL(pathIs('/')),
    page.click('form[action="/masuk"] button[type=submit]'),
  ]);
}

test('admin mencari Kepala Bidang dan melihat pejabat penilainya, lalu keluar', async () => {
  const { context, page } = await newPage();
  try {
    const kabid = login('Kepala Bidang');
    const kadis = login('Kepala Dinas');

    await signInAs(page, 'Admin BKPSDM');
    assert.equal(await text(page, 'h1[data-testid=judul-beranda]'), 'Beranda Admin BKPSDM');
    assert.match(await text(page, '[data-testid=nama-pengguna]'), /admin/);

    // Search by part of the name (titles after the first comma stripped).
    await page.fill('#q', kabid.name);
    await Promise.all([
      page.waitForURL(pathIs('/pegawai')),
      page.click('form[action="/pegawai"] button[type=submit]'),
    ]);
    const hasil = await text(page, '[data-testid=hasil-cari]');
    assert.ok(hasil.includes(kabid.name), `search results should list ${kabid.name}: ${hasil}`);

    // Open the result that is the Kepala Bidang (names can repeat).
    await Promise.all([
      page.waitForURL(pathIs(`/pegawai/${kabid.username}`)),
      page.click(`[data-testid=hasil-cari] a[href="/pegawai/${kabid.username}"]`),
    ]);
    assert.ok((await text(page, 'h1[data-testid=nama-pegawai]')).startsWith(kabid.name));

    const penilai = await text(page, '[data-testid=pejabat_penilai]');
    assert.ok(penilai.includes(kadis.name), `pejabat penilai should be ${kadis.name}: ${penilai}`);
    assert.ok((await text(page, '[data-testid=pejabat_penilai] .nama')).length > 0);

    const atasan = await text(page, '[data-testid=atasan_pejabat_penilai]');
    assert.ok(atasan.includes('Sekretaris Daerah'), `atasan pejabat penilai should be the Sekretaris Daerah: ${atasan}`);
    assert.ok((await text(page, '[data-testid=atasan_pejabat_penilai] .nama')).length > 0, 'atasan has a name');

    assert.match(await text(page, '[data-testid=dasar-pejabat_penilai]'), /Lampiran II/);
    assert.match(await text(page, '[data-testid=dasar-atasan_pejabat_penilai]'), /Lampiran II/);

    await page.screenshot({ path: `${RESULTS_DIR}admin-pegawai.png`, fullPage: true });

    await Promise.all([
      page.waitForURL(pathIs('/masuk')),
      page.click('form[action="/keluar"] button[type=submit]'),
    ]);
    assert.ok(await page.$('#username'), 'login form shown after logout');
    assert.equal(await page.$('[data-testid=nama-pengguna]'), null, 'no user in the header after logout');

    // The session is really gone.
    await page.goto(url('/'));
    await page.waitForURL(pathIs('/masuk'));
  } finally {
    await context.close();
  }
});

test('pegawai JF melihat beranda dan pejabat penilainya; /organisasi ditolak', async () => {
  const { context, page } = await newPage();
  try {
    const jf = login('Jabatan Fungsional');
    await signInAs(page, 'Jabatan Fungsional');

    const judul = await text(page, 'h1[data-testid=judul-beranda]');
    assert.ok(judul.startsWith('Selamat datang'), judul);
    assert.ok(judul.includes(jf.name), `greeting should name ${jf.name}: ${judul}`);

    const namaPenilai = await text(page, '[data-testid=pejabat_penilai] .nama');
    assert.ok(namaPenilai.length > 0, 'pejabat penilai has a name');
    assert.ok((await text(page, '[data-testid=dasar-pejabat_penilai]')).length > 0, 'basis badge shown');

    await page.screenshot({ path: `${RESULTS_DIR}pegawai-beranda.png`, fullPage: true });

    const resp = await page.goto(url('/organisasi'));
    assert.equal(resp?.status(), 403);
    assert.ok((await text(page, 'main')).includes('Akses ditolak'));
  } finally {
    await context.close();
  }
});

test('Kepala Seksi melihat daftar pegawai yang dinilainya, termasuk pegawai JF', async () => {
  const { context, page } = await newPage();
  try {
    const jf = login('Jabatan Fungsional');
    await signInAs(page, 'Kepala Seksi');
    const tim = await text(page, '[data-testid=tim]');
    assert.ok(tim.includes(jf.name), `tim should include ${jf.name}: ${tim}`);
    assert.ok(await page.$(`[data-testid=tim] a[href="/pegawai/${jf.username}"]`), 'tim links to the JF');
  } finally {
    await context.close();
  }
});

test('kata sandi salah menampilkan pesan galat', async () => {
  const { context, page } = await newPage();
  try {
    await page.goto(url('/masuk'));
    await page.fill('#username', login('Admin BKPSDM').username);
    await page.fill('#password', 'bukan-kata-sandi');
    await page.click('form[action="/masuk"] button[type=submit]');
    await page.waitForSelector('[data-testid=galat-masuk]');
    assert.equal(await text(page, '[data-testid=galat-masuk]'), 'Nama pengguna atau kata sandi salah');
    assert.equal(new URL(page.url()).pathname, '/masuk');
  } finally {
    await context.close();
  }
});

test('kalkulator predikat: di atas/di atas ekspektasi = Sangat Baik', async () => {
  const { context, page } = await newPage();
  try {
    await signInAs(page, 'Pelaksana');
    await page.goto(url('/kalkulator?alat=predikat&hasil_kerja=diatas_ekspektasi&perilaku=diatas_ekspektasi'));
    const hasil = await text(page, '[data-testid=hasil-predikat]');
    assert.ok(hasil.includes('Sangat Baik'), hasil);
  } finally {
    await context.close();
  }
});

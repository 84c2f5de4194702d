// What every journey file shares: the server under test, the demo logins printed by
// `kinerja demo`, and Debian's Chromium through playwright-core (which never downloads one).

import { readFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const BASE_URL = (process.env.KINERJA_URL || '').replace(/\/+$/, '');
const LOGINS_FILE = process.env.KINERJA_LOGINS_FILE || '';
export const PASSWORD = process.env.KINERJA_DEMO_PASSWORD || 'demo12345';
export const RESULTS_DIR = fileURLToPath(new URL('./test-results/', import.meta.url));

if (!BASE_URL) throw new Error('KINERJA_URL is not set (e.g. http://127.0.0.1:18080)');
if (!LOGINS_FILE) throw new Error('KINERJA_LOGINS_FILE is not set (output of `kinerja demo`)');

/**
 * Parse the `kinerja demo` output. After the line starting "Akun demo" come
 * lines like
 *   "  Kepala Bidang        198006082007022066   Zahra Fadilah, S.Kom., M.Kom. — Kepala Bidang ..."
 * whose columns are separated by two or more spaces.
 * Returns a Map from role label to { role, username, name, fullName, jabatan }.
 */
function parseLogins(text) {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((l) => l.trim().startsWith('Akun demo'));
  if (start < 0) throw new Error(`no "Akun demo" section in ${LOGINS_FILE}`);
  const logins = new Map();
  for (const line of lines.slice(start + 1)) {
    if (!line.trim()) break;
    const cols = line.trim().split(/\s{2,}/);
    if (cols.length < 2) continue;
    const [role, username, rest = ''] = cols;
    const [fullName = '', jabatan = ''] = rest.split(/\s+—\s+/);
    // "Zahra Fadilah, S.Kom., M.Kom." -> "Zahra Fadilah"
    const name = fullName.split(',')[0].trim();
    logins.set(role, { role, username, name, fullName: fullName.trim(), jabatan: jabatan.trim() });
  }
  return logins;
}

const LOGINS = parseLogins(readFileSync(LOGINS_FILE, 'utf8'));

/** The demo login of a role label ("Kepala Seksi", "Jabatan Fungsional", …). */
export function login(role) {
  const l = LOGINS.get(role);
  if (!l) throw new Error(`role "${role}" not found in ${LOGINS_FILE}; have: ${[...LOGINS.keys()].join(', ')}`);
  return l;
}

/** Headless Debian Chromium (env CHROMIUM, default /usr/bin/chromium). */
export async function launchBrowser() {
  mkdirSync(RESULTS_DIR, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const url = (path) => `${BASE_URL}${path}`;
export const text = async (page, selector) => ((await page.textContent(selector)) ?? '').replace(/\s+/g, ' ').trim();

/** A fresh browser context of `browser` signed in as the demo login of `role`. */
export async function signedIn(browser, role, viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ baseURL: BASE_URL, locale: 'id-ID', viewport });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  await page.goto(url('/masuk'));
  await page.fill('#username', login(role).username);
  await page.fill('#password', PASSWORD);
  await Promise.all([page.waitForURL((u) => u.pathname === '/'), page.click('form[action="/masuk"] button[type=submit]')]);
  return { context, page };
}

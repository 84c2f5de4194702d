// Temporary screenshot helper (not a test).
import { chromium } from 'playwright-core';
const base = process.env.U;
const [user, ...paths] = process.argv.slice(2);
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
for (const vp of [{ width: 1280, height: 900, n: 'd' }, { width: 390, height: 800, n: 'm' }]) {
  const c = await b.newContext({ viewport: { width: vp.width, height: vp.height } });
  const p = await c.newPage();
  await p.goto(base + '/masuk');
  await p.fill('#username', user); await p.fill('#password', 'demo12345');
  await Promise.all([p.waitForURL((u) => u.pathname === '/'), p.click('form[action="/masuk"] button[type=submit]')]);
  for (const [i, path] of paths.entries()) {
    const r = await p.goto(base + path);
    console.log(vp.n, path, r.status());
    await p.screenshot({ path: `/tmp/talenta-shots/${user}-${i}-${vp.n}.png`, fullPage: true, clip: { x: 0, y: 0, width: vp.width, height: 2000 } });
  }
  await c.close();
}
await b.close();

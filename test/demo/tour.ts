/**
 * The demo tour, started by `npm start` (test/demo/start.mjs) once the extension is built.
 *
 * With a display it opens Chromium with the extension loaded on the demo index and waits until the browser
 * is closed. Without one (or with --headless) it visits every demo page in headless Chromium, saves a
 * screenshot of each page and of its popup to test-results/demo/, and prints what Spinscope said.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSite, BADGE_OF, type Site } from '../site/server.ts';
import { ROOT } from '../site/content.ts';
import { launchChromium, requireBuild, DIST, CHROMIUM, EXTENSION_FLAGS } from '../browser/harness.ts';

const argv = process.argv.slice(2);
const portArg = argv.indexOf('--port');
const port = portArg >= 0 ? Number(argv[portArg + 1]) : Number(process.env.SPINSCOPE_DEMO_PORT ?? 0);
const forceHeadless = argv.includes('--headless');
const hasDisplay = !!(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

/** Opens Chromium on the demo index and waits until it is closed; false when no window could be opened. */
async function interactive(site: Site): Promise<boolean> {
  const profile = mkdtempSync(join(tmpdir(), 'spinscope-demo-'));
  const args = [
    `--user-data-dir=${profile}`,
    ...EXTENSION_FLAGS,
    '--no-default-browser-check',
    ...(typeof process.getuid === 'function' && process.getuid() === 0 ? ['--no-sandbox'] : []),
    `${site.origin}/`,
  ];
  console.log(`\nDemo pages: ${site.origin}/  (the same pages are on ${site.altOrigin}/)`);
  console.log('Chromium is opening with Spinscope loaded. Pin it from the puzzle-piece menu to see its badge;');
  console.log('click it on any page for the evidence. Close the browser window to stop the demo.\n');
  const started = Date.now();
  const child = spawn(CHROMIUM, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  const stop = () => child.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  const code = await new Promise<number | null>((resolve) => {
    child.on('exit', (c) => resolve(c));
    child.on('error', () => resolve(-1));
  });
  process.off('SIGINT', stop);
  process.off('SIGTERM', stop);
  rmSync(profile, { recursive: true, force: true });
  if (code !== 0 && Date.now() - started < 15_000) {
    const tail = stderr.trim().split('\n').slice(-3).join('\n  ');
    console.log(`Chromium could not open a window (exit code ${code})${tail ? `:\n  ${tail}` : ''}`);
    return false;
  }
  return true;
}

function pad(s: string, n: number): string {
  return s.length > n ? s.slice(0, n - 1) + '…' : s + ' '.repeat(n - s.length);
}

async function headlessTour(site: Site): Promise<number> {
  const out = join(ROOT, 'test-results', 'demo');
  mkdirSync(out, { recursive: true });
  const h = await launchChromium({ site });
  const rows: Array<{ page: string; badge: string; banner: string; verdict: string; reference: string; expected: string; ok: boolean }> = [];
  try {
    const index = await h.open(`${site.origin}/`);
    await index.screenshot({ path: join(out, 'index.png'), fullPage: true });
    await index.close();
    for (const p of site.pages) {
      const name = p.path.replace(/^\//, '').replace(/[/?=&]+/g, '_');
      const page = await h.open(site.origin + p.path);
      try {
        const tab = await h.tabId(page);
        const popup = await h.openPopup(tab);
        const info = await h.readPopup(popup);
        const wantBadge = BADGE_OF[p.expect.verdicts[0]!];
        const badge = await h.waitBadge(tab, (t) => t === wantBadge, wantBadge ? 8000 : 300);
        const banner = await h.waitBanner(page, !!wantBadge, wantBadge ? 5000 : 200);
        await popup.screenshot({ path: join(out, `${name}-popup.png`), fullPage: true });
        await popup.close();
        await page.bringToFront();
        if (banner) await page.waitForTimeout(400); // the banner fades in
        await page.screenshot({ path: join(out, `${name}.png`) });
        const verdict = info.verdict ?? (info.state ? `(${info.state})` : '—');
        const ok = badge === wantBadge && !!banner === !!wantBadge && (info.verdict === null ? !p.expect.article : p.expect.verdicts.includes(info.verdict as never));
        rows.push({
          page: p.path,
          badge: badge || '—',
          banner: banner ? (banner.verdict ?? 'yes') : '—',
          verdict,
          reference: info.referenceTitle ?? '—',
          expected: wantBadge || (p.expect.article ? p.expect.verdicts.join('/') : 'not an article'),
          ok,
        });
      } finally {
        await page.close();
      }
    }
  } finally {
    await h.close();
  }
  const cols = [30, 6, 16, 22, 48, 14];
  const line = (c: string[]) => c.map((x, i) => pad(x, cols[i]!)).join('  ');
  console.log('\n' + line(['page', 'badge', 'banner', 'popup verdict', 'reference', 'expected']));
  console.log(cols.map((n) => '-'.repeat(n)).join('  '));
  for (const r of rows) console.log(line([r.page, r.badge, r.banner, r.verdict, r.reference, (r.ok ? '' : '✗ ') + r.expected]));
  const good = rows.filter((r) => r.ok).length;
  console.log(`\n${good} of ${rows.length} pages as expected. Screenshots: test-results/demo/ (page and popup for each).`);
  if (good < rows.length) console.log('Pages marked ✗ got a different verdict from the one they were built to get.');
  return 0;
}

async function main(): Promise<void> {
  requireBuild(DIST, CHROMIUM, 'chromium');
  const site = await startSite(Number.isFinite(port) ? port : 0);
  try {
    if (hasDisplay && !forceHeadless && (await interactive(site))) return;
    if (!hasDisplay) console.log('No display ($DISPLAY / $WAYLAND_DISPLAY): running the tour headless.');
    else if (!forceHeadless) console.log('Running the tour headless instead.');
    process.exitCode = await headlessTour(site);
  } finally {
    await site.close();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});

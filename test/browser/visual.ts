/**
 * Screenshots compared with the reviewed ones in test/browser/baselines/: a visual change fails the run until
 * someone has looked at it. The new image and a diff (changed pixels in red) are written next to each other
 * in test-results/screenshots/; `npm run screenshots:accept` makes the new images the baselines.
 *
 * Pixels depend on the browser's version and the fonts installed, so baselines record the environment they
 * were taken in; on another one the comparison says so and is skipped rather than failing on font hinting.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { ROOT } from '../site/content.ts';
import { SCREENSHOTS } from './harness.ts';

export const BASELINES = join(ROOT, 'test', 'browser', 'baselines');

/** Per-pixel colour distance below which two pixels count as the same (anti-aliasing, font hinting). */
const PIXEL_THRESHOLD = 0.1;
/** Changed pixels allowed, as a share of the image: a caret blink or a sub-pixel shift, not a change of layout. */
const MAX_CHANGED_SHARE = 0.002;

/** The screenshots held to a baseline: the extension's own pages and the banner close-ups (whole pages show the demo site too). */
export const isCompared = (name: string) => /^(popup|options)-/.test(name) || /-closeup$/.test(name);

const ENVIRONMENT_FILE = 'environment.txt';

/** The browser's version and the installed fonts' files: what a screenshot's pixels depend on besides our code. */
export function screenshotEnvironment(browserVersion: string): string {
  let fonts = '';
  try {
    fonts = execFileSync('fc-list', [':', 'file'], { encoding: 'utf8' }).split('\n').map((l) => l.trim()).filter(Boolean).sort().join('\n');
  } catch {
    fonts = 'no fontconfig';
  }
  return `${process.platform} chromium ${browserVersion} fonts ${createHash('sha256').update(fonts).digest('hex').slice(0, 16)}`;
}

export const baselineEnvironment = (): string | null =>
  existsSync(join(BASELINES, ENVIRONMENT_FILE)) ? readFileSync(join(BASELINES, ENVIRONMENT_FILE), 'utf8').trim() : null;

export const recordEnvironment = (environment: string) => writeFileSync(join(BASELINES, ENVIRONMENT_FILE), `${environment}\n`);

export interface VisualDiff {
  name: string;
  /** Why it differs, for the failure message; null when it matches its baseline. */
  problem: string | null;
}

export function compareWithBaseline(name: string): VisualDiff {
  const current = join(SCREENSHOTS, `${name}.png`);
  const baseline = join(BASELINES, `${name}.png`);
  const review = `review test-results/screenshots/${name}.png, then run \`npm run screenshots:accept\``;
  if (!existsSync(baseline)) return { name, problem: `no reviewed baseline yet: ${review}` };
  const a = PNG.sync.read(readFileSync(baseline));
  const b = PNG.sync.read(readFileSync(current));
  if (a.width !== b.width || a.height !== b.height) {
    return { name, problem: `size changed from ${a.width}×${a.height} to ${b.width}×${b.height}: ${review}` };
  }
  const diff = new PNG({ width: a.width, height: a.height });
  const changed = pixelmatch(a.data, b.data, diff.data, a.width, a.height, { threshold: PIXEL_THRESHOLD });
  if (changed <= MAX_CHANGED_SHARE * a.width * a.height) return { name, problem: null };
  writeFileSync(join(SCREENSHOTS, `${name}-diff.png`), PNG.sync.write(diff));
  return { name, problem: `${changed} pixels changed (diff in test-results/screenshots/${name}-diff.png): ${review}` };
}

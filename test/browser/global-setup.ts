/** Fails the browser test run at once, with a clear message, when the extension has not been built. */
import { requireBuild, DIST, DIST_FIREFOX, CHROMIUM, FIREFOX } from './harness.ts';

export default function setup(): void {
  requireBuild(DIST, CHROMIUM, 'chromium');
  if (process.env.SPINSCOPE_SKIP_FIREFOX !== '1') requireBuild(DIST_FIREFOX, FIREFOX, 'firefox-esr');
}

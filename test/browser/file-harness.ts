/** The browser one test file runs in (kept apart from the harness, which the global setup imports without vitest). */
import { afterAll } from 'vitest';
import { launchChromium, type Harness } from './harness.ts';

/**
 * A Chromium with the built extension and a fixture site of its own for one test file: launched as the file
 * is collected, closed after its last test.
 */
export async function chromiumForFile(): Promise<Harness> {
  const h = await launchChromium();
  afterAll(() => h.close());
  return h;
}

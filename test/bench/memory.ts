/** Peak resident memory of this process (Linux /proc; zero elsewhere), resettable around a measured step. */
import { readFileSync, writeFileSync } from 'node:fs';

function statusKb(field: string): number {
  try {
    const m = readFileSync('/proc/self/status', 'utf8').match(new RegExp(`${field}:\\s+(\\d+)`));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Resets the peak-RSS counter; false when the system does not allow it. */
export function resetPeakRss(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

export const peakRss = (): number => statusKb('VmHWM');
export const currentRss = (): number => statusKb('VmRSS');

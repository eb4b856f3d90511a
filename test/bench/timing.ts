/** Timing helpers: calibrated batches, warm-up, medians of many samples. */

/** Keeps results alive so that the optimiser cannot drop the measured work. */
export let sink = 0;
export function consume(value: unknown): void {
  if (value === null || value === undefined) sink ^= 1;
  else if (typeof value === 'number') sink ^= value | 0;
  else if (typeof value === 'string') sink ^= value.length;
  else if (typeof value === 'object' && 'length' in value) sink ^= (value as { length: number }).length;
  else sink ^= 2;
}

export interface Stats {
  /** Median time per call, nanoseconds. */
  median: number;
  p10: number;
  p90: number;
  samples: number;
  /** Calls per sample (fast functions are timed in batches). */
  batch: number;
  /** Samples during which the OS switched this process out for another (a shared machine's noise, not the code's). */
  preempted: number;
  /** p90 over the samples that were not preempted. */
  p90Undisturbed: number;
}

export const nowNs = (): bigint => process.hrtime.bigint();

export function quantile(sorted: readonly number[], q: number): number {
  if (!sorted.length) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export function median(values: readonly number[]): number {
  return quantile([...values].sort((a, b) => a - b), 0.5);
}

export function summarise(perCall: number[], batch: number, preempted: readonly boolean[] = []): Stats {
  const sorted = [...perCall].sort((a, b) => a - b);
  const undisturbed = perCall.filter((_, i) => !preempted[i]).sort((a, b) => a - b);
  return {
    median: quantile(sorted, 0.5), p10: quantile(sorted, 0.1), p90: quantile(sorted, 0.9), samples: sorted.length, batch,
    preempted: preempted.filter(Boolean).length, p90Undisturbed: quantile(undisturbed, 0.9),
  };
}

/** Involuntary context switches of this process so far: one more after a sample means it was preempted. */
export const preemptions = (): number => process.resourceUsage().involuntaryContextSwitches;

export interface MeasureOptions {
  /** Samples kept for the statistics. */
  samples?: number;
  /** Untimed calls first, so that the JIT has compiled the code. */
  warmup?: number;
  /** A sample lasts at least this long (fast calls are batched to reach it), nanoseconds. */
  minSampleNs?: number;
}

/** Median time of one call of `fn`, over `samples` samples of calibrated batches. */
export function measure(fn: () => unknown, options: MeasureOptions = {}): Stats {
  const { samples = 101, warmup = 20, minSampleNs = 200_000 } = options;
  for (let i = 0; i < warmup; i++) consume(fn());
  let batch = 1;
  for (;;) {
    const t0 = nowNs();
    for (let i = 0; i < batch; i++) consume(fn());
    const elapsed = Number(nowNs() - t0);
    if (elapsed >= minSampleNs || batch >= 1 << 16) break;
    batch *= 2;
  }
  const perCall: number[] = [];
  const preempted: boolean[] = [];
  for (let s = 0; s < samples; s++) {
    const switches = preemptions();
    const t0 = nowNs();
    for (let i = 0; i < batch; i++) consume(fn());
    perCall.push(Number(nowNs() - t0) / batch);
    preempted.push(preemptions() > switches);
  }
  return summarise(perCall, batch, preempted);
}

/** Forces a full garbage collection when the process allows it (the runner enables it). */
export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
}

export const hasGc = (): boolean => typeof (globalThis as { gc?: unknown }).gc === 'function';

/** Bytes on the JS heap plus array buffers (typed arrays keep their data outside the JS heap). */
export function heapBytes(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/** Calls per batch so that one batch of `fn` lasts at least `minNs`. */
export function calibrate(fn: () => unknown, minNs = 250_000): number {
  let batch = 1;
  for (;;) {
    const t0 = nowNs();
    for (let i = 0; i < batch; i++) consume(fn());
    if (Number(nowNs() - t0) >= minNs || batch >= 1 << 16) return batch;
    batch *= 2;
  }
}

/** Time per call of one batch, nanoseconds. */
export function sampleBatch(fn: () => unknown, batch: number): number {
  const t0 = nowNs();
  for (let i = 0; i < batch; i++) consume(fn());
  return Number(nowNs() - t0) / batch;
}

/** Plain-text tables with aligned columns, and number formats with units. */

export type Align = 'left' | 'right';

export interface Column {
  title: string;
  align?: Align;
}

export function table(columns: readonly (Column | string)[], rows: readonly (readonly string[])[]): string {
  const cols = columns.map((c) => (typeof c === 'string' ? { title: c, align: 'right' as Align } : { align: 'right' as Align, ...c }));
  cols[0]!.align = typeof columns[0] === 'string' ? 'left' : cols[0]!.align;
  const widths = cols.map((c, i) => Math.max(c.title.length, ...rows.map((r) => (r[i] ?? '').length)));
  const cell = (text: string, i: number) => (cols[i]!.align === 'left' ? text.padEnd(widths[i]!) : text.padStart(widths[i]!));
  const line = (cells: readonly string[]) => cells.map((c, i) => cell(c, i)).join('  ').trimEnd();
  return [line(cols.map((c) => c.title)), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Nanoseconds as µs or ms with three significant digits. */
export function time(ns: number): string {
  if (!Number.isFinite(ns)) return 'n/a';
  if (ns < 1_000) return `${ns.toFixed(0)} ns`;
  if (ns < 1_000_000) return `${sig(ns / 1_000)} µs`;
  if (ns < 1_000_000_000) return `${sig(ns / 1_000_000)} ms`;
  return `${sig(ns / 1_000_000_000)} s`;
}

export const us = (ns: number): string => sig(ns / 1_000);
export const ms = (ns: number): string => sig(ns / 1_000_000);

export function sig(x: number): string {
  if (!Number.isFinite(x)) return 'n/a';
  const a = Math.abs(x);
  if (a >= 100) return x.toFixed(0);
  if (a >= 10) return x.toFixed(1);
  if (a >= 1) return x.toFixed(2);
  return x.toFixed(3);
}

export const ratio = (x: number): string => `${sig(x)}×`;
export const percent = (x: number, digits = 1): string => `${(x * 100).toFixed(digits)} %`;

export function bytes(n: number): string {
  if (n < 1024) return `${n.toFixed(0)} B`;
  if (n < 1024 * 1024) return `${sig(n / 1024)} KiB`;
  if (n < 1024 * 1024 * 1024) return `${sig(n / 1024 / 1024)} MiB`;
  return `${sig(n / 1024 / 1024 / 1024)} GiB`;
}

export const verdict = (ok: boolean): string => (ok ? 'PASS' : 'FAIL');

export function heading(text: string): string {
  return `\n${text}\n${'='.repeat(text.length)}`;
}

import { VERDICTS, warningColours, type CheckResult, type Reason, type Reference, type Verdict } from '../core/index.ts';
import { catalogueLookup, renderReason } from '../core/reasons.ts';
import { artefactText, torturedText } from '../core/source-free/finding-text.ts';
import { isolate, neutraliseDeep } from '../core/text/bidi.ts';
import catalogue from '../public/_locales/en/messages.json';

/** Terminal styling that disappears when colour is off. */
export interface Style {
  bold(s: string): string;
  dim(s: string): string;
  /** A verdict's word as the toolbar badge paints it: its tone's fill, whatever the terminal's background. */
  verdict(verdict: Verdict, s: string): string;
}

const wrap = (open: string, close: number) => (s: string) => `\x1b[${open}m${s}\x1b[${close}m`;
const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(';');
function badge(verdict: Verdict, s: string): string {
  const colours = warningColours(verdict);
  if (!colours) return VERDICTS[verdict].tone === 'grey' ? wrap('2', 22)(s) : s;
  return `\x1b[48;2;${rgb(colours.fill)};38;2;${rgb(colours.onFill)}m ${s} \x1b[0m`;
}
export const COLOUR: Style = { bold: wrap('1', 22), dim: wrap('2', 22), verdict: badge };
const same = (s: string) => s;
export const PLAIN: Style = { bold: same, dim: same, verdict: (_, s) => s };

/**
 * The extension's English catalogue, read by the command: one set of sentences for both. Substitutions
 * are isolated as the extension's `t()` isolates them, so a title cannot turn the sentence around.
 */
const lookup = catalogueLookup(catalogue);
const message = (key: string, substitutions: string[] = []) => lookup(key, substitutions.map(isolate));

/** One of the engine's explanations, as the popup says it. */
export const reasonText = (reason: Reason): string => renderReason(reason, message);

const pct = (x: number) => `${Math.round(x * 100)} %`;
export const SHOWN_SUBSTITUTIONS = 8;

/** The JSON line for one checked file: the fields the evaluation and other tools rely on. */
export function resultJson(file: string, result: CheckResult, ms: number, url?: string) {
  return {
    file,
    ...(url ? { url } : {}),
    verdict: result.verdict,
    confidence: result.confidence,
    summary: result.summary,
    match: result.match && {
      referenceId: result.match.referenceId,
      title: result.match.title,
      source: result.match.source,
      coverage: round(result.match.coverage),
      substitutionRate: round(result.match.substitutionRate),
      spunSide: result.match.spunSide,
    },
    knownSpunCopy: result.knownSpunCopy,
    story: result.story,
    boilerplate: result.boilerplate.map((b) => ({ rule: b.rule, text: b.text })),
    substitutions: result.substitutions.map((s) => ({ reference: s.reference, page: s.page })),
    sourceFree: result.sourceFree && {
      opinion: result.sourceFree.opinion,
      abstention: result.sourceFree.abstention,
      evidence: result.sourceFree.evidence,
      fluency: result.sourceFree.fluency,
      tortured: result.sourceFree.tortured.map((h) => ({ text: h.text, likely: h.likely, start: h.span.start })),
      artefacts: result.sourceFree.artefacts.map((a) => ({ kind: a.kind, text: a.text, start: a.span.start, ...(a.other ? { other: a.other } : {}) })),
    },
    reasons: result.reasons,
    ms: round(ms),
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

export function resultBlock(file: string, checked: CheckResult, ms: number, style: Style): string {
  // Titles and page text are isolated, so a right-to-left override in one cannot reverse the line it is on.
  const result = neutraliseDeep(checked);
  const q = (s: string) => `"${isolate(s)}"`;
  const lines = [style.bold(file)];
  lines.push(`  verdict       ${style.verdict(result.verdict, style.bold(result.verdict.toUpperCase()))}  (confidence ${result.confidence.toFixed(2)})`);
  lines.push(`  summary       ${reasonText(result.summary)}`);
  result.reasons.forEach((r, i) => lines.push(`  ${i ? '             ' : 'why          '} ${reasonText(r)}`));
  const m = result.match;
  if (m) {
    lines.push(`  reference     ${m.referenceId}: ${q(m.title)} (${isolate(m.source)}${m.date ? `, ${m.date}` : ''}; itself ${m.referenceRole})`);
    lines.push(`  coverage      ${pct(m.coverage)}   substitution rate ${pct(m.substitutionRate)}   spun side: ${m.spunSide}`);
  }
  if (result.story) lines.push(`  same story    ${result.story.referenceId}: ${q(result.story.title)} — shares ${result.story.sharedKeys.join(', ')}`);
  if (result.knownSpunCopy) lines.push(`  spun copy     ${result.knownSpunCopy.referenceId}: ${q(result.knownSpunCopy.title)} (${isolate(result.knownSpunCopy.source)})`);
  for (const b of result.boilerplate) lines.push(`  boilerplate   ${b.rule}: ${style.dim(JSON.stringify(b.text.slice(0, 90)))}`);
  const subs = result.substitutions.slice(0, SHOWN_SUBSTITUTIONS);
  subs.forEach((s, i) => lines.push(`  ${i ? '             ' : 'swaps        '} ${style.dim(isolate(s.reference))} → ${style.bold(isolate(s.page))}`));
  if (result.substitutions.length > subs.length) lines.push(`                … ${result.substitutions.length - subs.length} more`);
  lines.push(...sourceFreeLines(result, style));
  lines.push(style.dim(`  checked in ${ms.toFixed(1)} ms`));
  return lines.join('\n');
}

/** The text's own marks of rewording, the likeliest originals beside the tortured phrases. */
function sourceFreeLines(result: CheckResult, style: Style): string[] {
  const report = result.sourceFree;
  if (!report) return [];
  if (report.opinion === 'no-opinion') return [`  own text      no opinion (${report.abstention?.replace('-', ' ')})`];
  const lines = [`  own text      ${report.opinion === 'reworded' ? style.bold('reads machine-reworded') : 'no strong marks of rewording'} (evidence ${report.evidence})`];
  for (const h of report.tortured.slice(0, SHOWN_SUBSTITUTIONS)) lines.push(`    ${torturedText(h, message)}`);
  for (const a of report.artefacts.slice(0, SHOWN_SUBSTITUTIONS)) lines.push(`    ${artefactText(a, message)}`);
  return lines;
}

export function referenceJson(r: Reference) {
  return {
    id: r.id, title: r.title, source: r.source, date: r.date, role: r.role, origin: r.origin,
    words: wordCount(r.body), rules: [...new Set(r.boilerplate.map((b) => b.rule))],
  };
}

export function referenceLine(r: Reference, style: Style): string {
  const j = referenceJson(r);
  return `${style.bold(j.id)}  ${j.role.padEnd(14)} ${String(j.words).padStart(5)} words  ${isolate(j.source)}: "${isolate(j.title)}"` +
    (j.rules.length ? style.dim(`\n    rules: ${j.rules.join(', ')}`) : '');
}

const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

import { SOURCE_FREE_SETTINGS } from '../source-free/settings.ts';
import type { BoilerplateHit, ReferenceRole, SourceFreeSummary } from '../types.ts';
import { ROLE, VERDICT } from '../vocabulary.ts';

const WARNING_KINDS: ReadonlySet<BoilerplateHit['kind']> = new Set(['auto-publish', 'scraper-footer', 'spinner-artefact']);

/** Hits that are evidence on their own; the rest is ordinary site chrome that any site may show. */
export function isWarningHit(hit: BoilerplateHit): boolean {
  return WARNING_KINDS.has(hit.kind);
}

/** The warning that boilerplate alone justifies: spinner artefacts, then auto-publishing and scraper footers. */
export function boilerplateVerdict(hits: readonly BoilerplateHit[]): typeof VERDICT.spun | typeof VERDICT.autoPublished | null {
  if (hits.some((h) => h.kind === 'spinner-artefact')) return VERDICT.spun;
  if (hits.some((h) => h.kind === 'auto-publish' || h.kind === 'scraper-footer')) return VERDICT.autoPublished;
  return null;
}

/** The hit that decided `boilerplateVerdict`: the line a reader is shown as the evidence. */
export function decidingHit(hits: readonly BoilerplateHit[]): BoilerplateHit | undefined {
  const verdict = boilerplateVerdict(hits);
  return hits.find((h) => (verdict === VERDICT.spun ? h.kind === 'spinner-artefact' : h.kind === 'auto-publish' || h.kind === 'scraper-footer'));
}

/**
 * The text reads as machine-reworded: strong source-free evidence on its own, or some evidence on a page
 * that also carries a scraper's footer (scrapers are the sites that spin).
 */
export function readsReworded(sourceFree: SourceFreeSummary | null, hits: readonly BoilerplateHit[]): boolean {
  if (!sourceFree || sourceFree.opinion === 'no-opinion') return false;
  if (sourceFree.opinion === 'reworded') return true;
  return sourceFree.evidence >= SOURCE_FREE_SETTINGS.supportingEvidence && hits.some((h) => h.kind === 'scraper-footer');
}

/** A reference's role, from its own boilerplate and what its text says about rewording. */
export function roleFromEvidence(hits: readonly BoilerplateHit[], sourceFree: SourceFreeSummary | null = null): { role: ReferenceRole; reason: string } {
  const verdict = boilerplateVerdict(hits);
  const evidence = decidingHit(hits);
  const quoted = evidence ? `Rule ${evidence.rule}: "${evidence.text.slice(0, 80)}".` : '';
  if (readsReworded(sourceFree, hits) && verdict !== VERDICT.spun) {
    const reason = 'Its text reads as machine-reworded.';
    return { role: ROLE.spun, reason: quoted ? `${reason} ${quoted}` : reason };
  }
  if (verdict && evidence) return { role: verdict, reason: quoted };
  return { role: ROLE.original, reason: 'No scraper, auto-publishing or spinner evidence in the text.' };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Legitimate syndication credits its source: "(Reuters)", "By The Associated Press", "© AFP", "— ANI".
 * Auto-publishing credits ("with inputs from …") are boilerplate rules, not credits. Returns the credit's
 * line as the page wrote it (or the credit alone when the line is long), or null.
 */
export function creditLine(text: string, source: string | null): string | null {
  if (!source || source.trim().length < 2) return null;
  const name = escape(source.trim());
  const credit = new RegExp(
    String.raw`(?:\(\s*${name}\s*[)/]|\bby\s+(?:the\s+)?${name}\b|©\s*${name}\b|[—–]\s*${name}\s*$|^\s*${name}\s*[—–]|\(\s*${name}\s*\)\s*[—–-])`,
    'imu',
  );
  const found = credit.exec(text.replace(/with\s+inputs?\s+from[^\n)]*/giu, (m) => ' '.repeat(m.length)));
  if (!found) return null;
  // The line it stands in, as the page wrote it: what the reader is shown as the credit.
  const start = text.lastIndexOf('\n', found.index) + 1;
  const end = text.indexOf('\n', found.index);
  const line = text.slice(start, end < 0 ? undefined : end).replace(/\s+/g, ' ').trim();
  return line.length > 140 ? `${found[0].trim()}` : line;
}

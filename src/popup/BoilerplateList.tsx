/** Scraper and auto-publishing boilerplate found in the page, strongest first: what each line betrays in plain words, the line quoted. */
import type { BoilerplateHit, RuleFamily } from '../core/types.ts';
import { FAMILY_LABELS } from '../core/vocabulary.ts';
import { isWarningHit } from '../core/judge/verdict-evidence.ts';
import { ruleMessageKey } from '../core/reasons.ts';
import { t } from '../shared/browser/i18n.ts';

/** The family's name for a reader; a hit stored before families existed is called site chrome. */
export const familyLabel = (family: RuleFamily | undefined): string => t(FAMILY_LABELS[family ?? 'site-chrome'] ?? FAMILY_LABELS['site-chrome']);

/** What a line betrays; a rule this version no longer knows (a hit stored by an older one) says nothing. */
function ruleText(ruleId: string): string {
  const key = ruleMessageKey(ruleId);
  const text = t(key);
  return text === key ? '' : text;
}

export function BoilerplateList({ hits }: { hits: BoilerplateHit[] }) {
  // What betrays unedited publishing first; page chrome ("Open in App", photo credits) only after it.
  const ranked = [...hits.filter(isWarningHit), ...hits.filter((h) => !isWarningHit(h))];
  return (
    <section class="card" aria-labelledby="bp-heading">
      <h3 id="bp-heading">{t('popupBoilerplate', String(hits.length))}</h3>
      <ul class="boilerplate">
        {ranked.map((h, i) => (
          <li key={i} data-testid="boilerplate" data-family={h.family}>
            <span>
              <strong>{familyLabel(h.family)}:</strong> <q>{h.text.length > 160 ? h.text.slice(0, 159) + '…' : h.text}</q>
            </span>
            <span class="muted small">{ruleText(h.rule)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

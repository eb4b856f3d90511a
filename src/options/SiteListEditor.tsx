/** A list of sites: add, edit in place, remove. Entries are normalised and checked as they are entered. */
import { useState } from 'preact/hooks';
import { normalizeDomainEntry, type DomainError } from '../shared/sites/domains.ts';
import { t } from '../shared/browser/i18n.ts';
import { PlatformConfirm } from './PlatformConfirm.tsx';

interface Props {
  sites: string[];
  /** Prefix of the data-testids (`trusted` → trusted-input, trusted-add, trusted-item). */
  testid: string;
  label: string;
  onChange(sites: string[]): Promise<void>;
  /** A warning to confirm before an entry is added (a shared platform on the trusted list), or null. */
  warn?: (site: string) => string | null;
}

export function domainErrorText(reason: DomainError | string): string {
  switch (reason) {
    case 'empty':
      return t('domainEmpty');
    case 'public-suffix':
      return t('domainPublicSuffix');
    case 'too-long':
      return t('domainTooLong');
    case 'not-text':
      return t('domainNotText');
    case 'bad-json':
      return t('domainBadJson');
    case 'too-many':
      return t('domainTooMany');
    default:
      return t('domainInvalid');
  }
}

export function SiteListEditor({ sites, testid, label, onChange, warn }: Props) {
  const [input, setInput] = useState('');
  const [error, setError] = useState('');
  const [pending, setPending] = useState<{ site: string; warning: string } | null>(null);
  const [editing, setEditing] = useState<{ index: number; value: string; error: string } | null>(null);
  // The last removal, which one click puts back where it was.
  const [removed, setRemoved] = useState<{ site: string; index: number } | null>(null);
  const inputId = `${testid}-input`;

  const add = async (e: Event): Promise<void> => {
    e.preventDefault();
    const check = normalizeDomainEntry(input);
    if (!check.ok) return setError(domainErrorText(check.reason));
    setError('');
    setInput('');
    if (sites.includes(check.value)) return;
    const warning = warn?.(check.value) ?? null;
    if (warning) return setPending({ site: check.value, warning });
    await onChange([...sites, check.value]);
  };

  const answer = async (yes: boolean): Promise<void> => {
    const site = pending?.site;
    setPending(null);
    if (yes && site && !sites.includes(site)) await onChange([...sites, site]);
  };

  const remove = async (index: number): Promise<void> => {
    setRemoved({ site: sites[index]!, index });
    await onChange(sites.filter((_, j) => j !== index));
  };

  const undoRemove = async (): Promise<void> => {
    if (!removed) return;
    setRemoved(null);
    if (!sites.includes(removed.site)) await onChange([...sites.slice(0, removed.index), removed.site, ...sites.slice(removed.index)]);
  };

  const saveEdit = async (): Promise<void> => {
    if (!editing) return;
    const check = normalizeDomainEntry(editing.value);
    if (!check.ok) return setEditing({ ...editing, error: domainErrorText(check.reason) });
    const next = sites.map((s, i) => (i === editing.index ? check.value : s));
    setEditing(null);
    await onChange(next.filter((s, i) => next.indexOf(s) === i));
  };

  return (
    <div class="site-list">
      <form class="row" onSubmit={(e) => void add(e)}>
        <label for={inputId} class="visually-hidden">
          {label}
        </label>
        <input
          id={inputId}
          type="text"
          data-testid={`${testid}-input`}
          placeholder={t('sitePlaceholder')}
          value={input}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${inputId}-error` : undefined}
          onInput={(e) => setInput((e.currentTarget as HTMLInputElement).value)}
          autocomplete="off"
          spellcheck={false}
        />
        <button type="submit" data-testid={`${testid}-add`}>
          {t('siteAdd')}
        </button>
      </form>
      {error && (
        <p id={`${inputId}-error`} class="error" role="alert">
          {error}
        </p>
      )}
      {pending && <PlatformConfirm name={testid} warning={pending.warning} sites={pending.site} onAnswer={(yes) => void answer(yes)} />}
      {removed && (
        <p class="muted small" role="status">
          {t('siteRemoved', removed.site)}{' '}
          <button type="button" class="link" data-testid={`${testid}-undo`} onClick={() => void undoRemove()}>
            {t('undo')}
          </button>
        </p>
      )}
      {sites.length === 0 ? (
        <p class="muted small">{t('siteListEmpty')}</p>
      ) : (
        <ul class="sites" aria-label={label}>
          {sites.map((site, i) =>
            editing?.index === i ? (
              <li key={site} data-testid={`${testid}-item`}>
                <label class="visually-hidden" for={`${testid}-edit-${i}`}>
                  {t('siteEditLabel', site)}
                </label>
                <input
                  id={`${testid}-edit-${i}`}
                  type="text"
                  value={editing.value}
                  onInput={(e) => setEditing({ ...editing, value: (e.currentTarget as HTMLInputElement).value, error: '' })}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') void saveEdit();
                    if (e.key === 'Escape') setEditing(null);
                  }}
                  ref={(el) => el?.focus()}
                />
                <button type="button" onClick={() => void saveEdit()}>
                  {t('siteSave')}
                </button>
                <button type="button" onClick={() => setEditing(null)}>
                  {t('siteCancel')}
                </button>
                {editing.error && (
                  <span class="error" role="alert">
                    {editing.error}
                  </span>
                )}
              </li>
            ) : (
              <li key={site} data-testid={`${testid}-item`}>
                <span class="site">{site}</span>
                <button type="button" aria-label={t('siteEditLabel', site)} onClick={() => setEditing({ index: i, value: site, error: '' })}>
                  {t('siteEdit')}
                </button>
                <button
                  type="button"
                  aria-label={t('siteRemoveLabel', site)}
                  onClick={() => void remove(i)}
                >
                  {t('siteRemove')}
                </button>
              </li>
            ),
          )}
        </ul>
      )}
    </div>
  );
}

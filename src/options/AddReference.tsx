/** Adding a reference: by pasting a text, from a file, or from an open tab whose article was read. */
import { useEffect, useState } from 'preact/hooks';
import { REFERENCE_ROLES, ROLE, ROLE_LABELS } from '../core/vocabulary.ts';
import { isWebAddress } from '../extract/address.ts';
import { DocumentError, type DocumentProblem } from '../extract/document.ts';
import { t } from '../shared/browser/i18n.ts';
import { sendToWorker } from '../shared/protocol/messaging.ts';
import type { Reply } from '../shared/protocol/messages.ts';
import type { CheckedTab, NewReference } from '../shared/protocol/state.ts';
import { readFileBytes } from './download.ts';
import { libraryErrorText } from './library-status.ts';
import { fileToDoc } from './reference-files.ts';

const FILE_PROBLEM_TEXT = {
  unreadable: 'libraryFileUnreadable',
  empty: 'libraryFileEmpty',
  binary: 'libraryFileBinary',
  'not-utf8': 'libraryFileEncoding',
  'no-article': 'libraryNoArticle',
} as const satisfies Record<DocumentProblem, string>;

export function AddReference({ onAdded }: { onAdded(message: string): void }) {
  const [title, setTitle] = useState('');
  const [source, setSource] = useState('');
  const [address, setAddress] = useState('');
  const [role, setRole] = useState<NonNullable<NewReference['role']>>(ROLE.original);
  const [text, setText] = useState('');
  const [tabs, setTabs] = useState<CheckedTab[]>([]);
  const [tabId, setTabId] = useState<number | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    void sendToWorker({ type: 'list-checked-tabs' }).then((r) => {
      if (r.ok) {
        setTabs(r.value);
        setTabId(r.value[0]?.tabId ?? null);
      }
    });
  }, []);

  const done = (reply: Reply<'add-reference'>): void => {
    if (reply.ok) {
      setError('');
      onAdded(t('libraryAdded', reply.value.title || t('libraryUntitled')));
    } else setError(libraryErrorText(reply.error));
  };

  const addPasted = async (e: Event): Promise<void> => {
    e.preventDefault();
    if (!text.trim()) return setError(t('libraryNeedText'));
    const url = address.trim();
    // Where the original lives: the popup links to it, so only a web address is taken.
    if (url && !isWebAddress(url)) return setError(t('libraryNeedWebAddress'));
    done(await sendToWorker({ type: 'add-reference', doc: { title, source, text, url: url || null, date: null, role } }));
    setTitle('');
    setSource('');
    setAddress('');
    setText('');
  };

  const addFile = async (e: Event): Promise<void> => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    try {
      const doc = fileToDoc(file.name, await readFileBytes(file));
      done(await sendToWorker({ type: 'add-reference', doc: { ...doc, role } }));
    } catch (err) {
      if (err instanceof DocumentError) setError(t(FILE_PROBLEM_TEXT[err.problem]));
      else setError(t('libraryError', err instanceof Error ? err.message : String(err)));
    }
  };

  const addTab = async (): Promise<void> => {
    if (tabId === null) return;
    const reply = await sendToWorker({ type: 'add-reference-from-tab', tabId });
    if (reply.ok) onAdded(t('libraryAdded', reply.value.title));
    else setError(libraryErrorText(reply.error));
  };

  return (
    <div class="add-reference">
      <h3>{t('libraryAddHeading')}</h3>
      <form class="paste" onSubmit={(e) => void addPasted(e)}>
        <div class="two">
          <label class="field">
            <span>{t('libraryTitle')}</span>
            <input type="text" value={title} onInput={(e) => setTitle((e.currentTarget as HTMLInputElement).value)} />
          </label>
          <label class="field">
            <span>{t('librarySource')}</span>
            <input type="text" value={source} onInput={(e) => setSource((e.currentTarget as HTMLInputElement).value)} />
          </label>
        </div>
        <label class="field">
          <span>{t('libraryRoleQuestion')}</span>
          <select value={role} data-testid="reference-role-choice" onChange={(e) => setRole((e.currentTarget as HTMLSelectElement).value as typeof role)}>
            {REFERENCE_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(ROLE_LABELS[r].choice)}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>{t('libraryAddress')}</span>
          <input type="url" placeholder="https://" value={address} data-testid="reference-address" onInput={(e) => setAddress((e.currentTarget as HTMLInputElement).value)} />
        </label>
        <label class="field">
          <span>{t('libraryText')}</span>
          <textarea rows={5} value={text} data-testid="reference-text" onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)} />
        </label>
        <div class="row">
          <button type="submit" class="primary" data-testid="reference-add">
            {t('libraryAddPasted')}
          </button>
          <label class="file-button">
            <span>{t('libraryAddFile')}</span>
            <input type="file" accept=".txt,.html,.htm,text/plain,text/html" data-testid="reference-file" onChange={(e) => void addFile(e)} />
          </label>
        </div>
      </form>
      <div class="row">
        <label for="reference-tab">{t('libraryFromTab')}</label>
        <select
          id="reference-tab"
          disabled={!tabs.length}
          value={tabId ?? ''}
          onChange={(e) => setTabId(Number((e.currentTarget as HTMLSelectElement).value))}
        >
          {tabs.length === 0 && <option value="">{t('libraryNoTabs')}</option>}
          {tabs.map((tab) => (
            <option key={tab.tabId} value={tab.tabId}>
              {tab.title || tab.url}
            </option>
          ))}
        </select>
        <button type="button" disabled={tabId === null} onClick={() => void addTab()}>
          {t('libraryAddTab')}
        </button>
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

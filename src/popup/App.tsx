/** The popup: what Spinscope found on one tab (or in a selection), and what the reader can do about it. */
import { useEffect, useState } from 'preact/hooks';
import { ext } from '../shared/browser/browser.ts';
import { t } from '../shared/browser/i18n.ts';
import { sendToWorker } from '../shared/protocol/messaging.ts';
import type { SelectionState } from '../shared/protocol/state.ts';
import { loadTabState, type TabView } from './tab-state.ts';
import { onTabStateChanged } from '../shared/storage/storage.ts';
import { ResultView } from './ResultView.tsx';
import { StateMessage } from './StateMessage.tsx';
import { resolveTarget, type PopupTarget } from './target.ts';

type Loaded =
  | { kind: 'loading' }
  | { kind: 'tab'; tabId: number; state: TabView }
  | { kind: 'selection'; state: SelectionState | null }
  | { kind: 'none' };

export function App() {
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });

  useEffect(() => {
    let stop: (() => void) | null = null;
    let alive = true;
    void resolveTarget(location.search).then(async (target: PopupTarget) => {
      if (!alive) return;
      if (target.kind === 'none') return setLoaded({ kind: 'none' });
      if (target.kind === 'selection') {
        const reply = await sendToWorker({ type: 'get-selection-result' });
        return setLoaded({ kind: 'selection', state: reply.ok ? reply.value : null });
      }
      const tabId = target.tabId;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const refresh = async (): Promise<void> => {
        clearTimeout(timer);
        const state = await loadTabState(tabId);
        if (!alive) return;
        setLoaded({ kind: 'tab', tabId, state });
        // A page still loading or being read may end up "not an article" without the worker hearing of it: ask again.
        if (state.status === 'checking' || state.status === 'loading') timer = setTimeout(() => void refresh(), 700);
      };
      await refresh();
      // "Checking…" turns into the result without reopening the popup.
      const unsubscribe = onTabStateChanged(tabId, () => void refresh());
      stop = () => {
        clearTimeout(timer);
        unsubscribe();
      };
    });
    return () => {
      alive = false;
      stop?.();
    };
  }, []);

  return (
    <main class="popup">
      <header class="top">
        <h1>{t('extName')}</h1>
        <button type="button" class="link" onClick={() => void ext().runtime.openOptionsPage()}>
          {t('popupSettings')}
        </button>
      </header>
      {body(loaded)}
    </main>
  );
}

function body(loaded: Loaded) {
  switch (loaded.kind) {
    case 'loading':
      return <StateMessage text={t('popupLoading')} busy />;
    case 'none':
      return <StateMessage text={t('stateNoTab')} />;
    case 'selection':
      if (!loaded.state) return <StateMessage text={t('stateNoSelection')} />;
      if (!loaded.state.result) return <StateMessage text={t('stateError', loaded.state.error ?? '')} />;
      return (
        <>
          <p class="muted selection-note">{t('selectionChecked', loaded.state.excerpt)}</p>
          <ResultView result={loaded.state.result} textLength={loaded.state.textLength} pageTitle={loaded.state.excerpt} tab={null} />
        </>
      );
    case 'tab': {
      const s = loaded.state;
      switch (s.status) {
        case 'loading':
          return <StateMessage text={t('stateTabLoading')} busy />;
        case 'no-script':
          return <StateMessage text={t('stateNotChecked')} />;
        case 'unfinished':
          return <StateMessage text={t('stateUnfinished')} />;
        case 'checking':
          return <StateMessage text={t('stateChecking')} busy />;
        case 'not-article':
          return <StateMessage text={t(s.tooLong ? 'stateTooLong' : 'stateNotArticle')} />;
        case 'skipped':
          return <StateMessage text={t('stateSkipped')} />;
        case 'error':
          return <StateMessage text={t('stateError', s.error)} />;
        case 'checked':
          return (
            <ResultView
              result={s.result}
              textLength={s.textLength}
              pageTitle={s.title}
              tab={{ tabId: loaded.tabId, url: s.url, site: s.site }}
              partial={s.partial}
            />
          );
      }
    }
  }
}

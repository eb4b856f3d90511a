/**
 * Content script entry (document_idle, top frame of http/https pages). A page leaving for the
 * back/forward cache stops everything; a page restored from it starts afresh. A page being
 * unloaded for good (a tab closing) needs nothing stopped, so its pagehide does constant work:
 * Firefox ends a handler that runs long while a tab closes, with "Script terminated by timeout".
 */
import '../shared/install-browser.ts';
import { PageController } from './controller.ts';

let current: PageController | null = null;

function start(): void {
  current?.stop();
  current = new PageController();
  void current.start().catch(() => undefined);
}

window.addEventListener('pagehide', (e) => {
  if (!e.persisted) return;
  current?.stop();
  current = null;
});
window.addEventListener('pageshow', (e) => {
  if (e.persisted) start();
});
start();

/**
 * Content script entry (document_idle, top frame of http/https pages). A page leaving for the
 * back/forward cache stops everything; a page restored from it starts afresh.
 */
import '../shared/install-browser.ts';
import { PageController } from './controller.ts';

let current: PageController | null = null;

function start(): void {
  current?.stop();
  current = new PageController();
  void current.start().catch(() => undefined);
}

window.addEventListener('pagehide', () => {
  current?.stop();
  current = null;
});
window.addEventListener('pageshow', (e) => {
  if (e.persisted) start();
});
start();

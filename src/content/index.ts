/**
 * Content script entry (document_idle, top frame of http/https pages). A page restored from the
 * back/forward cache starts afresh, the controller of its earlier visit detached first. There is no
 * pagehide handler: a page in the cache is frozen (no timer, no idle callback runs), a page unloaded
 * for good needs nothing stopped, and Firefox ends any content-script pagehide handler still running
 * as a tab closes with "Script terminated by timeout", however little it does.
 */
import '../shared/browser/install-browser.ts';
import { PageController } from './controller.ts';

let current: PageController | null = null;

function start(): void {
  current?.detach();
  current = new PageController();
  void current.start().catch(() => undefined);
}

window.addEventListener('pageshow', (e) => {
  if (e.persisted) start();
});
start();

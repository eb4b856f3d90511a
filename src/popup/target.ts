/** Which tab the popup describes: `?tab=<id>` (details window, tests) or the active tab of this window. */
import { ext } from '../shared/browser/browser.ts';

export type PopupTarget = { kind: 'tab'; tabId: number } | { kind: 'selection' } | { kind: 'none' };

export async function resolveTarget(search: string): Promise<PopupTarget> {
  const params = new URLSearchParams(search);
  if (params.get('view') === 'selection') return { kind: 'selection' };
  const given = params.get('tab');
  if (given !== null) {
    const id = Number(given);
    return Number.isSafeInteger(id) && id >= 0 ? { kind: 'tab', tabId: id } : { kind: 'none' };
  }
  try {
    const [tab] = await ext().tabs.query({ active: true, currentWindow: true });
    return typeof tab?.id === 'number' && tab.id >= 0 ? { kind: 'tab', tabId: tab.id } : { kind: 'none' };
  } catch {
    return { kind: 'none' };
  }
}

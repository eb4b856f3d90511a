/**
 * What the content script shows in a page (the banner, the replaced-word tip) is built the same way: a host
 * element whose styles are inline and !important, so page rules cannot move, hide or restyle it, holding a
 * closed shadow root the page cannot reach; words are painted from the root's own style sheet as CSS strings,
 * so no text node holds them.
 */

/** A host element with `style` applied inline and !important, and its closed shadow root. */
export function closedHost(tag: string, style: readonly (readonly [string, string])[]): { host: HTMLElement; root: ShadowRoot } {
  const host = document.createElement(tag);
  for (const [prop, value] of style) host.style.setProperty(prop, value, 'important');
  return { host, root: host.attachShadow({ mode: 'closed' }) };
}

/** A CSS string literal: every character but letters, digits and spaces as a hex escape, so nothing can end it. */
export function cssString(s: string): string {
  let out = '"';
  for (const ch of s) out += /[A-Za-z0-9 ]/.test(ch) ? ch : `\\${(ch.codePointAt(0) as number).toString(16)} `;
  return out + '"';
}

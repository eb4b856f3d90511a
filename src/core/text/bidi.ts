/**
 * Text from pages and references is put into the extension's own sentences. A U+202E (right-to-left
 * override) in a title would reverse the rest of the sentence, so embedding, override and isolate
 * controls are dropped from such text and what is left is wrapped in an isolate of its own (FSI…PDI):
 * it keeps its own direction without turning the words around it.
 */
const CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/** The text without bidi embedding, override or isolate controls. */
export function neutralise(s: string): string {
  return s.replace(CONTROLS, '');
}

/** The text, neutralised, in a first-strong isolate. */
export function isolate(s: string): string {
  return `\u2068${neutralise(s)}\u2069`;
}

/** A copy of a JSON-like value with every string neutralised (results and states shown in the popup). */
export function neutraliseDeep<T>(value: T): T {
  if (typeof value === 'string') return neutralise(value) as T;
  if (Array.isArray(value)) return value.map(neutraliseDeep) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = neutraliseDeep(v);
    return out as T;
  }
  return value;
}

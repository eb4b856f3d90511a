/** The popup's "nothing to show" states: not checked, checking, skipped, not an article, failed. */
export function StateMessage({ text, busy = false }: { text: string; busy?: boolean }) {
  return (
    <p class={`state${busy ? ' busy' : ''}`} data-testid="state" role="status" aria-busy={busy}>
      {busy && <span class="spinner" aria-hidden="true" />}
      {text}
    </p>
  );
}

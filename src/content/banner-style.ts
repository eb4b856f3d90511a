/**
 * Styles of the banner, scoped by its closed shadow root. Colours follow the reader's scheme.
 *
 * The colours are data so their contrast can be checked (test/unit/content/contrast.test.ts). Every text
 * and button label meets WCAG AA (4.5:1) on what it sits on; WCAG 2 ratios:
 *
 *                                   light               dark
 *   message text on banner          #1b1b1f/#fff 17.2   #e4e2e6/#1f2024 12.7
 *   muted (×) on banner             #44474e/#fff  9.3   #c4c6d0/#1f2024  9.6
 *   button text on button           #1b1b1f/#f1f0f4 15.1  #e4e2e6/#303136 10.1
 *   SPUN badge, Details (red)       6.5                 7.1
 *   AUTO/COPY badge, Details (amber) 8.1                10.6
 *
 * The red and amber tones are the vocabulary's (core/vocabulary.ts), shared with the badge and the popup.
 */
import { TONE_COLOURS, type ToneColours } from '../core/vocabulary.ts';

export interface SchemeColours {
  bg: string;
  fg: string;
  muted: string;
  line: string;
  btnBg: string;
  btnFg: string;
  focus: string;
  red: ToneColours;
  amber: ToneColours;
}

export const BANNER_COLOURS: { light: SchemeColours; dark: SchemeColours } = {
  light: {
    bg: '#ffffff',
    fg: '#1b1b1f',
    muted: '#44474e',
    line: '#c4c6d0',
    btnBg: '#f1f0f4',
    btnFg: '#1b1b1f',
    focus: '#0b57d0',
    ...TONE_COLOURS.light,
  },
  dark: {
    bg: '#1f2024',
    fg: '#e4e2e6',
    muted: '#c4c6d0',
    line: '#44474e',
    btnBg: '#303136',
    btnFg: '#e4e2e6',
    focus: '#a8c7fa',
    ...TONE_COLOURS.dark,
  },
};

function vars(c: SchemeColours): string {
  return `--bg: ${c.bg}; --fg: ${c.fg}; --muted: ${c.muted}; --line: ${c.line};
    --btn-bg: ${c.btnBg}; --btn-fg: ${c.btnFg}; --focus: ${c.focus};`;
}

function tone(t: ToneColours): string {
  return `--stripe: ${t.stripe}; --fill: ${t.fill}; --on-fill: ${t.onFill}; --edge: ${t.edge};`;
}

const { light, dark } = BANNER_COLOURS;

export const BANNER_CSS = `
:host { all: initial; }
.box {
  ${vars(light)}
  ${tone(light.red)}
  box-sizing: border-box;
  display: flex; flex-direction: column; gap: 10px;
  width: min(380px, calc(100vw - 32px));
  padding: 14px 14px 12px 16px;
  background: var(--bg); color: var(--fg);
  border: 1px solid var(--line); border-left: 6px solid var(--stripe); border-radius: 10px;
  box-shadow: 0 6px 24px rgba(0,0,0,.28), 0 1px 3px rgba(0,0,0,.2);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  text-align: left; direction: ltr;
}
.box[data-tone="amber"] { ${tone(light.amber)} }
@media (prefers-color-scheme: dark) {
  .box {
    ${vars(dark)}
    ${tone(dark.red)}
  }
  .box[data-tone="amber"] { ${tone(dark.amber)} }
}
.head { display: flex; align-items: flex-start; gap: 10px; }
.mark {
  flex: none; margin-top: 1px; padding: 1px 6px; border-radius: 4px;
  background: var(--fill); color: var(--on-fill); font-weight: 700; font-size: 11px; letter-spacing: .04em;
}
.msg { flex: 1; margin: 0; }
.close {
  flex: none; width: 28px; height: 28px; margin: -4px -4px 0 0; padding: 0;
  border: 0; border-radius: 6px; background: transparent; color: var(--muted);
  font: 20px/28px system-ui, sans-serif; cursor: pointer;
}
.close:hover { background: var(--btn-bg); color: var(--fg); }
.actions { display: flex; flex-wrap: wrap; gap: 8px; }
.btn {
  padding: 6px 12px; border: 1px solid var(--line); border-radius: 6px;
  background: var(--btn-bg); color: var(--btn-fg);
  font: 600 13px/1.3 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; cursor: pointer;
}
.btn.primary { background: var(--fill); border-color: var(--edge); color: var(--on-fill); }
/* An underline, not a colour shift: hover must not cost the label its contrast. */
.btn:hover { text-decoration: underline; }
button:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
@media (prefers-reduced-motion: no-preference) {
  .box { animation: in .18s ease-out; }
  @keyframes in { from { opacity: 0; transform: translateY(8px); } to { opacity: 1; transform: none; } }
}
`;

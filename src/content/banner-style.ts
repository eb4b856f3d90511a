/** Styles of the banner, scoped by its closed shadow root. Colours follow the reader's scheme. */
export const BANNER_CSS = `
:host { all: initial; }
.box {
  --bg: #ffffff; --fg: #1b1b1f; --muted: #44474e; --line: #c4c6d0; --accent: #b3261e;
  --btn-bg: #f1f0f4; --btn-fg: #1b1b1f; --focus: #0b57d0;
  box-sizing: border-box;
  display: flex; flex-direction: column; gap: 10px;
  width: min(380px, calc(100vw - 32px));
  padding: 14px 14px 12px 16px;
  background: var(--bg); color: var(--fg);
  border: 1px solid var(--line); border-left: 6px solid var(--accent); border-radius: 10px;
  box-shadow: 0 6px 24px rgba(0,0,0,.28), 0 1px 3px rgba(0,0,0,.2);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  text-align: left; direction: ltr;
}
.box[data-tone="amber"] { --accent: #c77c02; }
@media (prefers-color-scheme: dark) {
  .box {
    --bg: #1f2024; --fg: #e4e2e6; --muted: #c4c6d0; --line: #44474e; --accent: #ff8a80;
    --btn-bg: #303136; --btn-fg: #e4e2e6; --focus: #a8c7fa;
  }
  .box[data-tone="amber"] { --accent: #ffc94d; }
}
.head { display: flex; align-items: flex-start; gap: 10px; }
.mark {
  flex: none; margin-top: 1px; padding: 1px 6px; border-radius: 4px;
  background: var(--accent); color: var(--bg); font-weight: 700; font-size: 11px; letter-spacing: .04em;
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
.btn.primary { background: var(--accent); border-color: var(--accent); color: var(--bg); }
.btn:hover { filter: brightness(1.06); }
button:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
@media (prefers-reduced-motion: no-preference) {
  .box { animation: in .18s ease-out; }
  @keyframes in { from { opacity: 0; transform: translateY(8px); } to { opacity: 1; transform: none; } }
}
`;

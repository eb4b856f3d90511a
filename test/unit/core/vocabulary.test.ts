/**
 * One vocabulary: every context that shows a verdict reads its words, its warning and its colours from
 * core/vocabulary.ts, so the badge, the banner, the popup and the command cannot drift apart.
 */
import { describe, expect, it } from 'vitest';
import { badgeFor, tooltip } from '../../../src/background/badge.ts';
import { COLOUR } from '../../../src/cli/format.ts';
import { BANNER_COLOURS } from '../../../src/content/banner-style.ts';
import type { CheckResult } from '../../../src/core/types.ts';
import { TONE_COLOURS, VERDICT_NAMES, warns, type Verdict } from '../../../src/core/vocabulary.ts';
import { parseSettings } from '../../../src/shared/storage/settings.ts';
import { toneProperties } from '../../../src/shared/ui/tone-style.ts';
import { isWarning } from '../../eval/evaluate.ts';
import { installFakeBrowser, plain } from '../support/fake-browser.ts';

describe('the verdict vocabulary', () => {
  it('warns for spun, auto-published and copy, and for nothing else', () => {
    expect(VERDICT_NAMES.filter(warns)).toEqual(['spun', 'auto-published', 'copy']);
    expect(VERDICT_NAMES.filter(isWarning)).toEqual(['spun', 'auto-published', 'copy']);
  });

  it('paints a warning with one colour in the badge, the banner, the popup and the command', () => {
    const amber = TONE_COLOURS.light.amber;
    expect(badgeFor('auto-published')).toEqual({ text: 'AUTO', color: amber.fill, textColor: amber.onFill });
    expect(badgeFor('copy')?.color).toBe(amber.fill);
    expect(badgeFor('spun')).toEqual({ text: 'SPUN', color: TONE_COLOURS.light.red.fill, textColor: TONE_COLOURS.light.red.onFill });
    expect(BANNER_COLOURS.light.amber).toBe(amber);
    expect(BANNER_COLOURS.dark.red).toBe(TONE_COLOURS.dark.red);
    expect(toneProperties('light')['--amber']).toBe(amber.text);
    // #f0a202 on the terminal, as 24-bit colour: the amber of the badge, not the terminal's own yellow.
    expect(COLOUR.verdict('copy', 'COPY')).toContain('48;2;240;162;2');
    expect(COLOUR.verdict('copy', 'COPY')).not.toContain('\x1b[33m');
  });

  it('gives no badge to a verdict that does not warn', () => {
    expect(badgeFor('related')).toBeUndefined();
    expect(badgeFor('clean')).toBeUndefined();
  });

  it('names each verdict in the tooltip', () => {
    installFakeBrowser();
    const state = (verdict: Verdict, title: string) =>
      ({ status: 'checked', url: 'https://a.example/', at: 0, title: '', trusted: false, site: null, textLength: 1, partial: false,
        result: { verdict, confidence: 0.8, match: title ? { title } : null } as CheckResult }) as const;
    expect(plain(tooltip(state('spun', 'Talks resume')))).toBe('Spinscope: spun copy of “Talks resume” (80% confidence)');
    expect(plain(tooltip(state('spun', '')))).toBe('Spinscope: spun text (80% confidence)');
    expect(VERDICT_NAMES.map((v) => tooltip(state(v, 'T'))).every((s) => s.startsWith('Spinscope'))).toBe(true);
  });
});

describe('the sensitivities', () => {
  it('are the ones settings accept', () => {
    for (const sensitivity of ['low', 'normal', 'high']) expect(parseSettings({ version: 3, sensitivity }).settings.sensitivity).toBe(sensitivity);
    expect(parseSettings({ version: 3, sensitivity: 'max' }).settings.sensitivity).toBe('normal');
  });
});

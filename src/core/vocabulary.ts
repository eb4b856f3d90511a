/**
 * The words Spinscope judges with and how each is shown: the verdicts, which of them warn, their labels,
 * tones and colours, the roles a reference can have and the sensitivities. Data only, read by the engine,
 * the worker's badge, the banner, the popup, the options page and the command alike, so that no context
 * spells a verdict or paints it on its own (test/unit/conventions.test.ts holds every other file to that).
 */

/** The verdicts, by name: code compares with these, never with a spelled word. */
export const VERDICT = {
  spun: 'spun',
  autoPublished: 'auto-published',
  copy: 'copy',
  related: 'related',
  clean: 'clean',
} as const;

export type Verdict = (typeof VERDICT)[keyof typeof VERDICT];

/** What a reference text itself is: one of the warning verdicts, or an original. */
export const ROLE = { original: 'original', spun: VERDICT.spun, autoPublished: VERDICT.autoPublished, copy: VERDICT.copy } as const;

export type ReferenceRole = (typeof ROLE)[keyof typeof ROLE];

export const REFERENCE_ROLES: readonly ReferenceRole[] = Object.values(ROLE);

export const SENSITIVITIES = ['low', 'normal', 'high'] as const;

export type Sensitivity = (typeof SENSITIVITIES)[number];

export const DEFAULT_SENSITIVITY: Sensitivity = 'normal';

/** "clean" is no finding: grey, never the green of a positive result. */
export type Tone = 'red' | 'amber' | 'blue' | 'grey';

export interface VerdictLook {
  /** A warning: badge, banner and the evidence shown in full. */
  warns: boolean;
  tone: Tone;
  /** The popup chip's words (catalogue key). */
  label: string;
  /** The toolbar badge and the banner's mark: short, upper-case; empty when there is no badge. */
  badge: string;
  /** The banner's sentence (catalogue key), for warnings. */
  banner: string | null;
  /** The toolbar button's tooltip (catalogue key; $1 the matched title, $2 the confidence). */
  tooltip: string;
}

export const VERDICTS: Readonly<Record<Verdict, VerdictLook>> = {
  spun: { warns: true, tone: 'red', label: 'verdictSpun', badge: 'SPUN', banner: 'bannerSpun', tooltip: 'tooltipSpunOf' },
  'auto-published': { warns: true, tone: 'amber', label: 'verdictAuto', badge: 'AUTO', banner: 'bannerAuto', tooltip: 'tooltipAuto' },
  copy: { warns: true, tone: 'amber', label: 'verdictCopy', badge: 'COPY', banner: 'bannerCopy', tooltip: 'tooltipCopyOf' },
  related: { warns: false, tone: 'blue', label: 'verdictRelated', badge: '', banner: null, tooltip: 'tooltipRelated' },
  clean: { warns: false, tone: 'grey', label: 'labelNotRecognised', badge: '', banner: null, tooltip: 'tooltipClean' },
};

export const VERDICT_NAMES = Object.keys(VERDICTS) as Verdict[];

export function warns(verdict: Verdict): boolean {
  return VERDICTS[verdict]?.warns === true;
}

/**
 * What each role is called for a reader (catalogue keys): in a sentence about the matched reference, as a
 * word in the library's list, and as the answer to "what is this text?" when the reader adds one.
 */
export const ROLE_LABELS: Readonly<Record<ReferenceRole, { sentence: string; name: string; choice: string }>> = {
  original: { sentence: 'roleOriginal', name: 'libraryRoleOriginal', choice: 'libraryRoleOriginalChoice' },
  spun: { sentence: 'roleSpun', name: 'libraryRoleSpun', choice: 'libraryRoleSpunChoice' },
  'auto-published': { sentence: 'roleAuto', name: 'libraryRoleAuto', choice: 'libraryRoleAutoChoice' },
  copy: { sentence: 'roleCopy', name: 'libraryRoleCopy', choice: 'libraryRoleCopyChoice' },
};

/** The families of telltale lines (boilerplate rules), from publishing machinery to ordinary site chrome. */
export type RuleFamily = 'feed-disclaimer' | 'feed-automation' | 'scraper-theme' | 'ai-leftover' | 'spinner' | 'site-chrome';

/** What each family of boilerplate rules betrays, for a reader (catalogue keys). */
export const FAMILY_LABELS: Readonly<Record<RuleFamily, string>> = {
  'feed-disclaimer': 'familyFeedDisclaimer',
  'feed-automation': 'familyFeedAutomation',
  'scraper-theme': 'familyScraperTheme',
  'ai-leftover': 'familyAiLeftover',
  spinner: 'familySpinner',
  'site-chrome': 'familySiteChrome',
};

export type WarningTone = Extract<Tone, 'red' | 'amber'>;

/** How one warning tone is painted: a filled mark (badge, banner mark, button) and text on a tinted chip. */
export interface ToneColours {
  /** The stripe along the banner's edge. */
  stripe: string;
  /** Badge, banner mark and primary button background, and the text on it. */
  fill: string;
  onFill: string;
  /** The primary button's border. */
  edge: string;
  /** The popup's chips and notes: text on a tint. */
  text: string;
  tint: string;
}

/**
 * The warning tones, light and dark. Every text meets WCAG AA (4.5:1) on what it sits on
 * (test/unit/content/contrast.test.ts): the amber fill carries dark text, as warning signs do. The amber
 * stripe (3.3:1 on white) is decoration, not text; the amber edge (6.3:1) keeps the button's outline
 * visible on the white banner. The toolbar badge and the command's verdict use the light fill.
 */
export const TONE_COLOURS: Readonly<Record<'light' | 'dark', Record<WarningTone, ToneColours>>> = {
  light: {
    red: { stripe: '#b3261e', fill: '#b3261e', onFill: '#ffffff', edge: '#b3261e', text: '#b3261e', tint: '#fce8e6' },
    amber: { stripe: '#c77c02', fill: '#f0a202', onFill: '#1b1b1f', edge: '#8a5300', text: '#8a5300', tint: '#fff1d0' },
  },
  dark: {
    red: { stripe: '#ff8a80', fill: '#ff8a80', onFill: '#1f2024', edge: '#ff8a80', text: '#ffb4ab', tint: '#5c1a14' },
    amber: { stripe: '#ffc94d', fill: '#ffc94d', onFill: '#1f2024', edge: '#ffc94d', text: '#ffd27a', tint: '#4a3300' },
  },
};

/** A verdict's colours in a scheme; none for the verdicts that do not warn. */
export function warningColours(verdict: Verdict, scheme: keyof typeof TONE_COLOURS = 'light'): ToneColours | null {
  const { tone } = VERDICTS[verdict];
  return tone === 'red' || tone === 'amber' ? TONE_COLOURS[scheme][tone] : null;
}

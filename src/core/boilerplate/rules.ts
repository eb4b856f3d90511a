/** Every boilerplate rule, in the order they are tried: the families' own files, then ordinary site chrome. */
import { AI_RULES } from './ai-rules.ts';
import { FEED_RULES } from './feed-rules.ts';
import type { BoilerplateRule } from './rule.ts';
import { SCRAPER_RULES } from './scraper-rules.ts';

const AGENCIES = String.raw`(?:reuters|ap|afp|getty(?: images)?|tass|epa|ani|pti|ians|dpa|anadolu|xinhua|efe|shutterstock|press association|pa|bloomberg|ap photo)`;

/** Evidence of publishing without an editor first, then scraper leftovers, then ordinary site chrome. */
const SITE_RULES: readonly BoilerplateRule[] = [
  {
    id: 'with-inputs-from',
    family: 'feed-disclaimer',
    kind: 'auto-publish',
    where: 'tail',
    patterns: [String.raw`^[(\[]\s*with\s+inputs?\s+from\s+[\p{L}\s,&./-]{2,60}[)\]]\.?$`, String.raw`^with\s+inputs?\s+from\s+[\p{L}\s,&./-]{2,60}\.?$`],
    removes: 'paragraph',
  },
  {
    id: 'source-link-footer',
    family: 'scraper-theme',
    kind: 'scraper-footer',
    where: 'tail',
    patterns: [String.raw`^(?:source(?:\s+link)?|original\s+source|source\s+url|read\s+(?:the\s+)?(?:original|full)(?:\s+(?:article|story|post))?(?:\s+(?:here|at\s+source))?|go\s+to\s+(?:the\s+)?source|view\s+(?:original|source))\s*[:.»›→>]*$`],
    removes: 'paragraph-and-rest',
  },
  {
    id: 'related-list',
    family: 'site-chrome',
    kind: 'scraper-chrome',
    where: 'tail',
    patterns: [String.raw`^(?:[\p{L}]+\s+)?(?:related|realted|more|recommended|trending|popular)\s+(?:articles?|stories|posts|news|reads)\s*:?$`, String.raw`^you\s+(?:may|might)\s+also\s+(?:like|read)\s*:?$`],
    removes: 'paragraph-and-rest',
  },
  {
    id: 'comment-form',
    family: 'site-chrome',
    kind: 'scraper-chrome',
    where: 'tail',
    patterns: [String.raw`^(?:leave\s+a\s+(?:reply|comment)|post\s+a\s+comment|add\s+comment|comments?)\s*:?$`],
    removes: 'paragraph',
  },
  {
    id: 'scraper-theme-chrome',
    family: 'site-chrome',
    kind: 'scraper-chrome',
    where: 'line',
    patterns: [
      String.raw`^back\s+to\s+top(?:\s+button)?$`,
      String.raw`^(?:go\s+)?back\s+to\s+top\.?\s*skip\s+to:?\s+(?:start\s+of\s+(?:the\s+)?article|main\s+content)\.?$`,
      String.raw`^open\s+in\s+app$`,
      String.raw`^(?:share|share\s+this(?:\s+article)?|click\s+to\s+share)\s*:?$`,
      String.raw`^(?:e-?paper|advertisement|sponsored|follow\s+us)$`,
    ],
    removes: 'paragraph',
  },
  {
    id: 'see-also-injection',
    family: 'site-chrome',
    kind: 'scraper-chrome',
    where: 'opening',
    maxWords: 25,
    patterns: [String.raw`^(?:see\s+also|also\s+read|read\s+also|read\s+more|must\s+read)\b\s*[:\-–]?\s+\S`],
    removes: 'paragraph',
  },
  {
    id: 'tag-list',
    family: 'site-chrome',
    kind: 'scraper-chrome',
    where: 'opening',
    maxWords: 80,
    patterns: [String.raw`^tags?\s*:`, String.raw`^(?:topics|filed\s+under)\s*:`],
    removes: 'paragraph',
  },
  {
    id: 'spinner-mangled-credit',
    family: 'spinner',
    kind: 'spinner-artefact',
    where: 'line',
    maxWords: 14,
    patterns: [
      String.raw`(?:^|[|/•]\s*)(?:beautiful|gorgeous|lovely|pretty|stunning|attractive|fantastic|wonderful|great|nice)\s+(?:pictures|images|photos|photographs|pics|snap(?:shot)?s)\s*$`,
      String.raw`(?:^|[|/•]\s*)(?:getty|gettyimages)\s+(?:pictures|photographs|pics|photos|snap(?:shot)?s)\s*$`,
    ],
    removes: 'paragraph-and-caption',
  },
  {
    id: 'photo-credit',
    family: 'site-chrome',
    kind: 'photo-credit',
    where: 'line',
    maxWords: 14,
    patterns: [
      String.raw`^[^.!?]{1,80}\s+via\s+${AGENCIES}$`,
      String.raw`^[^.!?]{0,100}\|\s*${AGENCIES}(?:\s*\|[^.!?]{0,40})?$`,
      String.raw`^(?:photo|image|picture|pic|file\s+photo)\s*(?:credit)?\s*:\s*[^.!?]{1,80}$`,
    ],
    removes: 'paragraph-and-caption',
  },
];

export const BOILERPLATE_RULES: readonly BoilerplateRule[] = [...FEED_RULES, ...AI_RULES, ...SCRAPER_RULES, ...SITE_RULES];

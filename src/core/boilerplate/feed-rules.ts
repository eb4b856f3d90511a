import type { BoilerplateRule } from './rule.ts';

/**
 * Feed disclaimers and feed-to-post automation marks, in English, German, French and Spanish.
 *
 * A disclaimer speaks of the text itself ("this story", "except for the headline", "dieser Text") and says
 * that a machine published it or that nobody edited it and it came from a feed. Requiring both parts keeps
 * quiet the sentences that merely talk about feeds ("This story is about the news feed …") and the credits a
 * publisher gives under a licence ("(Reuters)", "This article is republished from …").
 */

/** An optional label before the disclaimer: "Disclaimer:", "Hinweis –", "Direkt aus dem dpa-Newskanal:". */
const LABEL = String.raw`(?:[\p{L}\p{N} -]{1,40}[:–-]\s*)?`;
/** The text speaking of itself, followed by its verb: "this story has", "the above report is". */
const SELF = String.raw`(?:this|the\s+above|the\s+following)\s+(?:[\p{L}-]+\s+){0,2}?(?:post|story|article|report|news|content|item|copy|text|piece|write-?up)\s+(?:is|was|has|had|have|may|might|are|were)\b`;
const AUTOMATIC = String.raw`(?:auto[\s-]?(?:generated|published|posted|aggregated|created)|automatically\s+(?:generated|published|posted|aggregated|created|imported)|(?:generated|published|posted|aggregated)\s+automatically)`;
const UNEDITED = String.raw`(?:not\s+(?:been\s+)?(?:edited|reviewed|modified|checked|verified|changed|touched)|without\s+(?:any\s+)?(?:modifications?|editing|edits|changes|review)|unedited|may\s+have\s+been\s+reworked)`;
const FEED = String.raw`(?:(?:syndicated|agency|wire|news|rss)\s+(?:\p{L}+\s+)?feeds?|news\s+service|syndicat\p{L}*)`;

/** Word edges that hold for accented letters too (\\b in JavaScript knows only ASCII letters). */
const END = String.raw`(?![\p{L}\p{N}])`;
const START = String.raw`(?<![\p{L}\p{N}])`;
/** A site name in a footer: a few words, no clause break. */
const SITE = String.raw`["“]?([^\s,;:]+(?:\s[^\s,;:]+){0,7}?)["”]?`;

const SELF_DE = String.raw`(?:dieser|diese|dieses)\s+(?:[\p{L}-]+\s+){0,2}?(?:text|artikel|beitrag|meldung|nachricht|inhalt)\s+(?:wurde|ist|wird)${END}`;
const TEXT_FR = String.raw`(?:cet|cette|ce)\s+(?:[\p{L}-]+\s+){0,2}?(?:article|dépêche|texte|contenu|billet|information|brève)`;
const SELF_FR = String.raw`${TEXT_FR}\s+(?:a\s+été|est|fut)${END}`;
const SELF_ES = String.raw`(?:este|esta|el\s+presente)\s+(?:[\p{L}-]+\s+){0,2}?(?:artículo|noticia|nota|texto|contenido|información|despacho|publicación)\s+(?:ha\s+sido|fue|es|se\s+ha|se|no\s+ha\s+sido)${END}`;

/** The footer WordPress SEO plugins add to every feed item, as translated in their own language packs. */
const FEED_FOOTERS = [
  String.raw`^the\s+post\s+.{2,300}?\s+appeared\s+first\s+on\s+${SITE}\s*\.?$`,
  String.raw`^this\s+(?:post|article)\s+appeared\s+first\s+on\s+${SITE}\s*\.?(?:\s+read\s+the\s+(?:entire|full)\s+article\s+here\.?)?$`,
  String.raw`^der\s+beitrag\s+.{2,300}?\s+erschien\s+zuerst\s+auf\s+${SITE}\s*\.?$`,
  String.raw`^l['’]article\s+.{2,300}?\s+est\s+apparu\s+en\s+premier\s+sur\s+${SITE}\s*\.?$`,
  String.raw`^la\s+entrada\s+.{2,300}?\s+se\s+public[óo]\s+primero\s+en\s+${SITE}\s*\.?$`,
];

/** Short English words that a sentence after "PTI" would use and an agency desk code never is. */
const SHORT_WORDS = String.raw`(?:a[mnst]|an[dy]|are|b[ey]|but|can|d[io]|did|for|g[o]|got|ha[ds]|he|her|hi[ms]|i[fnst]|its|m[ey]|n[o]|no[tw]|of|o[nr]|our|pic|put|sa[wy]|she|so|th[e]|to|too|two|u[ps]|wa[s]|we|was|who|why|yes|you)`;

/** A feed's own date stamp (RSS pubDate, RFC 822): "Sat, 09 May 2020 15:39:00 +0530". Pages print dates for readers, not this. */
export const FEED_DATE = String.raw`(?:mon|tue|wed|thu|fri|sat|sun),\s+\d{1,2}\s+\p{L}{3}\s+\d{4}\s+\d{2}:\d{2}(?::\d{2})?\s+(?:[+-]\d{4}|gmt|utc)`;

/** Link shorteners and feed proxies that feed-to-post services put on every item they post. */
const FEED_LINKS = String.raw`(?:ift\.tt|dlvr\.it|buff\.ly|ow\.ly|zpr\.io|rss\.app|feedproxy\.google\.com|feeds\.feedburner\.com)`;

export const FEED_RULES: readonly BoilerplateRule[] = [
  {
    id: 'auto-published-feed',
    kind: 'auto-publish',
    family: 'feed-disclaimer',
    where: 'edge',
    maxWords: 70,
    patterns: [
      String.raw`^${LABEL}(?:${SELF}|this\s+is\s+an?\b).{0,140}?\b${AUTOMATIC}\b`,
      String.raw`^${LABEL}(?:${SELF}|except\s+for\s+the\s+headline\b|only\s+the\s+headline\b).{0,160}?\b${UNEDITED}\b.{0,160}?\b${FEED}`,
      String.raw`^${LABEL}${SELF}.{0,60}?\b(?:published|generated|taken|sourced|received|imported)\s+(?:straight\s+|directly\s+)?from\s+(?:an?\s+|the\s+)?${FEED}`,
      String.raw`^${LABEL}${SELF}.{0,40}?\bnot\s+been\s+(?:edited|reviewed|modified|checked)\s+by\s+.{0,60}?\b(?:staff|editors?|editorial|team|desk|newsroom)\b`,
    ],
    removes: 'paragraph',
  },
  {
    id: 'feed-disclaimer-de',
    kind: 'auto-publish',
    family: 'feed-disclaimer',
    where: 'edge',
    maxWords: 70,
    patterns: [
      String.raw`^${LABEL}${SELF_DE}.{0,160}?${START}(?:automatisch\s+(?:[\p{L}-]+\s+){0,3}?(?:übernomm|erstell|generier|veröffentlich|publizier|eingespiel|eingestell)\p{L}*|(?:nicht|ungeprüft|unbearbeitet)\s+(?:redaktionell\s+)?(?:bearbeitet|geprüft|redigiert))`,
    ],
    removes: 'paragraph',
  },
  {
    id: 'feed-disclaimer-fr',
    kind: 'auto-publish',
    family: 'feed-disclaimer',
    where: 'edge',
    maxWords: 70,
    patterns: [
      String.raw`^${LABEL}${SELF_FR}.{0,160}?(?:${START}(?:publi|génér|import|diffus|mis\s+en\s+lign)\p{L}*\s+automatiquement|${START}automatiquement\s+(?:publi|génér|import|mis)\p{L}*)`,
      String.raw`^${LABEL}${TEXT_FR}\s+n['’]a\s+pas\s+été\s+(?:édit|relu|modifi|vérifi|retouch)\p{L}*.{0,120}?${START}(?:fil|flux|agence|dépêche|AFP|ats|Belga)${END}`,
    ],
    removes: 'paragraph',
  },
  {
    id: 'feed-disclaimer-es',
    kind: 'auto-publish',
    family: 'feed-disclaimer',
    where: 'edge',
    maxWords: 70,
    patterns: [
      String.raw`^${LABEL}${SELF_ES}.{0,160}?(?:${START}(?:publicad|generad|elaborad|importad|difundid)[oa]s?\s+(?:de\s+(?:forma|manera)\s+)?automática(?:mente)?|${START}automáticamente${END}|${START}(?:editad|revisad|modificad)[oa]\s+por${END}.{0,60}?${START}(?:redacción|agencia))`,
    ],
    removes: 'paragraph',
  },
  {
    id: 'feed-post-footer',
    kind: 'auto-publish',
    family: 'feed-automation',
    where: 'edge',
    maxWords: 70,
    offSite: 1,
    patterns: FEED_FOOTERS,
    removes: 'paragraph',
  },
  {
    id: 'feed-shortlink',
    kind: 'auto-publish',
    family: 'feed-automation',
    where: 'line',
    maxWords: 25,
    patterns: [
      String.raw`^(?:from|via)\s+.{2,100}?\s+https?:\/\/${FEED_LINKS}\/\S+$`,
      String.raw`^(?:posted\s+)?(?:from|via)\s+(?:ifttt|dlvr\.it|zapier|feedburner|rss\s+feed)\b\.?$`,
    ],
    removes: 'paragraph',
  },
  {
    id: 'feed-shortlink-glued',
    kind: 'auto-publish',
    family: 'feed-automation',
    where: 'edge',
    maxWords: 25,
    patterns: [
      // After an agency credit on the same line, as blog themes print it: "(With inputs from X) from NDTV News- Special via...".
      String.raw`^(?:[^()]{0,80}\)\s*)?from\s+(?=[^.!?]{0,60}?\b(?:news|feeds?|rss|headlines|top[\s-]stories)\b)[^.!?]{2,80}?\s+via(?:\s+(?:ifttt|dlvr\.it|zapier|feedburner))?\s*(?:\.{3}|…)?$`,
    ],
    removes: 'paragraph',
  },
  {
    id: 'feed-entry-date',
    kind: 'auto-publish',
    family: 'feed-automation',
    where: 'line',
    maxWords: 40,
    patterns: [
      // IFTTT's "EntryPublished" ingredient after the headline: "… October 27, 2020 at 06:34PM" (two-digit hour, no space).
      String.raw`^(?!(?:published|updated|posted|last\s+updated|date)\b)\S.{8,240}?\s(?:january|february|march|april|may|june|july|august|september|october|november|december)\s\d{1,2},\s\d{4}\sat\s\d{2}:\d{2}[ap]m$`,
    ],
    removes: 'paragraph',
  },
  {
    id: 'raw-feed-date',
    kind: 'auto-publish',
    family: 'feed-automation',
    where: 'line',
    maxWords: 8,
    // Seconds and a numeric zone: the feed's own format, which no page formats for its readers.
    patterns: [String.raw`^(?=.*\d{2}:\d{2}:\d{2}\s+[+-]\d{4}$)${FEED_DATE}$`],
    removes: 'paragraph',
  },
  {
    id: 'wire-desk-slug',
    kind: 'auto-publish',
    family: 'feed-automation',
    where: 'edge',
    maxWords: 5,
    // Desk initials: two to four codes of two or three letters, no sentence end, and none of them a common word.
    patterns: [String.raw`^(?:PTI|UNI)(?:\s+(?!${SHORT_WORDS}\b)[a-z]{2,3}){2,4}$`],
    removes: 'paragraph',
  },
  {
    id: 'feed-origin-credit',
    kind: 'auto-publish',
    family: 'feed-automation',
    where: 'tail',
    maxWords: 15,
    patterns: [String.raw`^this\s+(?:article|post|story|entry)\s+was\s+(?:originally\s+)?(?:written|posted|sourced|fetched)\s+(?:by|from)\s+\S.{0,60}$`],
    removes: 'paragraph-and-rest',
  },
];

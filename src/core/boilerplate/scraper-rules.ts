import { FEED_DATE } from './feed-rules.ts';
import type { BoilerplateRule } from './rule.ts';


/**
 * What scraper and aggregator themes leave on a copied item: placeholders of the autoblogging plugin that
 * nobody filled in, a "read the full article" link to the outlet the text came from, the counters of feed
 * mirrors. A publisher's own "Read more" or a credit naming an agency is not among them.
 */
export const SCRAPER_RULES: readonly BoilerplateRule[] = [
  {
    id: 'unrendered-shortcode',
    kind: 'scraper-footer',
    family: 'scraper-theme',
    where: 'line',
    maxWords: 8,
    patterns: [
      String.raw`^\[\/?(?:ad_\d+|ads?\d*|adsense\d*|caption|embed|gallery|source_link|matched_content|original_title|original_link|author_link|vc_[a-z_]+|et_pb_[a-z_]+|td_[a-z_]+)\b[^\]]{0,120}\]$`,
    ],
    removes: 'paragraph',
  },
  {
    id: 'unrendered-caption',
    kind: 'scraper-footer',
    family: 'scraper-theme',
    where: 'opening',
    maxWords: 80,
    patterns: [String.raw`^\[caption\s+(?:id|align|width)=`],
    removes: 'paragraph',
  },
  {
    id: 'unrendered-html',
    kind: 'scraper-footer',
    family: 'scraper-theme',
    where: 'opening',
    maxWords: 400,
    patterns: [String.raw`^<p>(?:[^<]|<(?!\/p>)){80,}<\/p>`],
    removes: 'paragraph',
  },
  {
    id: 'read-full-elsewhere',
    kind: 'scraper-footer',
    family: 'scraper-theme',
    where: 'tail',
    maxWords: 12,
    patterns: [
      String.raw`^(?:read|view|see|continue\s+reading)\s+(?:the\s+)?(?:entire|full|complete|whole)\s+(?:article|story|post|news)\b.{0,50}$`,
      String.raw`^(?:leer|ver|lea)\s+(?:la\s+)?(?:noticia|nota|art[íi]culo|informaci[óo]n)\s+complet[ao]\b.{0,50}$`,
      String.raw`^(?:lire|voir|lisez)\s+(?:la\s+suite|l['’]article\s+(?:complet|en\s+entier|entier))\b.{0,50}$`,
      String.raw`^(?:den\s+)?(?:ganzen|vollständigen|kompletten)\s+(?:artikel|beitrag|text)\s+(?:lesen|gibt\s+es)\b.{0,50}$`,
    ],
    removes: 'paragraph-and-rest',
  },
  {
    id: 'feed-mirror-counter',
    kind: 'scraper-footer',
    family: 'scraper-theme',
    where: 'line',
    maxWords: 8,
    patterns: [String.raw`^(?:browse\s+latest\s+(?:view\s+live|browse\s+all)|viewing\s+(?:all\s+)?\d[\d,.]*\s+articles?)$`],
    removes: 'paragraph',
  },
  {
    id: 'feed-item-stamp',
    kind: 'scraper-footer',
    family: 'scraper-theme',
    where: 'edge',
    maxWords: 120,
    patterns: [String.raw`^(?:[^.!?]{0,240}?\s)?(?:by|from|source:?)\s+(?:https?:\/\/)?(?:www\.)?[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+\s+(?:published|posted)\s+on\s*:{0,2}\s*${FEED_DATE}`],
    removes: 'paragraph',
  },
  {
    id: 'source-feed-title',
    kind: 'scraper-footer',
    family: 'scraper-theme',
    where: 'line',
    maxWords: 12,
    patterns: [String.raw`^source\s*:\s*(?=.{0,80}?\b(?:(?:latest|top|breaking)\s+(?:news|stories|headlines)|rss|feeds?)\b).{2,80}$`],
    removes: 'paragraph',
  },
  {
    id: 'theme-template-fields',
    kind: 'scraper-footer',
    family: 'scraper-theme',
    where: 'line',
    maxWords: 40,
    patterns: [String.raw`^\S.{8,240}?\s\d{2,4}\s\d{2,4}\s(?:admin|administrator)$`],
    removes: 'paragraph',
  },
  {
    id: 'aggregator-updated',
    kind: 'scraper-footer',
    family: 'scraper-theme',
    where: 'line',
    maxWords: 10,
    patterns: [
      // A feed aggregator's "last fetched" line, two units as its template prints them ("2 hours 3 min ago").
      String.raw`^updated:\s+\d+\s+\p{L}+\s+\d+\s+\p{L}+\s+ago$`,
      String.raw`^actualizado:\s+hace\s+\d+\s+\p{L}+\s+\d+\s+\p{L}+$`,
    ],
    removes: 'paragraph',
  },
  {
    id: 'source-url-line',
    kind: 'scraper-footer',
    family: 'scraper-theme',
    where: 'tail',
    maxWords: 10,
    patterns: [String.raw`^(?:source|sourced\s+from|original\s+(?:article|post)|via)\s*[:–-]?\s*(?:https?:\/\/|www\.)\S+$`],
    removes: 'paragraph-and-rest',
  },
];

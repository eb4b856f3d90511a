import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { SITE_NAME_RULE, cleanText, keptText } from '../../../../src/core/boilerplate/clean.ts';
import { ruleMessageKey } from '../../../../src/core/reasons.ts';
import { BOILERPLATE_RULES } from '../../../../src/core/boilerplate/rules.ts';

const CATALOGUE = JSON.parse(readFileSync(new URL('../../../../src/public/_locales/en/messages.json', import.meta.url), 'utf8')) as Record<string, { message: string }>;

const BODY = [
  'The finance ministry said on Tuesday that it would cut the fuel duty by five cents a litre from January, after weeks of pressure from hauliers and farmers who said rising costs were pushing them out of business.',
  'Officials expect the measure to cost about 400 million a year, which the ministry says will be covered by higher than expected receipts from corporation tax this autumn.',
  'Opposition lawmakers called the cut too small to make a difference at the pump and said they would press for a larger reduction when the budget is debated next month.',
];

/** An article with `extra` paragraphs placed at the top, in the middle, or at the end. */
function article(extra: { top?: string[]; middle?: string[]; end?: string[] }): string {
  return ['Fuel duty to be cut from January', ...(extra.top ?? []), BODY[0]!, ...(extra.middle ?? []), BODY[1]!, BODY[2]!, ...(extra.end ?? [])].join('\n\n');
}

const rulesHit = (text: string) => cleanText(text).hits.map((h) => h.rule);

describe('boilerplate rules', () => {
  const cases: { rule: string; hits: string[]; misses: string[]; at: 'top' | 'middle' | 'end' }[] = [
    {
      rule: 'auto-published-feed',
      at: 'end',
      hits: [
        'Disclaimer: This post has been auto-published from an agency feed without any modifications to the text and has not been reviewed by an editor',
        '(This story has not been edited by Business Standard staff and is auto-generated from a syndicated feed.)',
        'This article was auto-generated from a wire feed.',
        'DISCLAIMER - this story has been automatically published from the news feed.',
        '(Except for the headline, this story has not been edited by NDTV staff and is published from a syndicated feed.)',
        '(Only the headline and picture of this report may have been reworked by the Business Standard staff; the rest of the content is auto-generated from a syndicated feed.)',
        'This report is auto-generated from Press Trust of India news service. ThePrint holds no responsibility for its content.',
        '(This is an unedited and auto-generated story from Syndicated News feed, LatestLY Staff may not have modified or edited the content body)',
        "(Except for the headline, this article has not been edited by FPJ's editorial team and is auto-generated from a syndicated feed.)",
        'Disclaimer: This story is auto-aggregated by a computer program and has not been created or edited by Dailyhunt.',
        'This article has been published from a wire agency feed without modifications to the text. Only the headline has been changed.',
      ],
      misses: [
        'Critics say many sites now run stories auto-published from an agency feed, and readers rarely notice the difference when they scroll past the headline.',
        'The editor reviewed the feed.',
        'This story is about how the news feed decides what millions of people read first every morning.',
        'This article is republished from The Conversation under a Creative Commons license. Read the original article.',
        'This story was originally published by ProPublica, a nonprofit newsroom.',
        '(Reporting by Jeff Mason; Editing by Peter Cooney)',
        'The automatically generated captions on the video had not been edited, the agency said of the feed.',
      ],
    },
    {
      rule: 'feed-disclaimer-de',
      at: 'end',
      hits: [
        'Direkt aus dem dpa-Newskanal: Dieser Text wurde automatisch von dpa übernommen und von der SZ-Redaktion nicht bearbeitet.',
        'Hinweis: Diese Meldung ist eine automatisch generierte Agenturmeldung.',
        'Dieser Artikel wurde nicht redaktionell bearbeitet und stammt aus dem Agentur-Feed.',
      ],
      misses: [
        'Die Redakteurin oder der Redakteur hat diesen Artikel verfasst und anschließend zur Optimierung nach eigenem Ermessen ein KI-Sprachmodell eingesetzt. Alle Informationen wurden sorgfältig überprüft.',
        'Dieser Text ist zuerst in der Süddeutschen Zeitung erschienen.',
        'Mit Material von dpa und AFP.',
      ],
    },
    {
      rule: 'feed-disclaimer-fr',
      at: 'end',
      hits: [
        'Cet article a été publié automatiquement. Sources : ats / awp',
        "Cette dépêche n'a pas été relue par la rédaction et a été importée du fil AFP.",
      ],
      misses: ['Cet article a été mis à jour le 12 mars à 18 h.', 'Avec AFP', 'Cet article est une traduction de notre édition anglaise.'],
    },
    {
      rule: 'feed-disclaimer-es',
      at: 'end',
      hits: [
        'Este contenido fue publicado automáticamente a partir de un despacho de agencia.',
        'Esta noticia ha sido generada de forma automática con información de EFE.',
      ],
      misses: ['Con información de EFE y Europa Press.', 'Esta noticia fue actualizada a las 18.00 horas.'],
    },
    {
      rule: 'feed-post-footer',
      at: 'end',
      hits: [
        'The post BLOODY JANUARY: How 500 Nigerians were killed in 27 days appeared first on Vanguard News.',
        'This post appeared first on "Microsoft Tech Community". Read the entire article here',
        'Der Beitrag Neue Regeln für Mieter erschien zuerst auf Beispiel-Nachrichten.',
        "L'article Nouvelles règles pour les locataires est apparu en premier sur Exemple Infos.",
        'La entrada Nuevas reglas para inquilinos se publicó primero en Noticias Ejemplo.',
      ],
      misses: [
        'The post office appeared first on the list of buildings to close, the council said on Tuesday.',
        'The story first appeared in The Atlantic.',
      ],
    },
    {
      rule: 'feed-shortlink',
      at: 'end',
      hits: ['from NDTV News- Special https://ift.tt/dgwE8aF', 'from NDTV News Search Records Found 1000 https://ift.tt/xEi7puQ', 'via IFTTT', 'via dlvr.it'],
      misses: ['from our correspondent in Delhi', 'More from NDTV: https://www.ndtv.com/india'],
    },
    {
      rule: 'feed-shortlink-glued',
      at: 'end',
      hits: ['(With inputs from Arun Agarwal) from NDTV News- Special via...', 'from BBC News - World via IFTTT', 'from Top Stories RSS via…'],
      misses: ['From there the delegation travelled to Delhi via Agra', 'from the news desk via email, the spokesman said.'],
    },
    {
      rule: 'feed-entry-date',
      at: 'top',
      hits: ['Army chief to visit Nepal on November 4 October 27, 2020 at 06:34PM'],
      misses: ['Published: October 27, 2020 at 06:34PM', 'The vote was called on October 27, 2020 at 6:34 pm, officials said.'],
    },
    {
      rule: 'raw-feed-date',
      at: 'top',
      hits: ['Mon, 20 Nov 2017 11:32:09 +0100', 'Sun, 20 Sep 2020 12:51:02 +0530'],
      misses: ['Mon, 20 Nov 2017 11:32 GMT', 'Monday, 20 November 2017'],
    },
    {
      rule: 'aggregator-updated',
      at: 'top',
      hits: ['Updated: 2 hours 3 min ago', 'Actualizado: hace 52 mins 52 segs'],
      misses: ['Updated: 2 hours ago', 'Updated: July 01, 2022 4:34 pm IST'],
    },
    {
      rule: 'wire-desk-slug',
      at: 'end',
      hits: ['PTI NIT KJ', 'PTI SKU RHL ABH'],
      misses: ['PTI file pic', 'PTI said so.', 'PTI has it'],
    },
    {
      rule: 'feed-origin-credit',
      at: 'end',
      hits: ['This article was originally written by www.npr.org', 'This article was posted by AP News.'],
      misses: ['This article was originally published on The Conversation.', 'This article was written by our staff with reporting from Lagos and Abuja over three weeks.'],
    },
    {
      rule: 'ai-leftover',
      at: 'top',
      hits: [
        'As an AI language model, I cannot provide an article about a specific topic without knowing the context.',
        "I'm sorry, but I cannot fulfill the request to write an article on that topic.",
        'Sorry, as a language AI model, I am incapable of having personal opinions or preferences.',
        'Sun Sep 14 14:40:00 UTC 2025: Please provide the text you want me to summarize and rewrite as a news article.',
        "I’m sorry, but it seems like you’ve provided an image description instead of a news article text.",
        "Okay, let's start by reading through the user's query carefully.",
        'Insufficient source material was provided to write a responsible article.',
        'Here is the rewritten article in a clear news style:',
        'I cannot create a summary of this article because the content provided is incomplete.',
        'I don’t have access to the full article content from the link provided, only the title and publication name.',
        'Lo siento, no puedo acceder ni resumir directamente el contenido de enlaces externos.',
        'En tant que modèle de langage, je ne peux pas rédiger cet article.',
        'Als KI-Sprachmodell kann ich keinen Artikel über aktuelle Ereignisse schreiben.',
      ],
      misses: [
        'The chatbot replied: “As an AI language model, I cannot help with that,” which the researchers logged as a refusal.',
        '“I’m sorry, but I cannot comment on an ongoing investigation,” the spokesperson said.',
        'Please provide your feedback on the draft plan by Friday, the council said.',
        "Here's a look at what the new rules mean for drivers in the city from next month.",
        'ChatGPT: Es gibt keine Königsallee in Ludwigsburg.',
        'The user agreement was changed on Monday, and many people only noticed it later.',
      ],
    },
    {
      rule: 'unrendered-shortcode',
      at: 'top',
      hits: ['[ad_1]', '[ad_2]', '[/caption]', '[embed]'],
      misses: ['[1] See the appendix for the full table.', '[Updated at 5 pm with police statement]'],
    },
    {
      rule: 'unrendered-caption',
      at: 'middle',
      hits: ['[caption id="attachment_4821" align="aligncenter" width="640"] The minister at the launch on Monday. [/caption]'],
      misses: ['[Caption competition] Send us your best line for this photo by Friday.'],
    },
    {
      rule: 'unrendered-html',
      at: 'middle',
      hits: ['<p>Sometimes a handbag is more than a handbag. For a lot of people out there, it’s your whole life. You keep everything in it.</p><p>According to Shanghaiist, one woman climbed in.</p>'],
      misses: ['<p>Hello world</p>', 'The page starts with <p>Sometimes a handbag is more than a handbag, and the markup shows it as text in the feed.</p>'],
    },
    {
      rule: 'read-full-elsewhere',
      at: 'end',
      hits: ['Read Entire Article', 'Read Full Article', 'Leer noticia completa en El Mundo.', "Lire l'article complet sur Le Monde", 'Den vollständigen Artikel lesen'],
      misses: ['Read more', 'Read More News on', 'Read the full report on the ministry website, which includes the regional tables and the methodology.'],
    },
    {
      rule: 'feed-mirror-counter',
      at: 'top',
      hits: ['Viewing all 37249 articles', 'Browse latest View live'],
      misses: ['Viewing all the evidence, the judge found no case to answer.'],
    },
    {
      rule: 'feed-item-stamp',
      at: 'end',
      hits: [
        'on Adani Transmission Q4 net down 60 pc By www.business-standard.com Published On :: Sat, 09 May 2020 15:39:00 +0530 Adani Transmission on Saturday reported a 60 per cent drop in net profit.',
        'Rains lash the coast from thehindu.com posted on Mon, 3 Jun 2024 08:10 GMT The coast saw heavy rain.',
      ],
      misses: ['The report was published on Sat, 09 May 2020 by the ministry, which said the figures were provisional.', 'By Staff Reporter Published On: 09 May 2020'],
    },
    {
      rule: 'source-feed-title',
      at: 'end',
      hits: ['Source:Latest News from World News', 'Source: NDTV News - Top Stories RSS', 'Source: Breaking News Feed'],
      misses: ['Source: Reuters', 'Source: Ministry of Health', 'Source: The Hindu'],
    },
    {
      rule: 'theme-template-fields',
      at: 'top',
      hits: ['IMF and Moody’s censure UK policy that sparked market turmoil 150 150 admin'],
      misses: ['The council approved 150 new homes and 150 parking spaces for the admin building', 'Admin'],
    },
    {
      rule: 'source-url-line',
      at: 'end',
      hits: ['Source: https://www.wired.com/2016/05/hacker-lexicon-stingrays/', 'via www.example-news.com/story/123'],
      misses: ['Source: Reuters', 'Source: PTI'],
    },
    {
      rule: 'with-inputs-from',
      at: 'end',
      hits: ['( With inputs from ANI )', '(With inputs from PTI, Reuters)', 'With inputs from agencies.'],
      misses: ['The report was prepared with inputs from several ministries, officials said, and will be published in the spring after consultation.'],
    },
    {
      rule: 'source-link-footer',
      at: 'end',
      hits: ['Source link', 'SOURCE LINK', 'Source:', 'Read the original article', 'Source link »'],
      misses: ['The source link between the two reports was never made public, the committee said in its findings.'],
    },
    {
      rule: 'related-list',
      at: 'end',
      hits: ['Related Articles', 'International Realted Stories', 'More stories:', 'You may also like'],
      misses: ['Related articles in the same journal reached a different conclusion about the cost of the scheme.'],
    },
    {
      rule: 'comment-form',
      at: 'end',
      hits: ['Leave a Reply', 'leave a comment', 'Post a comment:'],
      misses: ['Residents were invited to leave a reply to the consultation before the end of the month.'],
    },
    {
      rule: 'scraper-theme-chrome',
      at: 'middle',
      hits: ['Back to top button', 'Open in App', 'back to top', 'Share this article:', 'Go Back to Top. Skip To: Start of Article.'],
      misses: ['The minister said he would go back to top officials in Brussels with a new offer.'],
    },
    {
      rule: 'see-also-injection',
      at: 'middle',
      hits: ["See also  That's why McDonald's is changing the Happy Meal after 38 years", 'Also read: Fuel prices hit record high', 'READ MORE - Budget at a glance'],
      misses: ['See how the figures compare in the table below, which the ministry published alongside its statement on Tuesday.'],
    },
    {
      rule: 'tag-list',
      at: 'end',
      hits: ['Tags: RussiaVladimir PutinKremlinMoscowNato', 'Topics: budget, tax, fuel'],
      misses: ['Tags on the pumps will show the new price from the first of January, the ministry said.'],
    },
    {
      rule: 'spinner-mangled-credit',
      at: 'middle',
      hits: ['Sergei Malgavko | TASS | beautiful pictures', 'Mikhail Svetlov | Getty pictures', 'Alex Wong / gorgeous images'],
      misses: ['Visitors took beautiful pictures of the lake at sunset, the guide said.', 'Sergei Malgavko | TASS | Getty Images'],
    },
    {
      rule: 'photo-credit',
      at: 'middle',
      hits: ['White House via Reuters', 'Press Service Ukraine Combined Forces Operation | AP', 'Photo: John Smith'],
      misses: ['Officials said the proposal had reached the Kremlin via Reuters reporters in Moscow on Monday night.'],
    },
  ];

  for (const c of cases) {
    describe(c.rule, () => {
      for (const line of c.hits) {
        it(`hits ${JSON.stringify(line)}`, () => {
          expect(rulesHit(article({ [c.at]: [line] }))).toContain(c.rule);
        });
      }
      for (const line of c.misses) {
        it(`misses ${JSON.stringify(line)}`, () => {
          expect(rulesHit(article({ [c.at]: [line] }))).not.toContain(c.rule);
        });
      }
    });
  }

  it('every rule has an id, a kind, patterns that compile and one sentence for the reader in the catalogue', () => {
    const ids = new Set<string>();
    for (const rule of BOILERPLATE_RULES) {
      expect(ids.has(rule.id)).toBe(false);
      ids.add(rule.id);
      expect(rule.patterns.length).toBeGreaterThan(0);
      for (const p of rule.patterns) expect(() => new RegExp(p, 'iu')).not.toThrow();
      expect(CATALOGUE[ruleMessageKey(rule.id)]?.message, rule.id).toMatch(/^[A-Z][^.]*(\.[^.]+)*\.$/);
    }
    expect(cases.map((c) => c.rule).sort()).toEqual([...ids].sort());
    // No sentence is left for a rule that is gone: the structural site-name line is the one rule without patterns.
    const ruleKeys = Object.keys(CATALOGUE).filter((k) => k.startsWith('rule_'));
    expect(ruleKeys.sort()).toEqual([...ids, SITE_NAME_RULE.id].map(ruleMessageKey).sort());
  });

  it('does not take a footer phrase for a footer in the middle of the article', () => {
    const text = article({ middle: ['Source link'] }) + '\n\n' + BODY.join('\n\n') + '\n\n' + BODY.join('\n\n') + '\n\n' + BODY.join('\n\n') + '\n\n' + BODY.join('\n\n') + '\n\n' + BODY.join('\n\n');
    expect(rulesHit(text)).not.toContain('source-link-footer');
  });
});

describe('cleaning', () => {
  it('keeps a long article whole when a link line sits among its last dozen paragraphs', () => {
    const long = Array.from({ length: 10 }, (_, i) => `${BODY[i % 3]} (${i})`);
    const text = ['Fuel duty to be cut from January', ...long.slice(0, 2), 'Read more:', 'Source:', ...long.slice(2)].join('\n\n');
    const cleaned = cleanText(text);
    expect(cleaned.hits.map((h) => h.rule)).not.toContain('source-link-footer');
    for (const paragraph of long) expect(keptText(text, cleaned.excluded)).toContain(paragraph);
  });

  it('does not take a lead paragraph that ends in a closing quote for the headline', () => {
    const lead = '“We will not back down on this, whatever it costs us,” the minister said.”';
    const text = ['Minister vows to press on', lead, ...BODY].join('\n\n');
    const cleaned = cleanText(text);
    expect(cleaned.title).toBe('Minister vows to press on');
    expect(keptText(text, cleaned.excluded)).toContain(lead);
    expect(cleaned.hits.map((h) => h.rule)).not.toContain('site-name-line');
  });

  it('removes the chrome and keeps every sentence of the body', () => {
    const text = [
      'Business News',
      'Fuel duty to be cut from January',
      BODY[0],
      'A lorry fills up at a motorway station near Leeds on Monday.',
      'Jane Doe | Reuters',
      "See also  That's why the Happy Meal is changing",
      BODY[1],
      BODY[2],
      'Source link',
      'Related Articles',
      'Ministers meet hauliers',
      'Leave a Reply',
      'Back to top button',
    ].join('\n\n');
    const cleaned = cleanText(text);
    const body = keptText(text, cleaned.excluded);
    expect(body).toBe(BODY.join('\n\n'));
    expect(cleaned.title).toBe('Fuel duty to be cut from January');
    expect(cleaned.source).toBe('Business News');
    expect(cleaned.hits.map((h) => h.rule)).toEqual([
      'site-name-line', 'photo-credit', 'see-also-injection', 'source-link-footer', 'related-list', 'comment-form', 'scraper-theme-chrome',
    ]);
    for (const hit of cleaned.hits) expect(text.slice(hit.span.start, hit.span.end)).toBe(hit.text);
  });

  it('reads the source and the date from a byline', () => {
    const text = ['City', 'Biden says he will announce a meeting by Friday', 'By ANI | Published: December 08, 2021 11:16 PM', ...BODY].join('\n\n');
    const cleaned = cleanText(text);
    expect(cleaned.source).toBe('ANI');
    expect(cleaned.date).toBe('2021-12-08');
    expect(keptText(text, cleaned.excluded)).toBe(BODY.join('\n\n'));
  });
});

describe('feed and scraper evidence in real page layouts', () => {
  const long = (extra: string) => ['Fuel duty to be cut from January', ...BODY, extra, ...BODY, ...BODY, ...BODY].join('\n\n');

  it('finds a disclaimer glued to the end of the last paragraph and removes only the disclaimer', () => {
    const glued = `${BODY[2]} (ANI) (This is an unedited and auto-generated story from Syndicated News feed, LatestLY Staff may not have modified or edited the content body)`;
    const text = ['Fuel duty to be cut from January', BODY[0]!, BODY[1]!, glued, 'Also Read | Budget at a glance'].join('\n\n');
    const cleaned = cleanText(text);
    const hit = cleaned.hits.find((h) => h.rule === 'auto-published-feed')!;
    expect(hit.text).toBe('(This is an unedited and auto-generated story from Syndicated News feed, LatestLY Staff may not have modified or edited the content body)');
    expect(hit.family).toBe('feed-disclaimer');
    expect(text.slice(hit.span.start, hit.span.end)).toBe(hit.text);
    expect(keptText(text, cleaned.excluded)).toContain(`${BODY[2]} (ANI)`);
  });

  it('finds feed marks glued to the end of the last paragraph', () => {
    const page = (tail: string) => ['Four arrested after shootout in East Delhi', BODY[0]!, BODY[1]!, `${BODY[2]} ${tail}`].join('\n\n');
    expect(rulesHit(page('PTI NIT KJ'))).toContain('wire-desk-slug');
    expect(rulesHit(page('(With inputs from Arun Agarwal) from NDTV News- Special via...'))).toContain('feed-shortlink-glued');
  });

  it('finds a disclaimer above the first paragraph', () => {
    const text = ['Fuel duty to be cut from January', 'Disclaimer: This story is auto-aggregated by a computer program and has not been created or edited by Dailyhunt.', ...BODY].join('\n\n');
    expect(rulesHit(text)).toContain('auto-published-feed');
  });

  it('does not take a disclaimer sentence in the middle of a long article for the page\'s own', () => {
    const quoted = 'One site printed: "This story has not been edited by our staff and is auto-generated from a syndicated feed." It ran hundreds of such stories.';
    expect(rulesHit(long(quoted))).not.toContain('auto-published-feed');
    expect(rulesHit(long('The post office appeared first on Vanguard News.'))).not.toContain('feed-post-footer');
  });

  it('keeps quiet about a feed footer naming the page\'s own site, and only then', () => {
    const text = article({ end: ['The post BLOODY JANUARY: How 500 Nigerians were killed in 27 days appeared first on Vanguard News.'] });
    const hitsAt = (url?: string) => cleanText(text, { url }).hits.map((h) => h.rule);
    expect(hitsAt('https://www.vanguardngr.com/2018/01/bloody-january/')).not.toContain('feed-post-footer');
    expect(hitsAt('https://potshoot38.rssing.com/chan-19116994/article142.html')).toContain('feed-post-footer');
    expect(hitsAt()).toContain('feed-post-footer');
  });

  it('reports feed-mirror machinery in the head as such, not as the site\'s name', () => {
    const text = ['Channel: Huffington Post India', 'Viewing all 37249 articles', 'Browse latest View live', 'Foster mother says she had no part in the death', ...BODY].join('\n\n');
    const hits = cleanText(text).hits;
    expect(hits.filter((h) => h.rule === 'feed-mirror-counter').map((h) => h.text)).toEqual(['Viewing all 37249 articles', 'Browse latest View live']);
    expect(hits.find((h) => h.rule === 'site-name-line')?.text).toBe('Channel: Huffington Post India');
  });

  it('gives every hit its family', () => {
    const text = ['Business News', 'Fuel duty to be cut from January', ...BODY, 'from NDTV News- Special https://ift.tt/dgwE8aF', 'Source link'].join('\n\n');
    expect(cleanText(text).hits.map((h) => [h.rule, h.family])).toEqual([
      ['site-name-line', 'site-chrome'],
      ['feed-shortlink', 'feed-automation'],
      ['source-link-footer', 'scraper-theme'],
    ]);
  });
});

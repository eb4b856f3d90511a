/** HTML pages read as the extension reads them; loaded only when an HTML file is met (linkedom and Readability are the command's heaviest modules). */
import { parseHTML } from 'linkedom';
import { readArticle } from '../extract/index.ts';
import type { HtmlReader } from '../extract/document.ts';

export const readHtml: HtmlReader = (html) => readArticle(parseHTML(html).document as unknown as Document);

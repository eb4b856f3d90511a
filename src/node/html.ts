/** HTML pages read as the extension reads them; loaded only when an HTML file is met (linkedom and Readability are the command's heaviest modules). */
import { parseHTML } from 'linkedom';
import { extractArticle, pageAddress } from '../extract/index.ts';

export function readHtml(text: string) {
  const { document } = parseHTML(text);
  const doc = document as unknown as Document;
  return { declared: pageAddress(doc), article: extractArticle(doc) };
}

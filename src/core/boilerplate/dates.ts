/** Finds the first calendar date written in a text, as yyyy-mm-dd. */
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const MONTH_DAY_YEAR = new RegExp(String.raw`\b${MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d{2})\b`, 'i');
const DAY_MONTH_YEAR = new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s+${MONTH},?\s+((?:19|20)\d{2})\b`, 'i');
const ISO = /\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b/;

const pad = (n: number) => String(n).padStart(2, '0');

function format(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

export function findDate(text: string): string | null {
  const candidates: { at: number; date: string | null }[] = [];
  const mdy = MONTH_DAY_YEAR.exec(text);
  if (mdy) candidates.push({ at: mdy.index, date: format(+mdy[3]!, MONTHS.indexOf(mdy[1]!.slice(0, 3).toLowerCase()) + 1, +mdy[2]!) });
  const dmy = DAY_MONTH_YEAR.exec(text);
  if (dmy) candidates.push({ at: dmy.index, date: format(+dmy[3]!, MONTHS.indexOf(dmy[2]!.slice(0, 3).toLowerCase()) + 1, +dmy[1]!) });
  const iso = ISO.exec(text);
  if (iso) candidates.push({ at: iso.index, date: format(+iso[1]!, +iso[2]!, +iso[3]!) });
  candidates.sort((a, b) => a.at - b.at);
  return candidates.find((c) => c.date)?.date ?? null;
}

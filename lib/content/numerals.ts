/**
 * The numbers a translation must carry over. Every Arabic numeral of a Chinese sentence must show up
 * in its English sentence, either as written or through one of these explicit conversions:
 * - 万 (ten thousand):        550万 -> 5.5 (million) or 5,500,000 written out
 * - 亿 (hundred million):     756亿 -> 75.6 (billion) or 75,600 (million)
 * - 万亿 (trillion):          1.8万亿 -> 1.8 (trillion) or 1,800 (billion)
 * - N月 (month N):            2月 -> February
 */
export type ChineseNumber = { raw: string; value: number; unit: '' | '万' | '亿' | '万亿' | '月' };

const months = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

export function chineseNumbers(text: string): ChineseNumber[] {
  return [...text.matchAll(/(\d+(?:\.\d+)?)(万亿|亿|万|月)?/g)].map((match) => ({
    raw: match[0],
    value: Number(match[1]),
    unit: (match[2] ?? '') as ChineseNumber['unit'],
  }));
}

/** Numbers written in an English sentence, with thousands separators removed. */
export function englishNumbers(text: string): Set<number> {
  const plain = text.replace(/(\d),(?=\d{3}\b)/g, '$1');
  return new Set([...plain.matchAll(/\d+(?:\.\d+)?/g)].map((match) => Number(match[0])));
}

const exact = (value: number) => Number(value.toPrecision(12));

/** The numeric forms an English sentence may use for a Chinese number. */
export function acceptedForms(number: ChineseNumber): number[] {
  const n = number.value;
  switch (number.unit) {
    case '万':
      return [exact(n / 100), exact(n * 10_000)];
    case '亿':
      return [exact(n / 10), exact(n * 100)];
    case '万亿':
      return [n, exact(n * 1000)];
    default:
      return [n];
  }
}

/** The Chinese numbers missing from an English sentence; empty when the translation carries them all. */
export function missingNumbers(zh: string, en: string): ChineseNumber[] {
  const written = englishNumbers(en);
  const lowerEn = en.toLowerCase();
  return chineseNumbers(zh).filter((number) => {
    if (number.unit === '月' && lowerEn.includes(months[number.value - 1] ?? '\0')) return false;
    return !acceptedForms(number).some((form) => written.has(form));
  });
}

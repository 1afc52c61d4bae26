import 'server-only';
import { publicReads } from '@/lib/db';
import type { Block } from '@/lib/content/types';
import { requireArticle } from './article-texts';
import { publishedVerdicts, type EditorialVerdictView } from './editorial';
import { consensusOf, consensusValues, type Consensus } from './consensus';
import type { ClaimVerdict } from './vocabulary';

export { consensusOf, consensusValues, type Consensus } from './consensus';

// The claims view (issue 16): every sentence readers marked as a claim, with their tally, the sources
// they cite and where the discussion stands. Built on the kept counts per sentence (SentenceActivity),
// so a page costs the article's claim sentences and the sources of the twenty it shows, however many
// notes the article holds.

export type ClaimSources = { site: string; links: { url: string; count: number }[] }[];

export type ClaimSentence = {
  sentenceId: string;
  blockId: string;
  /** The sentence's section (index into the outline's sections) and its place in the article. */
  section: number;
  order: number;
  tally: Record<ClaimVerdict, number>;
  /** Every note everyone may see on the sentence, claims or not: how much discussion it has. */
  notes: number;
  consensus: Consensus;
  /** How many votes disagree with the leading verdict: what "most contested" sorts by. */
  dissent: number;
  sources: ClaimSources;
  /** The editors' published verdict, apart from the readers' votes; null when there is none. */
  editorial: EditorialVerdictView | null;
};

export type ClaimsQuery = { consensus?: Consensus; section?: number; sort: 'reading' | 'contested'; page: number };
export type ClaimsPage = { claims: ClaimSentence[]; total: number; page: number; pages: number };

export const claimsPageSize = 20;

/** Where each sentence sits: its block, section and reading position (from the article's blocks). */
export function sentencePlaces(blocks: readonly Block[]): Map<string, { blockId: string; section: number; order: number }> {
  const places = new Map<string, { blockId: string; section: number; order: number }>();
  let section = 0;
  let order = 0;
  for (const block of blocks) {
    if (block.kind === 'heading') section++;
    for (const sentence of block.sentences) places.set(sentence.id, { blockId: block.id, section, order: order++ });
  }
  return places;
}

/** The sources cited on a sentence's visible claims, most cited first, grouped by site (at most 20 links). */
async function sourcesOf(article: string, sentenceId: string): Promise<ClaimSources> {
  const rows = await publicReads.annotation.groupBy({
    by: ['sourceUrl'],
    where: {
      article,
      kind: 'claim',
      sourceUrl: { not: null },
      sentences: { some: { article, sentenceId, visible: true } },
    },
    _count: { _all: true },
    orderBy: [{ _count: { sourceUrl: 'desc' } }, { sourceUrl: 'asc' }],
    take: 20,
  });
  const bySite = new Map<string, { url: string; count: number }[]>();
  for (const row of rows) {
    if (!row.sourceUrl) continue;
    let site: string;
    try {
      site = new URL(row.sourceUrl).hostname.replace(/^www\./, '');
    } catch {
      continue;
    }
    bySite.set(site, [...(bySite.get(site) ?? []), { url: row.sourceUrl, count: row._count._all }]);
  }
  return [...bySite].map(([site, links]) => ({ site, links }));
}

/**
 * A page of the article's claim sentences: in reading order or most contested first, optionally
 * those whose consensus is one verdict (or split) or in one section.
 */
export async function claimsPage(
  slug: string,
  blocks: readonly Block[],
  query: ClaimsQuery,
  /** The article's published verdicts, when the caller has read them already (the claims page does, for its ClaimReviews). */
  verdicts?: Map<string, EditorialVerdictView>,
): Promise<ClaimsPage> {
  requireArticle(slug);
  const rows = await publicReads.sentenceActivity.findMany({
    where: {
      article: slug,
      OR: [{ supported: { gt: 0 } }, { disputed: { gt: 0 } }, { refuted: { gt: 0 } }, { unverified: { gt: 0 } }],
    },
    select: { sentenceId: true, notes: true, supported: true, disputed: true, refuted: true, unverified: true },
  });
  const places = sentencePlaces(blocks);
  // Sentences an editor gave a verdict are claims too, voted on or not.
  const editorial = verdicts ?? (await publishedVerdicts(slug));
  const none = { sentenceId: '', notes: 0, supported: 0, disputed: 0, refuted: 0, unverified: 0 };
  const voted = new Set(rows.map((row) => row.sentenceId));
  const reviewedOnly = [...editorial.keys()].filter((id) => !voted.has(id)).map((sentenceId) => ({ ...none, sentenceId }));
  const all = [...rows, ...reviewedOnly].flatMap((row) => {
    const place = places.get(row.sentenceId);
    if (!place) return [];
    const tally = { supported: row.supported, disputed: row.disputed, false: row.refuted, unverified: row.unverified };
    return [
      {
        sentenceId: row.sentenceId,
        ...place,
        tally,
        notes: row.notes,
        ...consensusOf(tally),
        editorial: editorial.get(row.sentenceId) ?? null,
      },
    ];
  });
  const chosen = all
    .filter(
      (claim) =>
        (query.consensus === undefined || claim.consensus === query.consensus) &&
        (query.section === undefined || claim.section === query.section),
    )
    .sort((a, b) => (query.sort === 'contested' ? b.dissent - a.dissent || b.notes - a.notes : 0) || a.order - b.order);
  const pages = Math.max(1, Math.ceil(chosen.length / claimsPageSize));
  const page = Math.min(Math.max(1, query.page), pages);
  const shown = chosen.slice((page - 1) * claimsPageSize, page * claimsPageSize);
  const sources = await Promise.all(shown.map((claim) => sourcesOf(slug, claim.sentenceId)));
  return { claims: shown.map((claim, i) => ({ ...claim, sources: sources[i] })), total: chosen.length, page, pages };
}

/** The claims view's query from its address: anything malformed is left out rather than refused (a page, not an API). */
export function claimsQueryOf(search: Record<string, string | string[] | undefined>, sections: number): ClaimsQuery {
  const one = (name: string) => {
    const value = search[name];
    return typeof value === 'string' ? value : undefined;
  };
  const consensus = consensusValues.find((value) => value === one('consensus'));
  const section = Number(one('section'));
  const page = Number(one('page'));
  return {
    consensus,
    section: Number.isInteger(section) && section >= 0 && section < sections && one('section') !== '' ? section : undefined,
    sort: one('sort') === 'contested' ? 'contested' : 'reading',
    page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1,
  };
}

import 'server-only';
import { z } from 'zod';
import type { Viewer } from '@/lib/auth/auth';
import { db } from '@/lib/db';
import { parseWith } from '@/lib/errors/parse-with';
import { requireViewer } from './service';
import { highlightColors, maxHighlightNameLength, type HighlightNames } from './vocabulary';

/** A name, or `null` / an empty string to give the colour its colour word back. */
const name = z
  .string()
  .trim()
  .max(maxHighlightNameLength, `must be at most ${maxHighlightNameLength} characters`)
  .regex(/^[^\p{C}\p{Zl}\p{Zp}]*$/u, 'must not contain control or invisible characters')
  .nullable();

/** `{ yellow?: name, blue?: …, purple?: …, pink?: … }`: the colours named here change, the rest stay. */
const renameSchema = z
  .object(
    Object.fromEntries(highlightColors.map((color) => [color, name.optional()])) as Record<
      (typeof highlightColors)[number],
      z.ZodOptional<typeof name>
    >,
  )
  .strict()
  .refine((value) => Object.keys(value).length > 0, { message: 'name at least one colour', path: [] });

/** What is stored, read defensively: anything but a known colour with a short string is left out. */
function storedNames(json: string): HighlightNames {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return {};
  }
  if (!value || typeof value !== 'object') return {};
  const names: HighlightNames = {};
  for (const color of highlightColors) {
    const stored = (value as Record<string, unknown>)[color];
    if (typeof stored === 'string' && stored && stored.length <= maxHighlightNameLength) names[color] = stored;
  }
  return names;
}

/** The signed-in reader's names for the highlight colours. */
export async function highlightNamesOf(viewer: Viewer | null): Promise<{ names: HighlightNames }> {
  const reader = requireViewer(viewer);
  const row = await db.user.findUnique({ where: { id: reader.id }, select: { highlightNames: true } });
  return { names: storedNames(row?.highlightNames ?? '{}') };
}

/** Renames some of the reader's colours (the body is read only once the reader is known). */
export async function renameHighlightColors(readBody: () => Promise<unknown>, viewer: Viewer | null): Promise<{ names: HighlightNames }> {
  const reader = requireViewer(viewer);
  const changes = parseWith(renameSchema, await readBody());
  // Read and written in one transaction, so two renames of different colours at once both stay.
  const names = await db.$transaction(async (tx) => {
    const row = await tx.user.findUnique({ where: { id: reader.id }, select: { highlightNames: true } });
    const next = storedNames(row?.highlightNames ?? '{}');
    for (const color of highlightColors) {
      const change = changes[color];
      if (change === undefined) continue;
      if (change) next[color] = change;
      else delete next[color];
    }
    await tx.user.update({ where: { id: reader.id }, data: { highlightNames: JSON.stringify(next) } });
    return next;
  });
  return { names };
}

import { annotationBody } from '../api/api-fixtures';

const slug = 'deepseek-capex';

/** One request of a load run: when it was sent and answered, and how. `status` 0 is a network error. */
export type Outcome = {
  kind: 'read' | 'write';
  sentAt: number;
  doneAt: number;
  status: number;
  retryAfter: string | null;
  id?: string;
  error?: string;
};

/**
 * Readers and writers at once against `origin`: `concurrency` loops, each alternating a list of the
 * article's notes with a new note by one of `writers`, until `stop()`, which resolves to every outcome.
 */
export function startLoad({
  origin,
  writers,
  concurrency = 6,
  pauseMs = 20,
}: {
  origin: string;
  writers: string[];
  concurrency?: number;
  pauseMs?: number;
}) {
  const outcomes: Outcome[] = [];
  let running = true;
  const once = async (kind: Outcome['kind'], turn: number) => {
    const sentAt = Date.now();
    try {
      const response =
        kind === 'read'
          ? await fetch(`${origin}/api/articles/${slug}/annotations`)
          : await fetch(`${origin}/api/articles/${slug}/annotations`, {
              method: 'POST',
              headers: { cookie: writers[turn % writers.length], 'Content-Type': 'application/json', Origin: origin },
              body: JSON.stringify(annotationBody('en', 'Nvidia', { visibility: 'shared', body: `load ${turn}` })),
            });
      const body = await response.text();
      const id = kind === 'write' && response.status === 201 ? (JSON.parse(body) as { id: string }).id : undefined;
      outcomes.push({ kind, sentAt, doneAt: Date.now(), status: response.status, retryAfter: response.headers.get('retry-after'), id });
    } catch (error) {
      outcomes.push({ kind, sentAt, doneAt: Date.now(), status: 0, retryAfter: null, error: String((error as Error).cause ?? error) });
    }
  };
  const loops = Array.from({ length: concurrency }, async (_, loop) => {
    for (let turn = loop; running; turn += concurrency) {
      await once(turn % 2 ? 'write' : 'read', turn);
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  });
  return {
    outcomes,
    async stop(): Promise<Outcome[]> {
      running = false;
      await Promise.all(loops);
      return outcomes;
    },
  };
}

/** "201 ×40, 503 ×3" */
export function tally(outcomes: Outcome[]): string {
  const counts = new Map<string, number>();
  for (const { status, error } of outcomes) {
    const key = status ? String(status) : `network error (${error})`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, count]) => `${key} ×${count}`).join(', ');
}

// Saved words and their review (issue 17): saved by place, never by what a client says the word is;
// listed, exported for Anki, reviewed on an FSRS schedule; each reader's own.
import { expect, slug, test, type Reader } from './api-fixtures';

/** Where a word starts in a sentence, as the article's word list cuts it (the lookup card's source). */
async function startOf(reader: Reader, block: string, sentence: string, word: string) {
  const piece = await (await reader.api.get(`/api/articles/${slug}/words/${block}`)).json();
  let at = 0;
  for (const token of piece.sentences[sentence] as ([string, string] | string)[]) {
    const text = typeof token === 'string' ? token : token[0];
    if (text === word) return at;
    at += text.length;
  }
  throw new Error(`${word} is not a word of ${sentence}`);
}

async function save(reader: Reader, sentenceId: string, start: number) {
  return reader.api.post('/api/me/words', { data: { article: slug, sentenceId, start } });
}

test('a reader saves a word by its place: the card holds the article’s word, pinyin, definition and both sentences; saving it again keeps one', async ({
  newReader,
}) => {
  const reader = await newReader();
  const start = await startOf(reader, 'p02', 'p02-s2', '英伟达');
  const saved = await save(reader, 'p02-s2', start);
  expect(saved.status(), await saved.text()).toBe(201);
  const { word } = await saved.json();
  expect(word).toMatchObject({ word: '英伟达', pinyin: 'yīng wěi dá', article: slug, sentenceId: 'p02-s2', start });
  expect(word.definition).toContain('NVIDIA');
  expect(word.sentenceZh).toContain('2048张英伟达H800芯片');
  expect(word.sentenceEn).toContain('2,048 Nvidia H800 chips');
  expect(Date.parse(word.due)).toBeLessThanOrEqual(Date.now());

  // The same word from another sentence: the card there is.
  const elsewhere = await save(reader, 'p01-s4', await startOf(reader, 'p01', 'p01-s4', '英伟达'));
  expect(elsewhere.status()).toBe(200);
  expect((await elsewhere.json()).word.id).toBe(word.id);

  // A card drawn from an older word list names another word there: refused, nothing saved.
  const stale = await reader.api.post('/api/me/words', { data: { article: slug, sentenceId: 'p02-s2', start, word: '英伟' } });
  expect(stale.status()).toBe(409);
  expect((await reader.api.post('/api/me/words', { data: { article: slug, sentenceId: 'p02-s2', start, word: '英伟达' } })).status()).toBe(
    200,
  );

  const list = await (await reader.api.get('/api/me/words')).json();
  expect(list.words.map((w: { id: string }) => w.id)).toEqual([word.id]);
  expect(list.next).toBeNull();
});

test('a place that is not a word’s start, a sentence or article that is not there, or more fields is refused and saves nothing', async ({
  newReader,
}) => {
  const reader = await newReader();
  const start = await startOf(reader, 'p02', 'p02-s2', '英伟达');
  const refusals: [unknown, number, string][] = [
    [{ article: slug, sentenceId: 'p02-s2', start: start + 1 }, 400, 'start'],
    [{ article: slug, sentenceId: 'p02-s2', start: 9999 }, 400, 'start'],
    [{ article: slug, sentenceId: 'p02-s2', start: -1 }, 400, 'start'],
    [{ article: slug, sentenceId: 'p02-s2', start: 1.5 }, 400, 'start'],
    [{ article: slug, sentenceId: 'p99-s1', start: 0 }, 400, 'sentenceId'],
    [{ article: slug, sentenceId: '__proto__', start: 0 }, 400, 'sentenceId'],
    [{ article: 'no-such-article', sentenceId: 'p02-s2', start }, 404, ''],
    [{ article: slug, sentenceId: 'p02-s2', start, word: '假的', pinyin: 'x' }, 400, ''],
    [[], 400, ''],
  ];
  for (const [data, status, field] of refusals) {
    const answer = await reader.api.post('/api/me/words', { data });
    expect(answer.status(), JSON.stringify(data)).toBe(status);
    if (field) expect(JSON.stringify((await answer.json()).error.issues), JSON.stringify(data)).toContain(field);
  }
  expect((await (await reader.api.get('/api/me/words')).json()).words).toEqual([]);
});

test('signed out, nothing is saved, listed, exported or reviewed; another reader’s word cannot be deleted or reviewed', async ({
  newReader,
  anonymous,
}) => {
  expect((await anonymous.get('/api/me/words')).status()).toBe(401);
  expect((await anonymous.get('/api/me/words/review')).status()).toBe(401);
  expect((await anonymous.get('/api/me/words/export')).status()).toBe(401);
  expect((await anonymous.post('/api/me/words', { data: { article: slug, sentenceId: 'p02-s2', start: 0 } })).status()).toBe(401);

  const owner = await newReader();
  const { word } = await (await save(owner, 'p02-s2', await startOf(owner, 'p02', 'p02-s2', '英伟达'))).json();
  const other = await newReader();
  expect((await other.api.delete(`/api/me/words/${word.id}`)).status()).toBe(404);
  expect((await other.api.post(`/api/me/words/${word.id}/review`, { data: { rating: 'easy', reps: 0 } })).status()).toBe(404);
  expect((await other.api.get('/api/me/words')).status()).toBe(200);
  expect((await (await other.api.get('/api/me/words')).json()).words).toEqual([]);

  expect((await owner.api.delete(`/api/me/words/${word.id}`)).status()).toBe(204);
  expect((await owner.api.delete(`/api/me/words/${word.id}`)).status()).toBe(404);
  expect((await (await owner.api.get('/api/me/words')).json()).words).toEqual([]);
});

test('the export is TSV that Anki imports (front: the sentence with the word in bold; back: pinyin, definition, English), or CSV', async ({
  newReader,
}) => {
  const reader = await newReader();
  await save(reader, 'p02-s2', await startOf(reader, 'p02', 'p02-s2', '英伟达'));
  await save(reader, 'p01-s1', await startOf(reader, 'p01', 'p01-s1', '算力'));
  const tsv = await reader.api.get('/api/me/words/export');
  expect(tsv.status()).toBe(200);
  expect(tsv.headers()['content-type']).toBe('text/tab-separated-values; charset=utf-8');
  expect(tsv.headers()['content-disposition']).toBe('attachment; filename="my-words.tsv"');
  const lines = (await tsv.text()).trimEnd().split('\n');
  expect(lines.slice(0, 3)).toEqual(['#separator:tab', '#html:true', '#columns:Front\tBack\tWord\tPinyin\tDefinition\tEnglish\tLink']);
  const rows = lines.slice(3).map((line) => line.split('\t'));
  expect(rows).toHaveLength(2);
  expect(rows.every((row) => row.length === 7)).toBe(true);
  const [front, back, word, , , english, link] = rows[0];
  expect(front).toContain('仅用2048张<b>英伟达</b>H800芯片');
  expect(back).toMatch(/^yīng wěi dá<br>NVIDIA.*<br>.*2,048 Nvidia H800 chips/);
  expect(word).toBe('英伟达');
  expect(english).toContain('Nvidia');
  expect(link).toMatch(new RegExp(`/zh/articles/${slug}\\?view=zh#zh-p02$`));
  expect(rows[1][4]).toContain('computing power');

  const csv = await reader.api.get('/api/me/words/export?format=csv');
  expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
  expect((await csv.text()).split('\r\n')[0]).toBe('\uFEFFword,pinyin,definition,chinese sentence,english sentence,article,link,saved');
  expect((await reader.api.get('/api/me/words/export?format=xls')).status()).toBe(400);
});

test('review: a new word is due now; an answer schedules it (Easy: days away), and it leaves the due list; a bad answer is refused', async ({
  newReader,
}) => {
  const reader = await newReader();
  await save(reader, 'p02-s2', await startOf(reader, 'p02', 'p02-s2', '英伟达'));
  await save(reader, 'p01-s1', await startOf(reader, 'p01', 'p01-s1', '算力'));
  const due = await (await reader.api.get('/api/me/words/review')).json();
  expect(due.due).toBe(2);
  expect(due.words).toHaveLength(2);

  const [first] = due.words;
  expect(first.reps).toBe(0);
  const answer = (data: unknown) => reader.api.post(`/api/me/words/${first.id}/review`, { data });
  expect((await answer({ rating: 'perfect', reps: 0 })).status()).toBe(400);
  expect((await answer({ rating: 'easy', reps: 0, extra: 1 })).status()).toBe(400);
  expect((await answer({ rating: 'easy' })).status()).toBe(400);
  const answered = await answer({ rating: 'easy', reps: 0 });
  expect(answered.status(), await answered.text()).toBe(200);
  expect(Date.parse((await answered.json()).word.due) - Date.now()).toBeGreaterThan(86_400_000 - 60_000);
  // The same answer again (a double click, another tab that showed the card): one review, a 409.
  expect((await answer({ rating: 'easy', reps: 0 })).status()).toBe(409);
  expect((await (await reader.api.get('/api/me/words')).json()).words.find((w: { id: string }) => w.id === first.id).reps).toBe(1);

  const after = await (await reader.api.get('/api/me/words/review')).json();
  expect(after.due).toBe(1);
  expect(after.words.map((w: { id: string }) => w.id)).not.toContain(first.id);
  expect((await reader.api.get('/api/me/words/review?limit=500')).status()).toBe(400);
});

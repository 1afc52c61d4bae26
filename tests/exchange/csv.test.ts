import { describe, expect, it } from 'vitest';
import { csvWriter, toCsv } from '@/lib/exchange/csv';
import type { EditorialOf } from '@/lib/exchange/editorial-of';
import { noteItems } from '@/lib/exchange/jsonld';
import { markdownWriter } from '@/lib/exchange/markdown';
import { writeAll } from '@/lib/exchange/page-writer';
import { claim, comment, highlight, notes } from './fixtures';

/** RFC 4180 records with CRLF after each, as a spreadsheet reads them. */
function parseCsv(csv: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  while (i < csv.length) {
    let end: number;
    if (csv[i] === '"') {
      end = i + 1;
      while (csv[end] !== '"' || csv[end + 1] === '"') {
        if (end >= csv.length) throw new Error(`unclosed quote at ${i}`);
        end += csv[end] === '"' ? 2 : 1;
      }
      record.push(csv.slice(i + 1, end).replaceAll('""', '"'));
      i = end + 1;
    } else {
      end = i + csv.slice(i).search(/,|\r\n/);
      record.push(csv.slice(i, end));
      i = end;
    }
    if (csv[i] === ',') i++;
    else if (csv.startsWith('\r\n', i)) {
      records.push(record);
      record = [];
      i += 2;
    } else throw new Error(`unexpected ${JSON.stringify(csv[i])} at ${i}`);
  }
  return records;
}

const csv = toCsv(notes);
const [header, ...rows] = parseCsv(csv.slice(1));
const cell = (row: string[], column: string) => row[header.indexOf(column)];
const rowOf = (id: string) => rows.find((row) => row[0] === id)!;

describe('toCsv', () => {
  it('starts with a BOM and ends every record with CRLF', () => {
    expect(csv.startsWith('\uFEFFid,type,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replaceAll('\r\n', '').includes('\r')).toBe(false);
  });

  it('has a header row, then a row per note followed by one per reply', () => {
    expect(header).toEqual([
      'id',
      'type',
      'parent id',
      'article',
      'lang',
      'kind',
      'verdict',
      'visibility',
      'author',
      'created',
      'updated',
      'quote',
      'aligned quote',
      'body',
      'tags',
      'source URL',
      'resolved',
      'suggestion',
      'suggestion lang',
      'suggestion state',
      'editorial verdict',
    ]);
    expect(rows.map((row) => `${row[1]} ${row[0]} ${row[2]}`.trim())).toEqual([
      'note c1',
      'reply r1 c1',
      'note k1',
      'reply r2 k1',
      'reply r3 k1',
      'note h1',
      'note q1',
      'note d1',
      'reply r4 d1',
    ]);
    expect(rows.every((row) => row.length === header.length)).toBe(true);
  });

  it('gives a note’s fields, quote and aligned quote', () => {
    expect(rowOf('k1')).toEqual([
      'k1',
      'note',
      '',
      'deepseek-capex',
      'zh',
      'claim',
      'disputed',
      'shared',
      '王波',
      claim.createdAt,
      claim.updatedAt,
      claim.target.selector[0].exact,
      expect.stringMatching(/^The company said it had trained a model/),
      claim.body,
      '成本;deepseek',
      'https://arxiv.org/abs/2412.19437',
      'false',
      '',
      '',
      '',
      '',
    ]);
    expect(cell(rowOf('h1'), 'aligned quote')).toBe(
      '是否有必要继续大规模投资算力？中国AI创业公司DeepSeek爆火后，投资者对大规模算力投资一度担忧。',
    );
    expect(cell(rowOf('h1'), 'visibility')).toBe('private');
    expect(cell(rowOf('q1'), 'resolved')).toBe('true');
    expect(cell(rowOf('c1'), 'tags')).toBe('capex;nvidia');
  });

  it('keeps commas, quotes, newlines and Chinese in a cell, quoting as CSV requires', () => {
    expect(cell(rowOf('k1'), 'body')).toBe(claim.body);
    expect(csv).toContain(
      '"The $5.5M covers the final run only, not research, ""ablation"" runs, or salaries,\nso the comparison is misleading."',
    );
    expect(cell(rowOf('c1'), 'body')).toBe(comment.body);
    expect(csv).toContain(',技术报告第5页写明了这一点。,');
  });

  it('gives a reply its note as parent, its verdict, and nothing of the note’s passage', () => {
    expect(rowOf('r3')).toEqual([
      'r3',
      'reply',
      'k1',
      'deepseek-capex',
      'zh',
      '',
      '',
      '',
      'Alice Chen',
      '2025-03-03T09:15:00.000Z',
      '2025-03-03T09:20:00.000Z',
      '',
      '',
      '技术报告第5页写明了这一点。',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
    ]);
    expect(cell(rowOf('r2'), 'verdict')).toBe('supported');
  });

  it('makes cells that a spreadsheet would run as formulas inert', () => {
    expect(cell(rowOf('r2'), 'author')).toBe("'@carol");
    expect(cell(rowOf('r2'), 'body')).toBe("'=1/30 of GPT-o1’s cost is about inference, not training.");
    expect(cell(rowOf('r4'), 'body')).toBe("'- Which giants, though?");
    const tricky = { ...highlight, body: '  +SUM(A1:A9)', tags: ['-1', 'ok'], author: { id: 'u', name: '\t=cmd' }, replies: [] };
    const [, row] = parseCsv(toCsv([tricky]).slice(1));
    expect(cell(row, 'body')).toBe("'  +SUM(A1:A9)");
    expect(cell(row, 'tags')).toBe("'-1;ok");
    expect(cell(row, 'author')).toBe("'\t=cmd");
    expect(cell(rowOf('c1'), 'body')).toBe(comment.body);
  });
});

describe('toCsv, translations', () => {
  it('gives a suggestion’s wording, language and state in their own cells', () => {
    const suggestion = {
      lang: 'en' as const,
      sentenceId: comment.sentenceIds[0],
      text: 'A better wording.',
      state: 'accepted' as const,
      decidedAt: '2025-03-04T10:00:00.000Z',
      support: 2,
      current: 'The old wording.',
      diff: [],
    };
    const [head, row] = parseCsv(toCsv([{ ...comment, id: 't1', kind: 'translation', suggestion }]).slice(1));
    const at = (column: string) => row[head.indexOf(column)];
    expect([at('kind'), at('suggestion'), at('suggestion lang'), at('suggestion state')]).toEqual([
      'translation',
      'A better wording.',
      'en',
      'accepted',
    ]);
  });
});

describe('exports, editorial verdicts', () => {
  const editorialOf: EditorialOf = (note) =>
    note.kind === 'claim'
      ? { rating: 'mixed', reasoning: { en: 'The final run only.', zh: '只是最后一次训练。' }, sentenceId: note.sentenceIds[0] }
      : undefined;

  it('gives a claim the editors’ verdict on its sentence, in CSV, Markdown and JSON-LD', () => {
    const [head, ...body] = parseCsv(writeAll(csvWriter(editorialOf), notes).slice(1));
    const verdictOf = (id: string) => body.find((row) => row[0] === id)![head.indexOf('editorial verdict')];
    expect([verdictOf('k1'), verdictOf('c1')]).toEqual(['mixed', '']);
    const markdown = writeAll(markdownWriter({ title: 'Notes', lang: 'zh', editorialOf }), [claim]);
    expect(markdown).toContain('**编辑结论：部分属实**：只是最后一次训练。');
    const [item] = noteItems(claim, 'https://reader.example', editorialOf);
    expect(item).toMatchObject({
      'reader:claimReview': `https://reader.example/zh/articles/deepseek-capex/claims#claim-${claim.sentenceIds[0]}`,
    });
    expect(noteItems(comment, 'https://reader.example', editorialOf)[0]).not.toHaveProperty('reader:claimReview');
  });
});

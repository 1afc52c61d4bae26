import { it } from 'vitest';
import fs from 'node:fs';
import { readArticleFiles } from '@/lib/content/article-files';
import { applySuggestions } from '@/lib/content/apply-suggestions';
import { checkArticle } from '@/lib/content/check-article';
import { parseArticle } from '@/lib/content/parse-article';
import { compileArticleBody } from '@/lib/content/compile-article';

const slug = 'deepseek-capex';
const files = readArticleFiles(slug);
const before = { sources: { zh: files.zh.source, en: files.en.source }, ids: files.ids!.map! };
const sentences = parseArticle(before.sources.en, slug, 'en', before.ids.blocks).blocks.flatMap((b) => b.sentences.map((s) => ({ ...s, kind: b.kind })));

const payloads = [
  '<script>alert(1)</script>', '{alert(1)}', 'import x from "y"', 'export const a = 1', 'import x from', 'export default 1',
  'importance of x', 'import costs rose, Nvidia said', 'export controls bite', '# Heading', '> quote', '- item', '+ item', '* item', '1. item', '1) item', '| a | b |',
  'trailing \\', '`code`', '<!-- comment -->', '<TranslatorNote>x</TranslatorNote>', '===', '= = =', '---', '***', '___',
  '[link](javascript:alert(1))', '![img](x)', '&lt;script&gt;', '&#60;b&#62;', 'foo **bar** baz', '[to translate]', 'Nvidia ** is', '~~~', 'a\u2028b',
  '<https://x.example>', '[^1]', '[a]: http://x', 'http://evil.example/x', 'www.evil.example', 'a  \\', 'x\u00a0', '\\*', 'a_b_c', 'AT&amp;T',
];
const targets = ['p01-s1', 'p01-s2', 'h01-s1', 'p04-s1', 'p02-s1'];

it('probe', async () => {
  const out: unknown[] = [];
  const lines = before.sources.en.split('\n');
  for (const t of targets) {
    const s = sentences.find((x) => x.id === t)!;
    out.push({ target: t, kind: s.kind, line: lines[s.line - 1] });
    for (const text of payloads) {
      let res: unknown;
      try {
        const after = applySuggestions(slug, before.sources, before.ids, [{ id: 'x', sentenceId: t, lang: 'en', text }]);
        let problems: unknown = null;
        let newLine = '';
        if (after.applied.length) {
          const p = checkArticle({ ...files, en: { ...files.en, source: after.sources.en }, ids: { path: files.ids!.path, map: after.ids } });
          problems = p.map((x) => x.message);
          newLine = after.sources.en.split('\n')[s.line - 1];
          const sameIds = JSON.stringify(after.ids.blocks.map((b) => [b.id, b.sentences.map((q) => q.id)])) === JSON.stringify(before.ids.blocks.map((b) => [b.id, b.sentences.map((q) => q.id)]));
          let compiled = '';
          try { compiled = await compileArticleBody(after.sources.en, 'en', after.ids.blocks); } catch (e) { compiled = 'COMPILE ERROR ' + (e as Error).message.slice(0, 200); }
          res = { applied: true, newLine, problems, sameIds, compileErr: compiled.startsWith('COMPILE') ? compiled : undefined };
        } else res = { applied: false, reason: after.skipped[0]?.reason };
      } catch (e) {
        res = { THROWN: (e as Error).message.slice(0, 200) };
      }
      out.push({ t, text, res });
    }
  }
  fs.writeFileSync('/tmp/rev/inject.json', JSON.stringify(out, null, 1));
}, 600000);

import { getFormatter, getTranslations } from 'next-intl/server';
import { readArticleWords } from '@/lib/learning/article-words-file';
import { writtenPinyin } from '@/lib/learning/pinyin-ruby';
import { beyondHsk, readingLevel } from '@/lib/learning/reading-level';
import { LevelMarks } from './level-marks';

/**
 * "Reading level": the article's running words by HSK 2.0 level, drawn on the server from its word
 * list (words.json), the words beyond HSK 6 listed, and a control that marks in the text the words
 * above a level the reader picks (level-marks.tsx). Folded by default: a line above the text.
 */
export async function ReadingLevel({ slug }: { slug: string }) {
  const words = readArticleWords(slug);
  if (!words) return null;
  const t = await getTranslations('Learning');
  const format = await getFormatter();
  const level = readingLevel(words);
  const share = (uses: number) => uses / Math.max(1, level.uses);
  const aboveCounts = Object.fromEntries(
    level.levels.map((row) => [
      row.level,
      level.levels.filter((other) => other.level > row.level).reduce((sum, other) => sum + other.uses, 0),
    ]),
  );
  const label = (n: number) => (n === beyondHsk ? t('beyondLevel') : t('hsk', { level: n }));

  return (
    <details className="reading-level">
      <summary className="lookup-toggle">{t('readingLevel')}</summary>
      <div className="reading-level-panel">
        <p>{t('readingLevelIntro', { uses: level.uses, words: level.words })}</p>
        <table className="level-chart">
          <caption className="visually-hidden">{t('readingLevel')}</caption>
          <thead className="visually-hidden">
            <tr>
              <th scope="col">{t('levelColumn')}</th>
              <th scope="col">{t('shareColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {level.levels.map((row) => (
              <tr key={row.level}>
                <th scope="row">{label(row.level)}</th>
                <td>
                  <div className="level-row">
                    <span className="level-bar" aria-hidden="true">
                      <span className="level-bar-listed" style={{ width: `${share(row.uses - row.byCharacters) * 100}%` }} />
                      <span className="level-bar-by-characters" style={{ width: `${share(row.byCharacters) * 100}%` }} />
                    </span>
                    <span className="level-share">{format.number(share(row.uses), { style: 'percent', maximumFractionDigits: 0 })}</span>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="level-legend">
          <span className="level-key level-bar-listed" aria-hidden="true" /> {t('levelListed')}{' '}
          <span className="level-key level-bar-by-characters" aria-hidden="true" /> {t('levelByCharacters')}
        </p>
        <h3>{t('beyondTitle', { count: level.beyond.length })}</h3>
        {level.beyond.length ? (
          <ul className="beyond-words">
            {level.beyond.map((word) => (
              <li key={word.word}>
                <span lang="zh-Hans">{word.word}</span> <span className="beyond-pinyin">{writtenPinyin(word.pinyin.split(' '))}</span>{' '}
                <span className="beyond-uses">{t('timesUsed', { count: word.uses })}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('noneBeyond')}</p>
        )}
        <LevelMarks slug={slug} counts={aboveCounts} />
      </div>
    </details>
  );
}

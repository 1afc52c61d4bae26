/** A Chinese sentence with one word in it marked (`<mark>`), where the word was saved from, or `blank` in its place. */
export function MarkedSentence({ sentence, word, start, blank }: { sentence: string; word: string; start: number; blank?: string }) {
  const at = sentence.slice(start, start + word.length) === word ? start : sentence.indexOf(word);
  if (at < 0) return <span lang="zh-Hans">{sentence}</span>;
  return (
    <span lang="zh-Hans">
      {sentence.slice(0, at)}
      {blank === undefined ? <mark>{word}</mark> : <span className="word-blank">{blank}</span>}
      {sentence.slice(at + word.length)}
    </span>
  );
}

// Rates a password with zxcvbn-ts. Plain CommonJS, loaded by a worker thread (password-worker.cjs)
// straight from node_modules: its dictionaries take about 25 MB of heap, which stays out of the
// server's own heap (160 MB; password-strength.ts explains).

const { ZxcvbnFactory } = require('@zxcvbn-ts/core');
const common = require('@zxcvbn-ts/language-common');
const english = require('@zxcvbn-ts/language-en');

/** zxcvbn's scale: 3 is "safely unguessable: moderate protection from an offline slow-hash attack". */
const minScore = 3;
/** Longer passwords are rated on their first characters: zxcvbn's matching grows faster than linearly with length. */
const ratedLength = 100;

/** zxcvbn's warnings, grouped into what a reader can act on (messages Account.passwordWeak.<reason>). */
const reasons = {
  topTen: 'common',
  topHundred: 'common',
  common: 'common',
  similarToCommon: 'common',
  pwned: 'common',
  straightRow: 'pattern',
  keyPattern: 'pattern',
  simpleRepeat: 'pattern',
  extendedRepeat: 'pattern',
  sequences: 'pattern',
  recentYears: 'dates',
  dates: 'dates',
  wordByItself: 'words',
  namesByThemselves: 'words',
  commonNames: 'words',
  userInputs: 'personal',
};

let estimator;

/**
 * Why a password is too easy to guess (one of common, pattern, dates, words, personal, weak), or
 * null when it is strong enough. The reader's name and email count as guessable words.
 * @param {string} password
 * @param {string[]} userInputs
 * @returns {string | null}
 */
function rate(password, userInputs) {
  estimator ??= new ZxcvbnFactory({ dictionary: { ...common.dictionary, ...english.dictionary }, graphs: common.adjacencyGraphs });
  const inputs = userInputs.flatMap((input) => [input, ...input.split(/[@.\s_-]+/)]).filter((input) => input.length >= 3);
  const result = estimator.check(password.slice(0, ratedLength), inputs);
  if (result.score >= minScore) return null;
  return reasons[result.feedback.warning ?? ''] ?? 'weak';
}

module.exports = { rate };

// The worker thread that rates passwords (password-strength.ts starts it; password-rating.cjs rates).
const { parentPort } = require('node:worker_threads');
const { rate } = require('./password-rating.cjs');

parentPort.on('message', ({ id, password, userInputs }) => {
  let reason = 'weak';
  try {
    reason = rate(password, userInputs);
  } catch {
    // A password zxcvbn cannot rate is not taken as strong.
  }
  parentPort.postMessage({ id, reason });
});

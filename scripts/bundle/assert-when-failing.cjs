// What yargs takes from node:assert (its two checks of its own state), loading node:assert only
// when a check fails: compiling node:assert and its AssertionError took a tenth of `plc --help`.
// A failing check throws node:assert's own error, so nothing changes but the cost.
'use strict';

module.exports = {
  strictEqual(actual, expected, message) {
    if (!Object.is(actual, expected)) require('node:assert').strictEqual(actual, expected, message);
  },
  notStrictEqual(actual, expected, message) {
    if (Object.is(actual, expected)) require('node:assert').notStrictEqual(actual, expected, message);
  },
};

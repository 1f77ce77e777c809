'use strict';
// The regexp-match-indices polyfill (what @cucumber/cucumber-expressions calls to learn where each
// parameter of a step was found) exists for engines without RegExp match indices. Every Node this
// project supports has them (the `d` flag, ES2022), yet the polyfill never uses them: it decides
// by a test that cannot pass, then rebuilds a measuring RegExp through regexp-tree on every match
// it reports, about a fifth of a millisecond each, a twentieth of a whole feature run.
//
// Same contract: exec(regexp, string) runs the regexp as RegExp.prototype.exec would, honouring
// and updating its lastIndex, and the result carries `indices` (ES2022 §22.2.7.8).
const withIndices = new WeakMap();

function exec(regexp, string) {
  let measuring = withIndices.get(regexp);
  if (measuring === undefined) {
    measuring = regexp.hasIndices ? regexp : new RegExp(regexp.source, `${regexp.flags}d`);
    withIndices.set(regexp, measuring);
  }
  measuring.lastIndex = regexp.lastIndex;
  const match = measuring.exec(string);
  if (measuring !== regexp) regexp.lastIndex = measuring.lastIndex;
  return match;
}

module.exports = exec;

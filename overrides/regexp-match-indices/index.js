'use strict';
/**
 * lokalsvar-e2e's stand-in for regexp-match-indices 1.0.2, put in its place by the "overrides" of the project's
 * package.json. @cucumber/cucumber-expressions calls it to find where each parameter of a step begins and ends.
 *
 * Why: 1.0.2 asks whether the engine has match indices by running a RegExp without the d flag, which never has them,
 * so on every Node it falls back to parsing each step definition's pattern with regexp-tree and rewriting it. In this
 * suite that took about 0.3 s of CPU before the first scenario (cucumber matches every step of every scenario then),
 * and more as the suite grows. Node has had the d flag since 16.4; this asks V8 for the indices itself.
 *
 * Same contract as 1.0.2's default export: exec(regexp, string) returns what regexp.exec(string) returns, with
 * `indices` (and `indices.groups` for named groups) on a match; lastIndex moves as the regexp's own exec would move it.
 * Tested in test/overrides/regexp-match-indices.test.ts.
 */
const nativeExec = RegExp.prototype.exec;
/** Each regexp's twin with the d flag (a regexp's source and flags never change). */
const twins = new WeakMap();

function twinOf(regexp) {
  if (regexp.hasIndices) return regexp;
  let twin = twins.get(regexp);
  if (twin === undefined) {
    twin = new RegExp(regexp.source, `${regexp.flags}d`);
    twins.set(regexp, twin);
  }
  return twin;
}

function exec(regexp, string) {
  const twin = twinOf(regexp);
  if (twin === regexp) return nativeExec.call(regexp, string);
  twin.lastIndex = regexp.lastIndex;
  const match = nativeExec.call(twin, string);
  regexp.lastIndex = twin.lastIndex;
  return match;
}

module.exports = exec;

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatCpr, normalizeCpr } from '../../stubs/sundhedsjournal/cpr';
import { SESSION_COOKIE, SessionStore, expiredSessionCookie, parseCookies, sessionCookie } from '../../stubs/sundhedsjournal/session';

describe('CPR on the login form', () => {
  it('takes 10 digits, with or without the dash, spaces around allowed', () => {
    assert.equal(normalizeCpr('0201609995'), '0201609995');
    assert.equal(normalizeCpr(' 020160-9995 '), '0201609995');
    assert.equal(normalizeCpr('020160 9995'), '0201609995');
    assert.equal(normalizeCpr('020160 - 9995'), '0201609995');
    assert.equal(normalizeCpr('\t0201609995\n'), '0201609995');
  });

  it('refuses anything else', () => {
    for (const input of ['', '020160999', '02016099951', '02016O9995', '0201-609995', '020160--9995x', 'x020160-9995', '020160-99951', '02016-09995', '020160-999', '020160_9995']) {
      assert.equal(normalizeCpr(input), undefined, input);
    }
  });

  it('is written with a dash; anything not 10 digits is written as it is', () => {
    assert.equal(formatCpr('0201609995'), '020160-9995');
    for (const other of ['12345', '02016099951', 'x0201609995', '0201609995x']) assert.equal(formatCpr(other), other);
  });
});

describe('cookies', () => {
  it('parses a cookie header, first occurrence winning', () => {
    const cookies = parseCookies('a=1; sj_session=abc; b="q%20r"; sj_session=later; broken');
    assert.deepEqual([...cookies], [
      ['a', '1'],
      ['sj_session', 'abc'],
      ['b', 'q r'],
    ]);
    assert.equal(parseCookies(undefined).size, 0);
  });

  it('skips a pair without a name, trims around names and values, and keeps a value it cannot decode as it is', () => {
    assert.deepEqual([...parseCookies('=anonym;  c = "x=y" ;d=%E0%A4%A;e=a%3Db;f=')], [
      ['c', 'x=y'],
      ['d', '%E0%A4%A'],
      ['e', 'a=b'],
      ['f', ''],
    ]);
    assert.deepEqual([...parseCookies('g="half; h="a"b; i=x"y"')], [
      ['g', '"half'],
      ['h', '"a"b'],
      ['i', 'x"y"'],
    ]);
  });

  it('sets the session cookie for the whole site, out of reach of scripts, and expires it on log-out', () => {
    assert.equal(SESSION_COOKIE, 'sj_session');
    assert.equal(sessionCookie('abc'), 'sj_session=abc; Path=/; HttpOnly; SameSite=Lax');
    assert.equal(expiredSessionCookie(), 'sj_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0');
  });
});

describe('sessions', () => {
  it('maps a fresh random token to the CPR until closed', () => {
    const sessions = new SessionStore();
    const first = sessions.open('0201609995');
    const second = sessions.open('0201609995');
    assert.notEqual(first, second);
    assert.match(first, /^[A-Za-z0-9_-]{32}$/);
    assert.equal(sessions.cprOf(first), '0201609995');
    sessions.close(first);
    assert.equal(sessions.cprOf(first), undefined);
    assert.equal(sessions.cprOf(second), '0201609995');
    assert.equal(sessions.cprOf(undefined), undefined);
    sessions.close(undefined);
    sessions.close('unknown');
    assert.equal(sessions.cprOf(second), '0201609995');
  });

  it('keeps the 10 000 newest sessions and forgets the oldest beyond that', () => {
    const sessions = new SessionStore();
    const tokens = Array.from({ length: 10_000 }, (_, index) => sessions.open(String(index)));
    assert.equal(sessions.cprOf(tokens[0]), '0');
    const newest = sessions.open('newest');
    assert.deepEqual(
      [sessions.cprOf(tokens[0]), sessions.cprOf(tokens[1]), sessions.cprOf(tokens[9_999]), sessions.cprOf(newest)],
      [undefined, '1', '9999', 'newest'],
    );
    sessions.open('one more');
    assert.equal(sessions.cprOf(tokens[1]), undefined);
    assert.equal(sessions.cprOf(tokens[2]), '2');
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatCpr, normalizeCpr } from '../../stubs/sundhedsjournal/cpr';
import { SessionStore, parseCookies } from '../../stubs/sundhedsjournal/session';

describe('CPR on the login form', () => {
  it('takes 10 digits, with or without the dash', () => {
    assert.equal(normalizeCpr('0201609995'), '0201609995');
    assert.equal(normalizeCpr(' 020160-9995 '), '0201609995');
    assert.equal(normalizeCpr('020160 9995'), '0201609995');
  });

  it('refuses anything else', () => {
    for (const input of ['', '020160999', '02016099951', '02016O9995', '0201-609995', '020160--9995x']) {
      assert.equal(normalizeCpr(input), undefined, input);
    }
  });

  it('is written with a dash', () => {
    assert.equal(formatCpr('0201609995'), '020160-9995');
  });
});

describe('cookies and sessions', () => {
  it('parses a cookie header, first occurrence winning', () => {
    const cookies = parseCookies('a=1; sj_session=abc; b="q%20r"; sj_session=later; broken');
    assert.deepEqual([...cookies], [
      ['a', '1'],
      ['sj_session', 'abc'],
      ['b', 'q r'],
    ]);
    assert.equal(parseCookies(undefined).size, 0);
  });

  it('maps a fresh random token to the CPR until closed', () => {
    const sessions = new SessionStore();
    const first = sessions.open('0201609995');
    const second = sessions.open('0201609995');
    assert.notEqual(first, second);
    assert.equal(sessions.cprOf(first), '0201609995');
    sessions.close(first);
    assert.equal(sessions.cprOf(first), undefined);
    assert.equal(sessions.cprOf(second), '0201609995');
    assert.equal(sessions.cprOf(undefined), undefined);
  });
});

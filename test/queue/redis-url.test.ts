import { describe, expect, it } from 'vitest';
import { tlsFailure } from '../../src/queue/reach-redis.js';
import { redisConnection } from '../../src/queue/redis-url.js';
import { thrown } from '../helpers/thrown.js';

describe('redisConnection', () => {
  it('reads host, port, user, password, database and TLS from the URL', () => {
    expect(redisConnection('redis://127.0.0.1')).toEqual({ host: '127.0.0.1', port: 6379 });
    expect(redisConnection('rediss://me:s%40cret@[::1]:6380/2')).toEqual({
      host: '::1',
      port: 6380,
      username: 'me',
      password: 's@cret',
      db: 2,
      tls: {},
    });
  });

  it('refuses what is not a Redis URL, saying what is wrong, the password hidden', () => {
    const cases: Array<[string, string]> = [
      ['redis://127.0.0.1:99999', 'The port 99999 is past 65535: redis://127.0.0.1:99999.'],
      ['redis://:secret@127.0.0.1:70000/1', 'The port 70000 is past 65535: redis://:***@127.0.0.1:70000/1.'],
      ['127.0.0.1:6379', 'Not a Redis URL: 127.0.0.1:6379.'],
      ['http://127.0.0.1:6379', 'Not a redis:// or rediss:// URL: http://127.0.0.1:6379.'],
      ['redis://127.0.0.1:6379/queue', 'The path of a Redis URL is a database number: redis://127.0.0.1:6379/queue.'],
    ];
    for (const [url, problem] of cases) {
      const error = thrown(() => redisConnection(url));
      expect(error.code, url).toBe('INVALID_ARGUMENT');
      expect(error.problem, url).toBe(problem);
      expect(error.message).not.toContain('secret');
    }
  });
});

describe('tlsFailure', () => {
  it("tells by Node's TLS codes what is wrong with a rediss:// server, and what to do", () => {
    expect(tlsFailure('DEPTH_ZERO_SELF_SIGNED_CERT', 'r')?.hint).toContain('NODE_EXTRA_CA_CERTS');
    expect(tlsFailure('UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'r')?.why).toContain('not trusted');
    expect(tlsFailure('ERR_TLS_CERT_ALTNAME_INVALID', 'redis.lan')).toMatchObject({
      why: 'its TLS certificate does not name redis.lan: ERR_TLS_CERT_ALTNAME_INVALID',
    });
    expect(tlsFailure('ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED', 'r')?.hint).toContain('--tls-auth-clients no');
    expect(tlsFailure('ERR_SSL_WRONG_VERSION_NUMBER', 'r')?.hint).toContain('redis://');
    expect(tlsFailure('ECONNREFUSED', 'r')).toBeUndefined();
  });
});

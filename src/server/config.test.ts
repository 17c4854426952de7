import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '#server/config.ts';

describe('config', () => {
  it('defaults to PGlite in ./data on port 3000', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ kind: 'pglite', dataDir: path.resolve('./data') });
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.instances.usgov.domainSuffix).toBe('onmicrosoft.us');
  });

  it('speaks HTTPS with both TLS files, and refuses one without the other', () => {
    const config = loadConfig({ TLS_CERT_FILE: 'cert.pem', TLS_KEY_FILE: 'key.pem', PORT: '8443' });
    expect(config.tls).toEqual({ certFile: path.resolve('cert.pem'), keyFile: path.resolve('key.pem') });
    expect(config.publicUrl).toBe('https://localhost:8443');
    expect(config.sessionCookieSecure).toBe(true);
    expect(loadConfig({}).tls).toBeUndefined();
    expect(() => loadConfig({ TLS_CERT_FILE: 'cert.pem' })).toThrow(/TLS_KEY_FILE: TLS_CERT_FILE and TLS_KEY_FILE go together/);
  });

  it('uses PostgreSQL when DATABASE_URL is set', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@db:5432/pd', PARTNERDESK_DATA_DIR: '/x' });
    expect(config.database).toMatchObject({ kind: 'postgres', url: 'postgres://u@db:5432/pd' });
  });

  it('lists every bad value at once', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', USGOV_DOMAIN_SUFFIX: 'not a domain', PARTNERDESK_ENCRYPTION_KEY: 'short' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toContain('PORT');
    expect(problems).toContain('DATABASE_URL');
    expect(problems).toContain('USGOV_DOMAIN_SUFFIX');
    expect(problems).toContain('PARTNERDESK_ENCRYPTION_KEY');
    expect((error as ConfigError).problems).toHaveLength(4);
  });

  it('keeps drafts 30 days unless DRAFT_TTL_DAYS says otherwise', () => {
    expect(loadConfig({}).draftTtlMs).toBe(30 * 86_400_000);
    expect(loadConfig({ DRAFT_TTL_DAYS: '7' }).draftTtlMs).toBe(7 * 86_400_000);
    expect(() => loadConfig({ DRAFT_TTL_DAYS: 'a month' })).toThrow(/DRAFT_TTL_DAYS/);
    expect(() => loadConfig({ DRAFT_TTL_DAYS: '0' })).toThrow(/DRAFT_TTL_DAYS/);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' }).database.kind).toBe('pglite');
  });
});

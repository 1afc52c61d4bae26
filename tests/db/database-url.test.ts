import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDatabase } from '@/lib/db/database-url';

const cwd = '/srv/reader';

describe('resolveDatabase', () => {
  it('defaults to the SQLite file .data/reader.db under the working directory', () => {
    for (const env of [{}, { DATABASE_URL: '' }, { DATABASE_URL: '  ' }]) {
      expect(resolveDatabase(env, cwd)).toEqual({
        provider: 'sqlite',
        url: 'file:/srv/reader/.data/reader.db',
        file: '/srv/reader/.data/reader.db',
      });
    }
  });

  it('uses process.cwd() when no directory is given', () => {
    expect(resolveDatabase({}).file).toBe(path.resolve(process.cwd(), '.data/reader.db'));
  });

  it('accepts file: URLs, relative to the working directory, absolute, or file:///', () => {
    expect(resolveDatabase({ DATABASE_URL: 'file:./db/dev.db' }, cwd)).toMatchObject({ provider: 'sqlite', file: '/srv/reader/db/dev.db' });
    expect(resolveDatabase({ DATABASE_URL: 'file:dev.db?connection_limit=1' }, cwd).file).toBe('/srv/reader/dev.db');
    expect(resolveDatabase({ DATABASE_URL: 'file:/var/lib/reader.db' }, cwd).file).toBe('/var/lib/reader.db');
    expect(resolveDatabase({ DATABASE_URL: 'file:///var/lib/reader.db' }, cwd).file).toBe('/var/lib/reader.db');
    expect(resolveDatabase({ DATABASE_URL: 'file:x.db' }, cwd).url).toBe('file:/srv/reader/x.db');
  });

  it('sends postgres:// and postgresql:// URLs to PostgreSQL unchanged', () => {
    for (const url of ['postgres://u:p@db:5432/reader', 'postgresql://u@127.0.0.1/reader?schema=app', 'POSTGRESQL://h/db']) {
      expect(resolveDatabase({ DATABASE_URL: url }, cwd)).toEqual({ provider: 'postgresql', url });
    }
  });

  it('rejects anything else with an error naming DATABASE_URL, without echoing credentials', () => {
    expect(() => resolveDatabase({ DATABASE_URL: 'mysql://root:secret@db/reader' }, cwd)).toThrow(/DATABASE_URL/);
    expect(() => resolveDatabase({ DATABASE_URL: 'mysql://root:secret@db/reader' }, cwd)).not.toThrow(/secret/);
    expect(() => resolveDatabase({ DATABASE_URL: 'reader.db' }, cwd)).toThrow(/DATABASE_URL/);
    expect(() => resolveDatabase({ DATABASE_URL: 'file:' }, cwd)).toThrow(/DATABASE_URL/);
  });
});

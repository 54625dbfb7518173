import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'corridor-match-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const run = (...args: string[]) => spawnSync(process.execPath, ['bin/corridor.mjs', 'match', ...args], { encoding: 'utf8', env: { PATH: process.env.PATH } });

const C = file(
  'C.csv',
  'id,occupation,skill_level,russian_level,experience_years,waiting_days,preferred_regions\nc1,7112,3,2,4,400,RU-SVE;RU-TA\nc2,7112,2,1,1,10,\nc3,9313,1,0,0,800,RU-MOW\n',
);
const V = file(
  'V.csv',
  'id,employer_id,occupation,region,seats,min_skill_level,min_russian_level,min_experience_years\nv1,e1,7112,RU-TA,1,2,1,1\nv2,e2,7112,RU-SVE,1,1,0,0\nv3,e3,9313,RU-MOW,2,1,0,0\n',
);

describe('corridor match', { timeout: 90_000 }, () => {
  test('writes the optimal assignment and ends with objective and count', () => {
    const out = join(dir, 'A.csv');
    const result = run('--candidates', C, '--vacancies', V, '--quotas', file('Q.csv', 'region,occupation,remaining\nRU-MOW,9313,0\n'), '--out', out);
    expect(result.status).toBe(0);
    expect(result.stdout.trim().split('\n').at(-1)).toBe('objective=2177 assigned=2');
    expect(result.stderr).toContain('matching 100%');
    // c1 takes his first choice (1000+100+27), c2 any region (1000+50); c3's bucket has no quota left.
    expect(readFileSync(out, 'utf8')).toBe('candidate_id,vacancy_id,weight\nc2,v1,1050\nc1,v2,1127\n');
  });

  test('without quotas the third candidate is placed too (1000+100+50)', () => {
    const result = run('--candidates', C, '--vacancies', V, '--out', join(dir, 'A2.csv'));
    expect(result.stdout.trim().split('\n').at(-1)).toBe('objective=3327 assigned=3');
  });

  test('refuses a malformed CSV in one line naming file, line and reason, and writes nothing', () => {
    const out = join(dir, 'never.csv');
    const result = run(
      '--candidates',
      file('bad.csv', 'id,occupation,skill_level,russian_level,experience_years,waiting_days,preferred_regions\nc1,7112,x,2,4,400,RU-SVE\n'),
      '--vacancies',
      V,
      '--out',
      out,
    );
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^corridor: malformed CSV: .*bad\.csv:2: skill_level must be an integer, found "x"$/),
    ]);
    expect(() => readFileSync(out)).toThrow();
  });

  test('refuses a missing file and a missing option', () => {
    expect(run('--candidates', join(dir, 'nope.csv'), '--vacancies', V, '--out', join(dir, 'x.csv')).stderr).toContain('cannot read candidates file');
    expect(run('--candidates', C, '--out', join(dir, 'x.csv')).status).not.toBe(0);
  });
});

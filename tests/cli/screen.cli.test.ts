import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'corridor-screen-'));
const corridor = (...args: string[]) =>
  spawnSync(process.execPath, ['bin/corridor.mjs', ...args], { encoding: 'utf8', env: { ...process.env, DATA_DIR: join(dir, 'data') } });

describe('corridor screen', () => {
  test('generates a set, screens it, writes MATCHES with progress on stderr and a summary line', () => {
    const generated = corridor('screen', 'generate', '--out-dir', dir, '--population', '2000', '--list-size', '1500', '--seed', '7');
    expect(generated.status).toBe(0);
    const run = corridor('screen', '--list', join(dir, 'list.csv'), '--people', join(dir, 'people.csv'), '--out', join(dir, 'matches.csv'));
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('screening 100% (2000/2000)');
    expect(run.stdout).toMatch(
      /^screened 2000 people against 1500 list entries: pairs compared \d+, matches \d+, reviews \d+, people with alerts \d+, [\d.]+ s/,
    );
    const lines = readFileSync(join(dir, 'matches.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe('person_id,list_id,score,decision,reason');
    expect(lines[1]).toMatch(/^P\d{7},L\d{7},[01]\.\d{4},(match|review),/);
  }, 120_000);

  test('a malformed row stops the run with one line naming the row and column, and writes nothing', () => {
    writeFileSync(join(dir, 'bad.csv'), 'id,name,birth_date\nA1,Ali Valiev,1990-13-01\n');
    const run = corridor('screen', '--list', join(dir, 'bad.csv'), '--people', join(dir, 'people.csv'), '--out', join(dir, 'none.csv'));
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([
      'corridor: screening_list.invalid: row 2: birth_date: "1990-13-01" is not YYYY-MM-DD, YYYY-MM, YYYY or empty',
    ]);
    expect(existsSync(join(dir, 'none.csv'))).toBe(false);
  }, 60_000);

  test('a missing option is a usage error', () => {
    const run = corridor('screen', '--list', join(dir, 'list.csv'));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--people is required');
  }, 60_000);
});

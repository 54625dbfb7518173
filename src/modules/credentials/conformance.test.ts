import { existsSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { CONFORMANCE_STEPS, parseValidationClock, runConformance } from './conformance';

const VECTORS = '../shared/testdata/dcc';

describe('runConformance (EU DCC test vectors)', () => {
  test.runIf(existsSync(VECTORS))(
    'matches every stated UNPREFIX, B45DECODE, COMPRESSION, VERIFY, DECODE and EXPIRATIONCHECK expectation',
    async () => {
      const outcomes = await runConformance(VECTORS);
      const failed = outcomes.filter((o) => o.expected !== o.actual && !o.disputed);
      expect(failed).toEqual([]);
      // Every step is exercised, including the expected failures (CO5 bad signature, CO22/CO23 kid placement).
      for (const step of CONFORMANCE_STEPS) expect(outcomes.filter((o) => o.step === step).length, step).toBeGreaterThan(400);
      const verifyFailures = outcomes.filter((o) => o.step === 'VERIFY' && !o.expected).map((o) => o.file);
      expect(verifyFailures).toEqual(expect.arrayContaining(['common/2DCode/raw/CO5.json', 'common/2DCode/raw/CO22.json', 'common/2DCode/raw/CO23.json']));
      expect(outcomes.filter((o) => o.step === 'VERIFY' && o.expected && o.actual).length).toBeGreaterThan(540);
      // Disputed expectations are only those whose own JSON and CBOR disagree, or that upstream lists.
      expect(outcomes.filter((o) => o.disputed).length).toBeLessThanOrEqual(5);
    },
    120_000,
  );

  test('reads every clock shape of the vectors, zoneless as UTC', () => {
    expect(parseValidationClock('2021-05-01T10:00:00Z')).toBe(Date.UTC(2021, 4, 1, 10));
    expect(parseValidationClock('2021-05-01T10:00:00')).toBe(Date.UTC(2021, 4, 1, 10));
    expect(parseValidationClock('2021-05-01T12:00:00.123456789+02:00')).toBe(Date.UTC(2021, 4, 1, 10, 0, 0, 123));
    expect(parseValidationClock('2021-05-01T12:00:00+0200')).toBe(Date.UTC(2021, 4, 1, 10));
    expect(parseValidationClock('yesterday')).toBeUndefined();
  });
});

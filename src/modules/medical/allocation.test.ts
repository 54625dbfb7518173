import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { allocateClinic, newSeed } from './allocation';

describe('allocateClinic', () => {
  test('is a pure function of the seed, the booking id and the candidates (order does not matter)', () => {
    const seed = newSeed();
    const candidates = [
      { clinicId: 'b', free: 3 },
      { clinicId: 'a', free: 5 },
    ];
    fc.assert(
      fc.property(fc.uuid(), (id) => {
        const one = allocateClinic(seed, id, candidates);
        expect(allocateClinic(seed, id, [...candidates].reverse())).toEqual(one);
        expect(['a', 'b']).toContain(one?.clinicId);
      }),
    );
  });

  test('never picks a clinic without free places, and answers undefined when all are full', () => {
    const seed = newSeed();
    for (let i = 0; i < 200; i += 1)
      expect(
        allocateClinic(seed, randomUUID(), [
          { clinicId: 'full', free: 0 },
          { clinicId: 'open', free: 1 },
        ])?.clinicId,
      ).toBe('open');
    expect(allocateClinic(seed, randomUUID(), [{ clinicId: 'full', free: 0 }])).toBeUndefined();
  });

  test('spreads bookings in proportion to free capacity', () => {
    const seed = newSeed();
    const counts = { a: 0, b: 0 };
    for (let i = 0; i < 4000; i += 1) {
      const pick = allocateClinic(seed, randomUUID(), [
        { clinicId: 'a', free: 30 },
        { clinicId: 'b', free: 10 },
      ]);
      counts[pick?.clinicId as 'a' | 'b'] += 1;
    }
    expect(counts.a / 4000).toBeGreaterThan(0.7);
    expect(counts.a / 4000).toBeLessThan(0.8);
  });
});

import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { ROLES } from '../../platform/auth/roles';
import { DEADLINE_KINDS } from './case.deadlines';
import { NEXT_STEPS } from './case.schema';
import { CASE_ACTIONS, CASE_STATUSES } from './case.workflow';

const english = new Set(readdirSync('i18n/en').flatMap((file) => Object.keys(JSON.parse(readFileSync(`i18n/en/${file}`, 'utf8')) as object)));

describe('journey message keys', () => {
  // The web app builds these keys from the enumerations; each member needs its message.
  test.each([
    ['journey.status.', CASE_STATUSES],
    ['journey.action.', CASE_ACTIONS],
    ['journey.next_step.', NEXT_STEPS],
    ['journey.deadline.', DEADLINE_KINDS],
    ['nav.role.', ROLES],
  ] as const)('every member of %s has a message', (prefix, members) => {
    expect(members.filter((m) => !english.has(`${prefix}${m}`))).toEqual([]);
  });

  test('month names exist for Tajik dates', () => {
    for (let month = 1; month <= 12; month += 1) expect(english.has(`common.month.${month}`)).toBe(true);
  });
});

describe('pool requirement message keys', () => {
  test('every requirement a corridor may list has a message', async () => {
    const { CorridorRules } = await import('./corridor.schema');
    const requirements = CorridorRules.shape.poolRequirements.element.options;
    expect(requirements.filter((r) => !english.has(`journey.requirement.${r}`))).toEqual([]);
  });
});

import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { NAME_PARTS, REASON_CODES } from './matching';

const english = new Set(readdirSync('i18n/en').flatMap((file) => Object.keys(JSON.parse(readFileSync(`i18n/en/${file}`, 'utf8')) as object)));

describe('screening and people message keys', () => {
  // The web app builds these keys from the enumerations; each member needs its message.
  test.each([
    ['screening.reason.', REASON_CODES],
    ['screening.part.', NAME_PARTS],
    ['screening.decision.', ['match', 'review']],
    ['screening.status.', ['open', 'refusal_proposed', 'cleared', 'refused', 'superseded']],
    ['people.duplicate_status.', ['open', 'merged', 'kept_apart']],
  ] as const)('every member of %s has a message', (prefix, members) => {
    expect(members.filter((m) => !english.has(`${prefix}${m}`))).toEqual([]);
  });
});

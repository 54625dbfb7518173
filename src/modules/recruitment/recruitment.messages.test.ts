import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { OfferStatusSchema } from './recruitment.schema';

const english = new Set(readdirSync('i18n/en').flatMap((file) => Object.keys(JSON.parse(readFileSync(`i18n/en/${file}`, 'utf8')) as object)));

describe('employers and recruitment message keys', () => {
  // The web app builds these keys from the enumerations of the schemas; each member needs its message.
  test.each([
    ['employers.status.', ['pending', 'verified', 'suspended']],
    ['employers.request_status.', ['submitted', 'approved', 'rejected', 'withdrawn']],
    ['employers.housing.', ['free', 'paid', 'none']],
    ['employers.russian_level.', ['0', '1', '2', '3', '4', '5']],
    ['employers.bans.source.', ['reference', 'agency']],
    ['recruitment.offer_status.', OfferStatusSchema.options],
    ['recruitment.contract_status.', ['awaiting_signatures', 'signed']],
    ['recruitment.run_status.', ['queued', 'running', 'done', 'failed']],
    ['recruitment.contract.party.', ['worker', 'employer']],
  ] as const)('every member of %s has a message', (prefix, members) => {
    expect(members.filter((m) => !english.has(`${prefix}${m}`))).toEqual([]);
  });
});

describe('verifier message keys for the clearance', () => {
  test('every check a clearance can list has a message', async () => {
    const { PreDepartureClearanceClaimsV1 } = await import('./contract.seal');
    expect(PreDepartureClearanceClaimsV1.shape.checks.element.options.filter((c) => !english.has(`verifier.check.${c}`))).toEqual([]);
  });
});

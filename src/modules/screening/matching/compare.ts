import { compareDates, type DateAgreement, type PartialDate } from './dates';
import { compareNames, scoreNames, type PreparedName } from './names';
import { DEFAULT_POLICY, type ScreeningPolicy } from './policy';
import type { Reason } from './reasons';

/** One side of a comparison: a person, a list entry, or a registered person in duplicate detection. */
export interface MatchRecord {
  /** The name in one or more forms (passport Latin, Tajik Cyrillic, Russian Cyrillic): the best-agreeing pair counts. */
  readonly names: readonly PreparedName[];
  readonly birth: PartialDate;
  readonly gender?: 'M' | 'F' | null;
  readonly passportNumber?: string | null;
}

export type Decision = 'match' | 'review';

export interface Verdict {
  readonly score: number;
  readonly nameScore: number;
  readonly dates: DateAgreement;
  /** Undefined when the pair is neither a match nor worth a review. */
  readonly decision: Decision | undefined;
  readonly reasons: Reason[];
}

const DATE_FACTOR: Readonly<Record<DateAgreement, number>> = {
  exact: 1,
  swapped: 0.97,
  day_differs: 0.9,
  month: 0.9,
  year: 0.85,
  unknown: 0.8,
  conflict: 0.4,
};

const DATE_REASON: Readonly<Record<DateAgreement, Reason['code']>> = {
  exact: 'dob_exact',
  swapped: 'dob_swapped',
  day_differs: 'dob_day_differs',
  month: 'dob_month',
  year: 'dob_year',
  unknown: 'dob_unknown',
  conflict: 'dob_conflict',
};

function decide(nameScore: number, dates: DateAgreement, policy: ScreeningPolicy): Decision | undefined {
  switch (dates) {
    case 'exact':
    case 'swapped':
      return nameScore >= policy.matchName ? 'match' : nameScore >= policy.reviewNameFullDate ? 'review' : undefined;
    case 'day_differs':
      return nameScore >= policy.reviewNameDayDiffers ? 'review' : undefined;
    case 'month':
    case 'year':
    case 'unknown':
      return nameScore >= policy.matchName ? 'review' : undefined;
    case 'conflict':
      return undefined;
  }
}

type PartAgreement = 'equal' | 'ending' | 'edit1' | 'weak' | 'absent';

/** How one name part agrees, read from the reasons: spelled the same (in any script), by its ending, one edit apart. */
function partAgreement(reasons: readonly Reason[], part: Reason['part']): PartAgreement {
  const reason = reasons.find((r) => r.part === part);
  if (!reason || reason.code === 'name_missing' || reason.code === 'name_extra') return 'absent';
  if (reason.code === 'name_equal' || reason.code === 'name_transliterated') return 'equal';
  if (reason.code === 'name_suffix') return 'ending';
  if (reason.code === 'name_edit' && reason.distance === 1) return 'edit1';
  return 'weak';
}

/**
 * A `match` must almost never be a namesake, so beyond its score it needs names that agree closely: surname
 * and given name the same (a swapped day and month only with the patronymic agreeing too), or one of them a
 * single edit or an ending away when everything else, the patronymic included, agrees. Anything looser is
 * a `review`: on a list of 800,000 a same-day namesake whose surname differs by an ending is as likely as a typo.
 */
function strongEnoughForMatch(reasons: readonly Reason[], dates: DateAgreement): boolean {
  const surname = partAgreement(reasons, 'surname');
  const given = partAgreement(reasons, 'given');
  const patronymic = partAgreement(reasons, 'patronymic');
  if (patronymic === 'weak') return false;
  if (surname === 'equal' && given === 'equal') return dates === 'exact' || patronymic === 'equal';
  if (dates !== 'exact') return false;
  if (surname === 'equal' && given === 'edit1') return true;
  return (surname === 'ending' || surname === 'edit1') && given === 'equal' && patronymic === 'equal';
}

/** Compare two records: name score, date agreement, the decision and the reasons. Symmetric in its arguments. */
export function compareRecords(a: MatchRecord, b: MatchRecord, policy: ScreeningPolicy = DEFAULT_POLICY): Verdict {
  const dates = compareDates(a.birth, b.birth);
  if (dates === 'conflict') {
    return { score: 0, nameScore: 0, dates, decision: undefined, reasons: [{ code: 'dob_conflict' }] };
  }
  const best = bestNameComparison(a.names, b.names);
  let decision = decide(best.score, dates, policy);
  let score = best.score * DATE_FACTOR[dates];
  const genderDiffers = Boolean(a.gender && b.gender && a.gender !== b.gender);
  if (genderDiffers) {
    // Another gender with the same name is a namesake unless the full birth date agrees too.
    score *= 0.9;
    decision = decision === 'match' ? 'review' : dates === 'exact' || dates === 'swapped' ? decision : undefined;
  }
  const passportEqual = Boolean(a.passportNumber && b.passportNumber && a.passportNumber === b.passportNumber);
  if (passportEqual && best.score >= policy.reviewNameFullDate) {
    score = Math.max(score, 0.95);
    decision = 'match';
  }
  const rounded = Math.round(Math.min(1, Math.max(0, score)) * 10_000) / 10_000;
  if (!decision) return { score: rounded, nameScore: best.score, dates, decision, reasons: [] };
  // Reasons only for what will be shown: the comparison is run again with them.
  const names = compareNames(best.a, best.b, true);
  if (decision === 'match' && !passportEqual && !strongEnoughForMatch(names.reasons, dates)) decision = 'review';
  const reasons: Reason[] = [...names.reasons, { code: DATE_REASON[dates] }];
  if (genderDiffers) reasons.push({ code: 'gender_differs' });
  if (passportEqual) reasons.push({ code: 'passport_equal' });
  return { score: rounded, nameScore: best.score, dates, decision, reasons };
}

const EMPTY: PreparedName = [];

function bestNameComparison(a: readonly PreparedName[], b: readonly PreparedName[]): { score: number; a: PreparedName; b: PreparedName } {
  let best = { score: 0, a: a[0] ?? EMPTY, b: b[0] ?? EMPTY };
  for (const x of a) {
    for (const y of b) {
      const score = scoreNames(x, y);
      if (score > best.score) best = { score, a: x, b: y };
    }
  }
  return best;
}

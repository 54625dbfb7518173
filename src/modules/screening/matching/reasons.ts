/**
 * Why two records match, as codes a person can read. The engine returns codes (stored with each match and
 * shown in the reviewer's language from the `screening.reason.*` messages); `formatReasons` writes the
 * English text used in CSV output.
 */
export const REASON_CODES = [
  'name_equal',
  'name_transliterated',
  'name_suffix',
  'name_edit',
  'name_initial',
  'name_differs',
  'name_missing',
  'name_extra',
  'order_swapped',
  'dob_exact',
  'dob_swapped',
  'dob_day_differs',
  'dob_month',
  'dob_year',
  'dob_unknown',
  'dob_conflict',
  'gender_differs',
  'passport_equal',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

export const NAME_PARTS = ['surname', 'given', 'patronymic', 'any'] as const;

export interface Reason {
  readonly code: ReasonCode;
  readonly part?: (typeof NAME_PARTS)[number];
  /** Edit distance for `name_edit`. */
  readonly distance?: number;
  /** Endings for `name_suffix` (`ov` → `zoda`; `∅` for none). */
  readonly from?: string;
  readonly to?: string;
}

const PART: Readonly<Record<(typeof NAME_PARTS)[number], string>> = { surname: 'surname', given: 'given name', patronymic: 'patronymic', any: 'name' };

function ending(text: string | undefined): string {
  return text === undefined || text === '∅' ? 'no ending' : `-${text}`;
}

export function formatReason(reason: Reason): string {
  const part = PART[reason.part ?? 'any'];
  switch (reason.code) {
    case 'name_equal':
      return `${part} equal`;
    case 'name_transliterated':
      return `${part} equal after transliteration`;
    case 'name_suffix':
      return `${part} equal but for the ending (${ending(reason.from)} / ${ending(reason.to)})`;
    case 'name_edit':
      return reason.distance === 1 ? `${part} one edit apart` : `${part} ${reason.distance ?? 2} edits apart`;
    case 'name_initial':
      return `${part} given as an initial`;
    case 'name_differs':
      return `${part} differs`;
    case 'name_missing':
      return `${part} missing on the other record`;
    case 'name_extra':
      return `an extra name on the other record`;
    case 'order_swapped':
      return 'names in another order';
    case 'dob_exact':
      return 'birth date equal';
    case 'dob_swapped':
      return 'birth date day/month swapped';
    case 'dob_day_differs':
      return 'birth year and month equal, day differs';
    case 'dob_month':
      return 'birth year and month equal (no day on one record)';
    case 'dob_year':
      return 'birth year equal (only the year on one record)';
    case 'dob_unknown':
      return 'no birth date to compare';
    case 'dob_conflict':
      return 'birth dates differ';
    case 'gender_differs':
      return 'gender differs';
    case 'passport_equal':
      return 'passport number equal';
  }
}

export function formatReasons(reasons: readonly Reason[]): string {
  return reasons.map(formatReason).join('; ');
}

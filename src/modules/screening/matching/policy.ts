/**
 * The default screening policy: when a pair is a `match`, a `review`, or nothing. A `match` needs a full
 * birth date that agrees (or has day and month swapped) and a strong name; a list entry with only a birth
 * year, or a name that is merely close, is at most a `review`; a birth year that differs is nothing.
 */
export interface ScreeningPolicy {
  /** Name score for `match` (with an agreeing full birth date), and for `review` with a partial or no date. */
  readonly matchName: number;
  /**
   * Name score for `review` when the full birth date agrees. Low on purpose: a name mangled twice (another
   * ending and a typo) still scores about 0.6, and few namesakes share a full birth date.
   */
  readonly reviewNameFullDate: number;
  /** Name score for `review` when year and month agree and the day differs. */
  readonly reviewNameDayDiffers: number;
}

export const DEFAULT_POLICY: ScreeningPolicy = Object.freeze({
  matchName: 0.88,
  reviewNameFullDate: 0.6,
  reviewNameDayDiffers: 0.85,
});

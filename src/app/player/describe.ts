// Words the player shows for the engine's values: kept in one place so every screen agrees.
import { CODE_INFO, CATEGORY_INFO, type Category, type ResponseCode } from '../../core/coding/codes.ts';
import type { Outcome } from '../../core/scenario/format.ts';
import type { MeterDef, Meters } from '../../core/scenario/types.ts';

export const OUTCOME_WORDS: Record<Outcome, { label: string; note: string }> = {
  commitment: { label: 'Commitment', note: 'The client committed to a next step in their own words.' },
  small_step: { label: 'A small step', note: 'The client chose a small, reversible step. That is a legitimate ending, not a failure.' },
  not_yet: { label: 'Not yet', note: 'The client is not ready now. Reaching "not yet" with good MI is good practice: the door stays open.' },
  disengaged: { label: 'Disengaged', note: 'The client withdrew from the conversation. The debrief looks at what led there.' },
};

export const TALK_WORDS = { change: 'change talk', sustain: 'sustain talk', neutral: 'neutral', discord: 'discord' } as const;

export function codeNames(codes: readonly ResponseCode[]): string {
  return codes.map((c) => CODE_INFO[c].name).join(' + ');
}

export function categoryLabel(c: Category): string {
  return CATEGORY_INFO[c].label;
}

export interface MeterChange {
  meter: MeterDef;
  before: number;
  after: number;
}

export function meterChanges(defs: readonly MeterDef[], before: Meters, after: Meters): MeterChange[] {
  return defs.flatMap((meter) => {
    const b = before[meter.id] ?? meter.start;
    const a = after[meter.id] ?? meter.start;
    return a === b ? [] : [{ meter, before: b, after: a }];
  });
}

export function describeChange(c: MeterChange): string {
  const rose = c.after > c.before;
  return `${c.meter.label} ${rose ? 'rose' : 'fell'} from ${c.before} to ${c.after}`;
}

/** Whether a change helped the conversation, for the meter's own direction. */
export function changeIsGood(c: MeterChange): boolean {
  return (c.after > c.before) === (c.meter.higherIs === 'better');
}

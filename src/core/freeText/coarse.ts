// The five coarse classes the coder is measured on (issue #9, part 4). A trainer cares first
// whether a typed response was a question, a reflection, neutral information or advice, another
// MI-adherent move, or MI-inconsistent; the eleven-code split comes second.
import type { MiCode } from '../coding/codes.ts';

export const COARSE_CLASSES = ['question', 'reflection', 'information', 'adherent', 'inconsistent'] as const;
export type CoarseClass = (typeof COARSE_CLASSES)[number];

const COARSE: Readonly<Record<MiCode, CoarseClass>> = {
  open_question: 'question',
  closed_question: 'question',
  simple_reflection: 'reflection',
  complex_reflection: 'reflection',
  giving_information: 'information',
  persuade_with_permission: 'information',
  affirmation: 'adherent',
  seeking_collaboration: 'adherent',
  emphasizing_autonomy: 'adherent',
  persuade: 'inconsistent',
  confront: 'inconsistent',
};

export const COARSE_LABELS: Readonly<Record<CoarseClass, string>> = {
  question: 'question',
  reflection: 'reflection',
  information: 'information or advice given neutrally',
  adherent: 'other MI-adherent',
  inconsistent: 'MI-inconsistent',
};

/** The coarse class of a code; 'unclear' has none. */
export function coarseClass(code: MiCode): CoarseClass;
export function coarseClass(code: MiCode | 'unclear'): CoarseClass | null;
export function coarseClass(code: MiCode | 'unclear'): CoarseClass | null {
  return code === 'unclear' ? null : COARSE[code];
}

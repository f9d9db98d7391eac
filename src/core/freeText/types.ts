// The contract between the free-text coder (coder.ts), the branch rule (branch.ts) and the
// player. Kept in its own module so the player can depend on these types without pulling the
// coder into its first-load bundle.
import type { MiCode, ResponseCode } from '../coding/codes.ts';

/** What the coder says about one typed utterance. */
export interface CodedUtterance {
  /** One of the eleven MI codes, or 'unclear' when the coder cannot tell. */
  code: MiCode | 'unclear';
  /** 0..1: how sure the coder is. */
  confidence: number;
  /** Why, in words a trainee understands, e.g. "a statement about the client's feeling, not a question". */
  cues: string[];
}

/**
 * The author's per-node help for the coder (the `free_text:` key of a node), normalised: every
 * list present, possibly empty. Author text, lower-casing is the coder's business.
 */
export interface FreeTextHints {
  /** The client's key words: a statement that picks one up is recognised as a reflection. */
  keywords: string[];
  /** Feelings the client has not named; a reflection that names one is complex. */
  feelings: string[];
}

/** The coder's signature, so callers can be written (and tested with a double) before it exists. */
export type CodeUtterance = (text: string, context?: string, hints?: FreeTextHints) => CodedUtterance;

/** Which rule of the branch rule (branch.ts) picked the authored response. */
export type BranchRule = 'same_code' | 'same_category' | 'fallback' | 'default';

export const BRANCH_RULES: readonly BranchRule[] = ['same_code', 'same_category', 'fallback', 'default'];

/** The longest typed answer kept: a turn in a conversation, not an essay. */
export const MAX_TYPED_LENGTH = 600;

/**
 * A typed turn as saved: the text and the coder's verdict at the time. Replay uses these and the
 * saved response id, never the coder again, so a better coder does not rewrite old sessions.
 */
export interface TypedAnswer {
  text: string;
  code: MiCode;
  confidence: number;
  cues: string[];
  rule: BranchRule;
}

/** A typed turn in the Turn log. */
export interface TypedTurn extends TypedAnswer {
  /** The authored response the client reacted to. */
  played: { say: string; codes: ResponseCode[] };
  /** The code the trainee said they meant ("that is not what I meant"). */
  intended?: MiCode;
}

// The Turn log: the one record of what was said. Reports, history, the classroom and exports
// read only this.
import type { Category, ResponseCode, Subtype } from '../coding/codes.ts';
import type { TypedTurn } from '../freeText/types.ts';
import type { ClientLine, Meters } from '../scenario/types.ts';

export interface OfferedResponse {
  id: string;
  index: number;
  say: string;
  codes: ResponseCode[];
  category: Category;
}

export interface ChosenResponse extends OfferedResponse {
  subtype?: Subtype;
  feedback: string;
}

export interface Turn {
  /** 0-based position in the log, retracted turns included. */
  index: number;
  scenarioId: string;
  scenarioHash: string;
  nodeId: string;
  /** The client line as it was shown. */
  client: ClientLine;
  offered: OfferedResponse[];
  chosen: ChosenResponse;
  metersBefore: Meters;
  metersAfter: Meters;
  reply?: ClientLine;
  /** Where the response led: a node or an ending id. */
  next: string;
  /** Undone by "try another response"; its effects were reversed. */
  retracted: boolean;
  /**
   * Set when the trainee typed instead of picking: `chosen` then holds the typed text and the
   * coder's code (what reports count), and `typed.played` the authored response the client heard.
   */
  typed?: TypedTurn;
}

/** The turns that stood: what reports count. */
export function standingTurns(turns: readonly Turn[]): Turn[] {
  return turns.filter((t) => !t.retracted);
}

// The checked, normalised scenario that the engine runs: every shorthand of the file format
// expanded (one code becomes a list, a plain `next` becomes one branch, a meter's start value
// becomes a full definition). Produced only by checkScenario, and frozen.
import type { ResponseCode, Subtype } from '../coding/codes.ts';
import type { Condition } from '../engine/condition.ts';
import type { Difficulty, Outcome, TalkType } from './format.ts';

export interface ClientLine {
  say: string;
  talk: TalkType;
  cue?: string;
}

export interface ClientVariant extends ClientLine {
  when?: Condition;
}

export interface Branch {
  when?: Condition;
  go: string;
}

export type Meters = Record<string, number>;

export interface Response {
  /** The author's id, or the 1-based position as a string. */
  id: string;
  index: number;
  say: string;
  codes: ResponseCode[];
  subtype?: Subtype;
  feedback: string;
  effects: Meters;
  reply?: ClientLine;
  next: Branch[];
}

export interface ScenarioNode {
  kind: 'node';
  id: string;
  client: ClientVariant[];
  responses: Response[];
  discuss?: string;
  /** Free text: key words of the client's line that a typed reflection may pick up. */
  hints: string[];
  /** Free text: feelings the client shows but has not named. Absent when none are given. */
  feelings?: string[];
  /** Free text: the id of the response used when none of the typed code or category exists. */
  fallback?: string;
}

export interface Ending {
  kind: 'ending';
  id: string;
  outcome: Outcome;
  title: string;
  client?: ClientLine;
  debrief: string;
  learning: string[];
}

export interface MeterDef {
  id: string;
  start: number;
  min: number;
  max: number;
  label: string;
  description?: string;
  higherIs: 'better' | 'worse';
}

export interface ScenarioTest {
  name: string;
  choose: (number | string)[];
  expect: string;
}

export interface ScenarioMeta {
  id: string;
  title: string;
  language: string;
  client: { name: string; age: number; pronouns?: string; situation: string; weighing: string; background?: string };
  difficulty: Difficulty;
  minutes: number;
  contentNotes: string[];
  objectives: string[];
}

export interface Scenario extends ScenarioMeta {
  format: 1;
  /** A hash of the normalised content: a saved session knows when its scenario changed. */
  hash: string;
  meters: MeterDef[];
  start: string;
  nodes: Record<string, ScenarioNode>;
  endings: Record<string, Ending>;
  tests: ScenarioTest[];
}

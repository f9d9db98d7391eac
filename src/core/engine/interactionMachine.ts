// One fixed machine models the interaction (awaiting a choice, showing feedback, paused, ended)
// and interprets a Scenario given as input. Scenario nodes are data in its context, not states,
// so the machine is the same small, typed thing for every scenario (DESIGN.md, "Engine").
import { and, assign, setup } from 'xstate';
import { categoryOf, CODE_INFO, type MiCode } from '../coding/codes.ts';
import type { TypedAnswer } from '../freeText/types.ts';
import type { ClientLine, Meters, Response, Scenario } from '../scenario/types.ts';
import { appended, withLast } from './appendLog.ts';
import { clientLineFor, findResponse, initialMeters, placeOf, takeResponse } from './rules.ts';
import type { Turn } from './turn.ts';

export type Mode = 'practice' | 'assessment';

/**
 * What a saved session records: enough to replay it, nothing more. A typed turn keeps its text
 * and the coder's verdict, so replay never runs the coder; `intended` is the trainee's "that is
 * not what I meant" on the typed turn just taken.
 */
export type SessionStep =
  | { node: string; choose: string; typed?: TypedAnswer }
  | { node: string; retry: true }
  | { node: string; continue: true }
  | { node: string; intended: MiCode };

export interface InteractionInput {
  scenario: Scenario;
  mode: Mode;
}

export interface InteractionContext {
  scenario: Scenario;
  mode: Mode;
  /** The current node, or the ending once ended. */
  at: string;
  /** The client line shown at the current node, chosen by the meters on arrival. */
  line: ClientLine;
  meters: Meters;
  /** Read-only views of append-only logs (appendLog.ts): a new array per change, made in O(1). */
  turns: Turn[];
  steps: SessionStep[];
  /** Where the last chosen response leads, while its feedback is shown. */
  pending: string | null;
}

export type InteractionEvent =
  /** `typed`: the trainee typed, the coder named the code, and the branch rule picked `response`. */
  | { type: 'CHOOSE'; response: number | string; typed?: TypedAnswer }
  | { type: 'INTEND'; code: MiCode }
  | { type: 'CONTINUE' }
  | { type: 'RETRY' }
  | { type: 'PAUSE' }
  | { type: 'RESUME' };

function currentNode(ctx: InteractionContext) {
  const place = placeOf(ctx.scenario, ctx.at);
  return place.kind === 'node' ? place.node : undefined;
}

function chosenResponse(ctx: InteractionContext, ref: number | string): Response | undefined {
  const node = currentNode(ctx);
  return node ? findResponse(node, ref) : undefined;
}

function lineAt(scenario: Scenario, id: string, meters: Meters): ClientLine {
  const place = placeOf(scenario, id);
  if (place.kind === 'node') {
    const { when: _when, ...line } = clientLineFor(place.node, meters);
    return line;
  }
  if (place.kind === 'ending') return place.ending.client ?? { say: '', talk: 'neutral' };
  return { say: '', talk: 'neutral' };
}

function recordTurn(ctx: InteractionContext, response: Response, typed?: TypedAnswer): Partial<InteractionContext> {
  const node = currentNode(ctx)!;
  const step = takeResponse(ctx.scenario, response, ctx.meters);
  const authored = {
    id: response.id,
    index: response.index,
    say: response.say,
    codes: response.codes,
    category: categoryOf(response.codes),
    feedback: response.feedback,
    ...(response.subtype ? { subtype: response.subtype } : {}),
  };
  // A typed turn is counted as what the trainee said, coded by the coder; where it led and what
  // it did to the meters are the authored response's.
  const chosen = typed
    ? { id: response.id, index: response.index, say: typed.text, codes: [typed.code], category: CODE_INFO[typed.code].category, feedback: CODE_INFO[typed.code].note }
    : authored;
  const turn: Turn = {
    index: ctx.turns.length,
    scenarioId: ctx.scenario.id,
    scenarioHash: ctx.scenario.hash,
    nodeId: node.id,
    client: ctx.line,
    offered: node.responses.map((r) => ({ id: r.id, index: r.index, say: r.say, codes: r.codes, category: categoryOf(r.codes) })),
    chosen,
    metersBefore: ctx.meters,
    metersAfter: step.metersAfter,
    ...(response.reply ? { reply: response.reply } : {}),
    next: step.next,
    retracted: false,
    ...(typed ? { typed: { ...typed, played: { say: response.say, codes: response.codes } } } : {}),
  };
  return {
    turns: appended(ctx.turns, turn),
    steps: appended<SessionStep>(ctx.steps, typed ? { node: node.id, choose: response.id, typed } : { node: node.id, choose: response.id }),
    meters: step.metersAfter,
    pending: step.next,
  };
}

export const interactionMachine = setup({
  types: {
    context: {} as InteractionContext,
    events: {} as InteractionEvent,
    input: {} as InteractionInput,
  },
  guards: {
    validChoice: ({ context, event }) => event.type === 'CHOOSE' && chosenResponse(context, event.response) !== undefined,
    isPractice: ({ context }) => context.mode === 'practice',
    pendingIsEnding: ({ context }) => context.pending !== null && placeOf(context.scenario, context.pending).kind !== 'node',
    choiceEnds: ({ context, event }) => {
      if (event.type !== 'CHOOSE') return false;
      const r = chosenResponse(context, event.response);
      return r !== undefined && placeOf(context.scenario, takeResponse(context.scenario, r, context.meters).next).kind !== 'node';
    },
    canRetry: ({ context }) => context.mode === 'practice' && context.turns.some((t) => !t.retracted),
    lastIsTyped: ({ context }) => {
      const last = context.turns.at(-1);
      return !!last?.typed && !last.retracted;
    },
  },
  actions: {
    record: assign(({ context, event }) => {
      if (event.type !== 'CHOOSE') return {};
      return recordTurn(context, chosenResponse(context, event.response)!, event.typed);
    }),
    intend: assign(({ context, event }) => {
      const last = context.turns.at(-1);
      if (event.type !== 'INTEND' || !last?.typed) return {};
      return {
        turns: withLast(context.turns, { ...last, typed: { ...last.typed, intended: event.code } }),
        steps: appended<SessionStep>(context.steps, { node: last.nodeId, intended: event.code }),
      };
    }),
    advance: assign(({ context }) => {
      const at = context.pending ?? context.at;
      return { at, line: lineAt(context.scenario, at, context.meters), pending: null };
    }),
    // Moving on from feedback is a step of its own, so a reload after it resumes at the next node.
    recordContinue: assign(({ context }) => ({ steps: appended<SessionStep>(context.steps, { node: context.at, continue: true }) })),
    retract: assign(({ context }) => {
      const last = context.turns.at(-1);
      if (!last || last.retracted) return {};
      return {
        turns: withLast(context.turns, { ...last, retracted: true }),
        steps: appended<SessionStep>(context.steps, { node: last.nodeId, retry: true }),
        meters: last.metersBefore,
        pending: null,
      };
    }),
  },
}).createMachine({
  id: 'interaction',
  context: ({ input }) => {
    const meters = initialMeters(input.scenario);
    return {
      scenario: input.scenario,
      mode: input.mode,
      at: input.scenario.start,
      line: lineAt(input.scenario, input.scenario.start, meters),
      meters,
      turns: [],
      steps: [],
      pending: null,
    };
  },
  initial: 'active',
  states: {
    active: {
      initial: 'awaitingChoice',
      on: { PAUSE: 'paused' },
      states: {
        awaitingChoice: {
          on: {
            CHOOSE: [
              { guard: and(['validChoice', 'isPractice']), target: 'feedback', actions: 'record' },
              { guard: 'choiceEnds', target: '#interaction.ended', actions: ['record', 'advance'] },
              { guard: 'validChoice', target: 'awaitingChoice', reenter: true, actions: ['record', 'advance'] },
            ],
          },
        },
        feedback: {
          on: {
            CONTINUE: [
              { guard: 'pendingIsEnding', target: '#interaction.ended', actions: ['recordContinue', 'advance'] },
              { target: 'awaitingChoice', actions: ['recordContinue', 'advance'] },
            ],
            RETRY: { guard: 'canRetry', target: 'awaitingChoice', actions: 'retract' },
            INTEND: { guard: 'lastIsTyped', actions: 'intend' },
          },
        },
        history: { type: 'history' },
      },
    },
    paused: {
      on: { RESUME: 'active.history' },
    },
    ended: { type: 'final' },
  },
});

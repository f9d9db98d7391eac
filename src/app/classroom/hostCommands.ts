// What the facilitator can do next, worked out from the room's view: one list that the buttons,
// the keyboard shortcuts and the on-screen key legend all read, so they never disagree.
import type { HostAction, RoomView } from '../../core/classroom/room.ts';

export interface HostCommand {
  id: string;
  label: string;
  /** The key that does this on the projector screen, upper case as shown. */
  key?: string;
  action: HostAction;
  response?: string;
  tieBreak?: string;
  primary?: boolean;
}

/** The most-voted option ids (several on a tie, none when nobody voted), from the host's tally. */
export function mostVoted(view: RoomView): string[] {
  const options = view.reveal?.options ?? [];
  const max = Math.max(0, ...options.map((o) => o.votes));
  return max === 0 ? [] : options.filter((o) => o.votes === max).map((o) => o.id);
}

/**
 * @param seesTally whether this screen may act on the counts before the reveal: the facilitator's
 *   phone may; the projector may not, since "Continue with the most voted (2)" would tell the class
 *   the result before it is revealed.
 */
export function hostCommands(view: RoomView, seesTally = true): HostCommand[] {
  const list: HostCommand[] = [];
  const over = view.endedByHost;
  if (over) return list;
  const atNode = !view.conversationEnded && view.phase !== 'ended';
  if (atNode && view.phase === 'idle') list.push({ id: 'open', label: 'Open the vote', key: 'O', action: 'openVote', primary: true });
  if (view.phase === 'open') list.push({ id: 'close', label: 'Close the vote', key: 'C', action: 'closeVote', primary: true });
  if (view.phase === 'closed') list.push({ id: 'reveal', label: 'Reveal the results', key: 'R', action: 'reveal', primary: true });
  if (view.phase === 'revealed' || (view.phase === 'closed' && seesTally)) {
    const top = mostVoted(view);
    const numberOf = (id: string) => (view.options.find((o) => o.id === id)?.index ?? 0) + 1;
    if (top.length === 1) list.push({ id: 'next', label: `Continue with the most voted (${numberOf(top[0]!)})`, key: 'N', action: 'continue', primary: view.phase === 'revealed' });
    if (top.length > 1) for (const id of top) list.push({ id: `tie-${id}`, label: `Tie: continue with ${numberOf(id)}`, action: 'continue', tieBreak: id });
  }
  if (atNode && view.discuss === undefined && view.reveal?.discuss !== undefined) list.push({ id: 'discuss', label: 'Show the discussion prompt', key: 'D', action: 'discuss' });
  if (view.lastTurn && view.phase !== 'open') list.push({ id: 'back', label: 'Go back one turn', key: 'B', action: 'back' });
  return list;
}

/** The picks "continue along a response I choose", available whenever no vote is open. */
export function pickCommands(view: RoomView): HostCommand[] {
  if (view.endedByHost || view.conversationEnded || view.phase === 'open' || view.phase === 'ended') return [];
  return view.options.map((o) => ({ id: `pick-${o.id}`, label: `${o.index + 1}`, action: 'continue' as const, response: o.id }));
}

export const PHASE_WORDS: Record<RoomView['phase'], string> = {
  idle: 'Waiting to vote',
  open: 'Vote open',
  closed: 'Vote closed',
  revealed: 'Results revealed',
  ended: 'Conversation over',
};

/** The room's state in words; "ended" is the conversation's end unless the host closed the session. */
export function phaseWords(view: RoomView): string {
  return view.endedByHost ? 'Session ended' : PHASE_WORDS[view.phase];
}

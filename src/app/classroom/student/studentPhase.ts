// What a student's screen says about the room: the heading for each phase, the sentence read
// out by screen readers when it changes, and the server's refusals in a student's words.
import type { RoomView } from '../../../core/classroom/room.ts';
import type { ConnectionStatus } from '../roomSocket.ts';

export type StudentStage = 'waiting' | 'voting' | 'closed' | 'revealed' | 'ended';

export function stageOf(view: RoomView): StudentStage {
  if (view.phase === 'ended' || view.conversationEnded) return 'ended';
  if (view.phase === 'open') return 'voting';
  if (view.phase === 'closed') return 'closed';
  if (view.phase === 'revealed') return 'revealed';
  return 'waiting';
}

export const STAGE_HEADING: Record<StudentStage, string> = {
  waiting: 'Waiting for the facilitator to open the vote',
  voting: 'Vote: what would you say next?',
  closed: 'The vote is closed',
  revealed: 'The results are in',
  ended: 'The session has ended',
};

/** One sentence for the live region; it changes only when there is news, so nothing repeats. */
export function announcement(view: RoomView | undefined, status: ConnectionStatus, clientName: string): string {
  if (status === 'reconnecting') return 'Connection lost. Reconnecting…';
  if (!view) return status === 'connecting' ? 'Joining the room…' : '';
  const stage = stageOf(view);
  const said = phaseSentence(view, stage, clientName);
  return view.discuss && stage !== 'revealed' && stage !== 'ended' ? `${said} A question for discussion is shown.` : said;
}

function phaseSentence(view: RoomView, stage: StudentStage, clientName: string): string {
  switch (stage) {
    case 'waiting':
      return `${clientName} says: “${view.line.say}” Waiting for the facilitator to open the vote.`;
    case 'voting':
      return `The vote is open. ${clientName} says: “${view.line.say}” Choose a response; you can change it until the vote closes.`;
    case 'closed':
      return `${view.timeUp ? 'Time is up: the vote is closed.' : 'The vote is closed.'} Waiting for the facilitator to reveal the results.`;
    case 'revealed':
      return `The results are shown: ${view.votes} ${view.votes === 1 ? 'vote' : 'votes'}.${view.reveal?.discuss ? ' A question for discussion is shown.' : ''}`;
    case 'ended':
      return 'The session has ended. Thank you for taking part.';
  }
}

/** The server's refusals, said for a student; unknown ones are shown as they came. */
export function studentError(error: string): string {
  if (/^no room has the code/.test(error)) return `${error.replace(/^no room/, 'No room')}. Check the code on the facilitator’s screen; the session may have ended.`;
  if (/room is full/i.test(error)) return 'This room is full. Ask the facilitator to raise the room’s size limit, then try again.';
  if (/too many wrong codes/.test(error)) return 'Too many wrong codes were tried from this network. Wait a minute, then try again.';
  if (/the vote is closed/.test(error)) return 'The vote closed before your tap arrived, so it was not counted.';
  if (/session has ended/.test(error)) return 'The session has ended.';
  if (/too many messages/.test(error)) return 'Too many taps at once: wait a moment, then tap again.';
  return error.charAt(0).toUpperCase() + error.slice(1);
}

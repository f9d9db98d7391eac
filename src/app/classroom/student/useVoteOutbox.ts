import { useEffect, useState, useSyncExternalStore } from 'react';
import type { RoomSocket } from '../roomSocket.ts';
import { VoteOutbox, type OutboxState } from './voteOutbox.ts';

/** The student's vote outbox, following the screen's current connection. */
export function useVoteOutbox(socket: RoomSocket | null): { outbox: VoteOutbox; state: OutboxState } {
  const [outbox] = useState(() => new VoteOutbox());
  useEffect(() => (socket ? outbox.attach(socket) : undefined), [outbox, socket]);
  const state = useSyncExternalStore(outbox.subscribe, outbox.getSnapshot);
  return { outbox, state };
}

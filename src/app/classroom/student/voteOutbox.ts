// Votes that survive a dropped connection. A tap stays pending until the server's view shows it
// as this student's vote. A tap made offline (or sent just as the link died) is sent again after
// the reconnect, but only once a fresh view says the same vote is still open; otherwise the
// student is told it was not counted. Nothing is ever counted twice: the server keeps one vote
// per student per turn, so a resend only repeats the same choice.
import type { RoomView } from '../../../core/classroom/room.ts';
import type { ClientMessage } from '../../../core/classroom/protocol.ts';
import type { ConnectionStatus, RoomClientState } from '../roomSocket.ts';

/** A tap the server has not yet confirmed, at the node where it was made. */
export interface PendingVote {
  response: string;
  at: string;
  /** False while it could not be sent (offline): it goes out on reconnect if the vote is still open. */
  sent: boolean;
}

export interface OutboxState {
  pending: PendingVote | null;
  /** Why a tap was dropped, for the student to read. */
  notice: string | null;
}

/** The part of RoomSocket the outbox needs (a fake in unit tests). */
export interface VoteChannel {
  send(message: ClientMessage): boolean;
  subscribe(listener: () => void): () => void;
  getSnapshot(): RoomClientState;
}

export const NOT_COUNTED = 'Your last tap did not reach the server before the vote closed, so it was not counted.';

export class VoteOutbox {
  private current: OutboxState = { pending: null, notice: null };
  private listeners = new Set<() => void>();
  private channel: VoteChannel | null = null;
  private unsubscribe: (() => void) | undefined;
  /** The view held when the link dropped: a newer one must arrive before anything is resent. */
  private staleView: RoomView | undefined;
  private lastStatus: ConnectionStatus | undefined;
  private lastError: string | undefined;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): OutboxState => this.current;

  /** Follows one connection; returns the way to let go of it. */
  attach(channel: VoteChannel): () => void {
    this.unsubscribe?.();
    this.channel = channel;
    this.unsubscribe = channel.subscribe(() => this.onChange());
    this.onChange();
    return () => {
      this.unsubscribe?.();
      this.unsubscribe = undefined;
      if (this.channel === channel) this.channel = null;
    };
  }

  vote(response: string): void {
    const s = this.channel?.getSnapshot();
    const view = s?.view;
    if (!this.channel || !view || view.phase !== 'open' || !view.options.some((o) => o.id === response)) return;
    const sent = s.status === 'open' && this.channel.send({ type: 'vote', response });
    this.set({ pending: { response, at: view.at, sent }, notice: null });
  }

  dismissNotice(): void {
    if (this.current.notice) this.set({ notice: null });
  }

  private set(patch: Partial<OutboxState>) {
    this.current = { ...this.current, ...patch };
    for (const l of this.listeners) l();
  }

  private onChange() {
    if (!this.channel) return;
    const s = this.channel.getSnapshot();
    const pending = this.current.pending;
    if (s.status === 'reconnecting' && this.lastStatus !== 'reconnecting') {
      this.staleView = s.view;
      // Whether a vote sent just before the drop arrived is unknown: treat it as unsent.
      if (pending?.sent) this.set({ pending: { ...pending, sent: false } });
    }
    this.lastStatus = s.status;
    if (s.error !== this.lastError) {
      this.lastError = s.error;
      // The server refused the vote (it arrived after the close): drop the tap and say so.
      if (s.error && pending && /vote/.test(s.error)) return this.set({ pending: null, notice: NOT_COUNTED });
    }
    this.reconcile(s);
  }

  private reconcile(s: RoomClientState) {
    const pending = this.current.pending;
    const view = s.view;
    if (!pending || !view || view === this.staleView) return;
    const sameVote = view.at === pending.at && view.phase === 'open';
    if (sameVote && view.myVote === pending.response) return this.set({ pending: null });
    if (!sameVote) {
      const counted = view.at === pending.at && view.myVote === pending.response;
      return this.set({ pending: null, notice: counted ? null : NOT_COUNTED });
    }
    if (!pending.sent && s.status === 'open' && this.channel?.send({ type: 'vote', response: pending.response })) {
      this.set({ pending: { ...pending, sent: true } });
    }
  }
}

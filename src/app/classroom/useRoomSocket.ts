import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { ClientMessage } from '../../core/classroom/protocol.ts';
import { RoomSocket, type RoomClientState } from './roomSocket.ts';

type Hello = (state: RoomClientState) => ClientMessage;
const IDLE: RoomClientState = { status: 'closed' };

/** Holds the screen's current socket, so React subscribes to one stable store across reconnects. */
class SocketHolder {
  socket: RoomSocket | null = null;
  private listeners = new Set<() => void>();
  private unsubscribe: (() => void) | undefined;

  open(hello: Hello) {
    this.socket = new RoomSocket(hello);
    this.unsubscribe = this.socket.subscribe(this.notify);
    this.notify();
  }

  shut() {
    this.unsubscribe?.();
    this.socket?.close();
    this.socket = null;
    this.notify();
  }

  subscribe = (l: () => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  getSnapshot = (): RoomClientState => this.socket?.state ?? IDLE;

  private notify = () => {
    for (const l of this.listeners) l();
  };
}

/**
 * A live room connection for a screen. `hello` is read on every (re)connect (the latest one
 * given); pass `null` to stay disconnected, e.g. until a student has typed a code. A new `key`
 * opens a new connection.
 */
export function useRoomSocket(hello: Hello | null, key: string): { socket: RoomSocket | null; state: RoomClientState } {
  const [holder] = useState(() => new SocketHolder());
  const latest = useRef(hello);
  useEffect(() => {
    latest.current = hello;
  });
  const wanted = hello !== null;
  useEffect(() => {
    if (!wanted) return;
    holder.open((s) => latest.current!(s));
    return () => holder.shut();
  }, [holder, key, wanted]);
  const state = useSyncExternalStore(holder.subscribe, holder.getSnapshot);
  return { socket: holder.socket, state };
}

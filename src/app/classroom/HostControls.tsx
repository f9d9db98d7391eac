// The facilitator's buttons, sized for the projector laptop or a phone used as a remote. Every
// button is reachable by Tab; on the projector screen the letter keys do the same (legend shown).
import { Button, Group, Kbd, Modal, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { HostAction, RoomView } from '../../core/classroom/room.ts';
import { CountdownPicker } from './CountdownPicker.tsx';
import { hostCommands, mostVoted, pickCommands, type HostCommand } from './hostCommands.ts';

export type Act = (action: HostAction, extra?: { response?: string; tieBreak?: string }) => void;

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  // A radio chip (the countdown) keeps focus after a tap; the letter keys must still work then.
  if (target instanceof HTMLInputElement) return !['radio', 'checkbox', 'button'].includes(target.type);
  return target.isContentEditable || ['TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Letter shortcuts for the commands on screen; ignored while typing or with a modifier held. */
function useShortcuts(commands: HostCommand[], run: (c: HostCommand) => void, enabled: boolean) {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target) || document.querySelector('[role="dialog"]')) return;
      const c = commands.find((x) => x.key && x.key.toLowerCase() === e.key.toLowerCase());
      if (!c) return;
      e.preventDefault();
      run(c);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [commands, run, enabled]);
}

interface Props {
  view: RoomView;
  act: Act;
  size: 'projector' | 'phone';
  /** Whether actions can be sent now (connected); buttons stay visible but disabled when not. */
  ready: boolean;
  /** Letter keys on (the projector screen); off on the phone remote. */
  shortcuts?: boolean;
  /** What "end" means here, e.g. "End the session and show the class report". */
  endLabel?: string;
  /** The countdown the next vote opens with, offered while no vote is open; absent where there is none (projector-only). */
  countdown?: { seconds: number | null; onChange: (seconds: number | null) => void };
}

export function HostControls({ view, act, size, ready, shortcuts = false, endLabel = 'End the session', countdown }: Props) {
  const [confirmEnd, setConfirmEnd] = useState(false);
  // Only the facilitator sees the phone remote, so it may act on the counts before the reveal.
  const privateScreen = size === 'phone';
  const commands = hostCommands(view, privateScreen);
  const picks = pickCommands(view);
  const run = (c: HostCommand) => {
    if (!ready) return;
    act(c.action, { ...(c.response !== undefined ? { response: c.response } : {}), ...(c.tieBreak !== undefined ? { tieBreak: c.tieBreak } : {}) });
  };
  useShortcuts(commands, run, shortcuts && ready);
  const big = size === 'phone' ? 'lg' : 'md';
  const nobodyVoted = (view.phase === 'closed' || view.phase === 'revealed') && mostVoted(view).length === 0;
  const tie = mostVoted(view).length > 1 && (view.phase === 'revealed' || (view.phase === 'closed' && privateScreen));
  if (view.endedByHost) return <Text>The session has ended.</Text>;
  return (
    <Stack gap="sm" className={`host-controls host-controls-${size}`} component="section" aria-labelledby="controls-title">
      <Title order={2} size="h4" id="controls-title">Facilitator controls</Title>
      {nobodyVoted && <Text fw={600}>Nobody voted: pick the response to continue with.</Text>}
      {tie && <Text fw={600} data-testid="tie-note">The vote is tied: choose which of the tied responses to continue with.</Text>}
      <Group gap="xs" className="host-buttons">
        {commands.map((c) => (
          <Button
            key={c.id}
            size={big}
            variant={c.primary ? 'filled' : 'default'}
            disabled={!ready}
            onClick={() => run(c)}
            fullWidth={size === 'phone'}
            // Long labels ("Continue with the most voted (2)") wrap on a phone instead of being cut off.
            {...(size === 'phone' ? { h: 'auto', mih: 50, py: 8, styles: { label: { whiteSpace: 'normal', textAlign: 'center' } } } : {})}
            {...(c.key && shortcuts ? { 'aria-keyshortcuts': c.key, rightSection: <Kbd size="xs">{c.key}</Kbd> } : {})}
          >
            {c.label}
          </Button>
        ))}
      </Group>
      {countdown && view.phase === 'idle' && !view.conversationEnded && (
        <CountdownPicker seconds={countdown.seconds} onChange={countdown.onChange} label="Countdown for the vote" size="xs" />
      )}
      {picks.length > 0 && (
        <div role="group" aria-labelledby="pick-label">
          <Text size="sm" fw={600} id="pick-label" mb={4}>Continue along a response you pick</Text>
          <Group gap="xs">
            {picks.map((p, i) => (
              <Button
                key={p.id}
                size={big}
                variant="outline"
                disabled={!ready}
                onClick={() => run(p)}
                aria-label={`Continue along response ${p.label}: ${view.options[i]?.say ?? ''}`}
                miw={size === 'phone' ? 56 : 44}
              >
                {p.label}
              </Button>
            ))}
          </Group>
        </div>
      )}
      <Group gap="xs">
        <Button size={size === 'phone' ? 'md' : 'sm'} variant="subtle" color="red" disabled={!ready} onClick={() => setConfirmEnd(true)}>
          {endLabel}
        </Button>
      </Group>
      {shortcuts && commands.some((c) => c.key) && (
        <Text size="sm" c="dimmed" className="key-legend">
          Keys: {commands.filter((c) => c.key).map((c, i) => (
            <span key={c.id}>
              {i > 0 && ' · '}
              <Kbd size="xs">{c.key}</Kbd> {c.label.replace(/ \(\d+\)$/, '').toLowerCase()}
            </span>
          ))}
        </Text>
      )}
      <Modal opened={confirmEnd} onClose={() => setConfirmEnd(false)} title="End the session?" centered>
        <Stack gap="md">
          <Text>Nobody can vote after this. Everyone sees the class report: the path the class took and how it voted at each turn.</Text>
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => setConfirmEnd(false)}>Keep going</Button>
            <Button
              color="red"
              onClick={() => {
                setConfirmEnd(false);
                act('end');
              }}
            >
              End the session
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

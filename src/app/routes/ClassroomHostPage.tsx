// #/classroom/host/:code (the projector with the facilitator's controls) and
// #/classroom/remote/:code (the same controls sized for the facilitator's phone).
import { Alert, Anchor, Button, Container, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import type { HostAction } from '../../core/classroom/room.ts';
import { ClassReportView } from '../classroom/ClassReportView.tsx';
import { ConnectionBadge } from '../classroom/ConnectionBadge.tsx';
import { HostControls } from '../classroom/HostControls.tsx';
import { phaseWords } from '../classroom/hostCommands.ts';
import { forgetHostSecret, hostSecretFor, newHostSecret, rememberHostSecret } from '../classroom/identity.ts';
import { JoinPanel } from '../classroom/JoinPanel.tsx';
import { optionsFor, optionsSegment, setRoomCountdown } from '../classroom/myRooms.ts';
import { PrivateTally } from '../classroom/PrivateTally.tsx';
import { isRemoteKey, RemoteLinkDialog, type KeyChange } from '../classroom/RemoteLinkDialog.tsx';
import { ProjectorStage, VoteStatus } from '../classroom/ProjectorStage.tsx';
import { ReactionView, RevealView } from '../classroom/RevealView.tsx';
import { RosterPanel } from '../classroom/RosterPanel.tsx';
import { useCountdown } from '../classroom/useCountdown.ts';
import { useRoomSocket } from '../classroom/useRoomSocket.ts';
import { useLibraryScenario } from '../classroom/useScenario.ts';
import { AppHeader } from '../components/AppHeader.tsx';
import '../classroom/classroom.css';

/**
 * This device's key does not run the room: `revoked` while it was connected (the server said the
 * facilitator made a new remote link), or `refused` when it said hello (a link's key that is not,
 * or no longer, valid: mistyped, cut short, or replaced). Said calmly, with where to go next.
 */
function KeyNoLongerWorks({ code, why }: { code: string; why: 'revoked' | 'refused' }) {
  return (
    <>
      <AppHeader />
      <Container size="sm" py="lg" component="main">
        <Alert
          color="blue"
          role="status"
          title={why === 'revoked' ? `This device no longer runs room ${code}` : `This link's key does not run room ${code}`}
          data-testid={why === 'revoked' ? 'key-revoked' : 'key-refused'}
        >
          <Stack gap="xs">
            {why === 'revoked' ? (
              <Text>The facilitator made a new remote link, which stops every device that had the old one. The room itself goes on; nothing was lost.</Text>
            ) : (
              <Text>The key in the link this device opened is not valid, or no longer: it may have been copied incompletely, or the facilitator may have made a new remote link since.</Text>
            )}
            <Text>If you are the facilitator, open the current link from the room's screen (Phone remote).</Text>
          </Stack>
          <Group mt="sm">
            <Button component={Link} href={`/classroom/screen/${code}`}>Watch the room without controls</Button>
            <Button component={Link} href="/classroom" variant="default">Back to the classroom page</Button>
          </Group>
        </Alert>
      </Container>
    </>
  );
}

export default function ClassroomHostPage({ code, mode, remoteKey }: { code: string; mode: 'projector' | 'remote'; remoteKey?: string }) {
  // A remote link brings the room's remote key. The key this device already holds comes first (a
  // stale or mistyped link must not lose the room); the link's is kept beside it, and is tried if
  // the held one is refused. A key is written to this device only once the server accepts it.
  const fromLink = mode === 'remote' && isRemoteKey(remoteKey) ? remoteKey : undefined;
  const [secret, setSecret] = useState(() => hostSecretFor(code) ?? fromLink ?? null);
  /** Counts fresh connections: each key tried gets a new one. */
  const [connection, setConnection] = useState(0);
  /** Every key this device tried was refused: why the last one was. */
  const [refusal, setRefusal] = useState<'revoked' | 'refused' | null>(null);
  // A new remote link opened in this same tab (e.g. after the old one was revoked): keep its key,
  // and try it now if this screen has no key that works.
  const [linkKey, setLinkKey] = useState(fromLink);
  if (fromLink !== undefined && fromLink !== linkKey) {
    setLinkKey(fromLink);
    if (refusal !== null || !secret) {
      setSecret(fromLink);
      setRefusal(null);
      setConnection((n) => n + 1);
    }
  }
  const secretRef = useRef(secret);
  const linkKeyRef = useRef(linkKey);
  useEffect(() => {
    secretRef.current = secret;
    linkKeyRef.current = linkKey;
  });
  /** Keys the server refused on this screen: not tried again. */
  const refusedKeys = useRef(new Set<string>());
  useEffect(() => {
    if (remoteKey) window.history.replaceState(null, '', `#/classroom/remote/${code}`);
  }, [remoteKey, code]);
  const [remoteLink, setRemoteLink] = useState(false);
  const [keyChange, setKeyChange] = useState<KeyChange>({ status: 'idle' });
  const { socket, state } = useRoomSocket(secret && refusal === null ? () => ({ type: 'host', code, secret }) : null, `${code}/${connection}`);
  const view = state.view;
  const { scenario } = useLibraryScenario(view?.scenarioId);
  const [options] = useState(() => optionsFor(code));
  const [countdown, setCountdown] = useState(options.countdown);
  const [showJoin, setShowJoin] = useState(true);
  const ready = state.status === 'open' && state.role === 'host';
  const act = useCallback(
    (action: HostAction, extra: { response?: string; tieBreak?: string } = {}) => {
      // The server keeps the countdown and closes the vote, so every screen closes together.
      socket?.send({ type: 'action', action, ...extra, ...(action === 'openVote' && countdown !== null ? { seconds: countdown } : {}) });
    },
    [socket, countdown],
  );
  const chooseCountdown = useCallback(
    (seconds: number | null) => {
      setCountdown(seconds);
      setRoomCountdown(code, seconds);
    },
    [code],
  );
  const secondsLeft = useCountdown(view, state.clockOffsetMs);
  // The projector and the remote are two tabs of one browser: a countdown chosen on one holds on
  // the other; and a screen whose keys were all refused tries a key another tab has since stored.
  useEffect(() => {
    const onStorage = () => {
      setCountdown(optionsFor(code).countdown);
      const stored = hostSecretFor(code);
      // Only a screen without a working key switches: two working keys in one browser (owner and
      // remote) must not chase each other from tab to tab, nor push the owner key out of storage.
      const mine = secretRef.current;
      const needsKey = !mine || refusedKeys.current.has(mine);
      if (needsKey && stored && stored !== mine && !refusedKeys.current.has(stored)) {
        setSecret(stored);
        setRefusal(null);
        setConnection((n) => n + 1);
      }
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [code]);

  // Stopping other remotes (owner only): the new remote key is made here and sent; it is the
  // room's once the server says so, in its answer or, if the connection dropped first, in the
  // welcome of the next connection. A refusal has its own message type.
  const pending = useRef<{ key: string; welcomes: number; socket: NonNullable<typeof socket> } | null>(null);
  const newLink = useCallback(() => {
    const key = newHostSecret();
    const sent = socket?.send({ type: 'changeHostKey', secret: key }) ?? false;
    pending.current = sent && socket ? { key, welcomes: socket.state.welcomes ?? 0, socket } : null;
    setKeyChange(sent ? { status: 'sending' } : { status: 'failed', error: 'this screen is not connected to the room; try again once it is.' });
  }, [socket]);

  // What the server says about the keys, as it arrives (a store subscription, not a render).
  useEffect(() => {
    if (!socket) return;
    let notChanged = socket.state.keyNotChanged;
    let handled = false;
    return socket.subscribe(() => {
      const s = socket.state;
      const mine = secretRef.current;
      if (s.revoked || s.keyRefused) {
        if (handled || !mine) return;
        handled = true;
        // Refused: try the other keys this device has (the one kept here, then the link's) before giving up.
        refusedKeys.current.add(mine);
        const next = [hostSecretFor(code), linkKeyRef.current].find((k): k is string => !!k && !refusedKeys.current.has(k));
        if (next) {
          setSecret(next);
          setConnection((n) => n + 1);
          return;
        }
        for (const k of refusedKeys.current) forgetHostSecret(code, k);
        setRefusal(s.revoked ? 'revoked' : 'refused');
        return;
      }
      // Accepted: this is the device's key from now on (a link's key replaces a refused one).
      // It never replaces a stored key that still works (the owner key above all).
      const stored = hostSecretFor(code);
      if (s.role === 'host' && s.welcomes && mine && stored !== mine && (!stored || refusedKeys.current.has(stored))) rememberHostSecret(code, mine);
      const p = pending.current;
      if (!p) return;
      if (s.remoteKey === p.key) {
        pending.current = null;
        setKeyChange({ status: 'done' });
      } else if (s.keyNotChanged && s.keyNotChanged !== notChanged) {
        pending.current = null;
        setKeyChange({ status: 'failed', error: s.keyNotChanged.error });
      } else if ((s.welcomes ?? 0) > (p.socket === socket ? p.welcomes : 0)) {
        // The connection dropped before the answer (on a new socket, its first welcome says so), and
        // the server's remote key is not the new one.
        pending.current = null;
        setKeyChange({ status: 'failed', error: 'the connection dropped before the server made the new link; try again.' });
      }
      notChanged = s.keyNotChanged;
    });
  }, [socket, code]);

  if (refusal) return <KeyNoLongerWorks code={code} why={refusal} />;
  if (!secret) {
    return (
      <>
        <AppHeader />
        <Container size="sm" py="lg" component="main">
          <Alert color="orange" role="alert" title={`This device does not hold the facilitator's key for room ${code}`}>
            <Text>Only the device that created a room can run it, or a phone given its remote link (on the room's screen: Phone remote). Open it on that device, or show the room without controls.</Text>
            <Group mt="sm">
              <Button component={Link} href={`/classroom/screen/${code}`}>Show the room without controls</Button>
              <Button component={Link} href="/classroom" variant="default">Open a new room</Button>
            </Group>
          </Alert>
        </Container>
      </>
    );
  }

  const header = (
    <AppHeader>
      <ConnectionBadge state={state} />
    </AppHeader>
  );

  if (!view) {
    return (
      <>
        {header}
        <Container size="sm" py="lg" component="main">
          {state.fatal || state.error ? (
            <Alert color="red" role="alert" title={`Room ${code} could not be opened`}>
              <Text>{state.error}</Text>
              <Button component={Link} href="/classroom" mt="sm">Back to the classroom page</Button>
            </Alert>
          ) : (
            <Group>
              <Loader aria-label="Connecting to the room" />
              <Text>Connecting to room {code}…</Text>
            </Group>
          )}
        </Container>
      </>
    );
  }

  const revealed = view.phase === 'revealed';
  const over = view.endedByHost || view.conversationEnded;
  const error = state.error && <Alert color="orange" role="alert" withCloseButton={false}>{state.error}</Alert>;
  const endLabel = view.conversationEnded ? 'End the session' : 'End the session now';

  if (mode === 'remote') {
    return (
      <>
        <AppHeader />
        <Container size="xs" py="md" px="sm" component="main" className="remote">
          <Stack gap="md">
            <Group justify="space-between">
              <Title order={1} size="h3">Room {code}: remote</Title>
              <ConnectionBadge state={state} />
            </Group>
            <VoteStatus view={view} secondsLeft={secondsLeft} />
            {!view.conversationEnded && (
              <div>
                <Text size="sm" c="dimmed">{scenario?.client.name ?? 'The client'} says</Text>
                <Text fw={600}>“{view.line.say}”</Text>
              </div>
            )}
            {error}
            <HostControls view={view} act={act} size="phone" ready={ready} endLabel={endLabel} countdown={{ seconds: countdown, onChange: chooseCountdown }} />
            <PrivateTally view={view} />
            {revealed && <RevealView view={view} size="phone" />}
            {view.lastTurn && !revealed && <ReactionView view={view} size="phone" clientName={scenario?.client.name} />}
            {!view.endedByHost && <RosterPanel roster={state.roster} joined={view.students} namesShownAtFirst onProjector={false} />}
            {view.played && scenario && <ClassReportView scenario={scenario} played={view.played} code={code} />}
            <Anchor component={Link} href={`/classroom/host/${code}`}>Open the projector view on this device</Anchor>
          </Stack>
        </Container>
      </>
    );
  }

  return (
    <>
      {header}
      <RemoteLinkDialog
        code={code}
        secret={state.remoteKey ?? secret}
        owner={state.remoteKey !== undefined}
        singleKey={state.remoteKey !== undefined && state.remoteKey === secret}
        opened={remoteLink}
        onClose={() => {
          setRemoteLink(false);
          if (keyChange.status !== 'sending') setKeyChange({ status: 'idle' });
        }}
        onNewLink={newLink}
        keyChange={keyChange}
        ready={ready}
      />
      <main className="projector">
        <Group justify="space-between" className="projector-bar" wrap="wrap">
          <Title order={1} size="h3">
            {scenario?.title ?? 'Classroom'} <Text span c="dimmed" fw={400}>· room {code} · {phaseWords(view)}</Text>
          </Title>
          <Group gap="xs">
            <Button variant="default" size="xs" onClick={() => setShowJoin((s) => !s)} aria-pressed={showJoin}>
              {showJoin ? 'Hide' : 'Show'} the join panel
            </Button>
            <Button component={Link} href={`/classroom/screen/${code}/${optionsSegment(options)}`} variant="default" size="xs" target="_blank">
              Second screen
            </Button>
            <Button variant="default" size="xs" onClick={() => setRemoteLink(true)}>
              Phone remote
            </Button>
          </Group>
        </Group>
        {!view.endedByHost && (
        <div className={`projector-grid${showJoin ? '' : ' projector-grid-wide'}`}>
          <div className="projector-stage">
            <ProjectorStage view={view} scenario={scenario} showMeters={options.showMeters} secondsLeft={secondsLeft} revealed={revealed} />
          </div>
          <aside className="projector-side" aria-label="Joining and controls">
            {showJoin && !view.endedByHost && <JoinPanel code={code} compact={over} />}
            {error}
            <HostControls view={view} act={act} size="projector" ready={ready} shortcuts endLabel={endLabel} countdown={{ seconds: countdown, onChange: chooseCountdown }} />
            <RosterPanel roster={state.roster} joined={view.students} namesShownAtFirst={false} onProjector />
          </aside>
        </div>
        )}
        {view.played && scenario && (
          <Container size="lg" py="lg">
            <ClassReportView scenario={scenario} played={view.played} code={code} />
          </Container>
        )}
      </main>
    </>
  );
}

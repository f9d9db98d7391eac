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
import { forgetHostSecret, hostSecretFor, newHostSecret, nextHostSecretFor, rememberHostSecret, rememberNextHostSecret, settleNextHostSecret } from '../classroom/identity.ts';
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

/** This device's key no longer runs the room: said calmly, with where to go next. */
function KeyNoLongerWorks({ code }: { code: string }) {
  return (
    <>
      <AppHeader />
      <Container size="sm" py="lg" component="main">
        <Alert color="blue" role="status" title={`This device no longer runs room ${code}`} data-testid="key-revoked">
          <Stack gap="xs">
            <Text>The facilitator made a new remote link, which stops every device that had the old one. The room itself goes on; nothing was lost.</Text>
            <Text>If you are the facilitator, open the new link from the room's screen (Phone remote).</Text>
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
  // A remote link brings the room's key: kept on this device, then dropped from the address bar.
  const [secret, setSecret] = useState(() => {
    // Never over a key this device already holds: a stale or mistyped link must not lose the room.
    if (mode === 'remote' && isRemoteKey(remoteKey) && !hostSecretFor(code)) rememberHostSecret(code, remoteKey);
    return hostSecretFor(code);
  });
  const secretRef = useRef(secret);
  useEffect(() => {
    secretRef.current = secret;
  });
  /** Counts fresh connections: a key changed in another tab is followed by a new one. */
  const [connection, setConnection] = useState(0);
  // A new remote link opened in this same tab (after the old one was revoked): take its key, on
  // the same rule as above, with a fresh connection.
  const [linkKey, setLinkKey] = useState(remoteKey);
  if (remoteKey !== linkKey) {
    setLinkKey(remoteKey);
    if (mode === 'remote' && isRemoteKey(remoteKey) && !hostSecretFor(code)) {
      rememberHostSecret(code, remoteKey);
      setSecret(remoteKey);
      setConnection((n) => n + 1);
    }
  }
  useEffect(() => {
    if (remoteKey) window.history.replaceState(null, '', `#/classroom/remote/${code}`);
  }, [remoteKey, code]);
  const [remoteLink, setRemoteLink] = useState(false);
  const [keyChange, setKeyChange] = useState<KeyChange>({ status: 'idle' });
  const { socket, state } = useRoomSocket(secret ? () => ({ type: 'host', code, secret }) : null, `${code}/${connection}`);
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
  // the other, and so does a new key (the other tab follows it with a new connection).
  useEffect(() => {
    const onStorage = () => {
      setCountdown(optionsFor(code).countdown);
      const stored = hostSecretFor(code);
      if (stored && stored !== secretRef.current) {
        setSecret(stored);
        setConnection((n) => n + 1);
      }
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [code]);

  // Revoking remote links: the new key is kept before it is sent, and becomes the room's key once
  // the server confirms it; a refusal drops it, and the old key goes on working.
  const sending = useRef(false);
  const newLink = useCallback(() => {
    const next = newHostSecret();
    rememberNextHostSecret(code, next);
    sending.current = socket?.send({ type: 'changeHostKey', secret: next }) ?? false;
    setKeyChange(sending.current ? { status: 'sending' } : { status: 'failed', error: 'this screen is not connected to the room; try again once it is.' });
  }, [code, socket]);
  // What the server says about the key, as it arrives (a store subscription, not a render).
  useEffect(() => {
    if (!socket) return;
    return socket.subscribe(() => {
      const s = socket.state;
      const mine = secretRef.current;
      if (s.hostKey && s.hostKey !== mine) {
        sending.current = false;
        settleNextHostSecret(code, s.hostKey);
        setSecret(s.hostKey);
        setKeyChange({ status: 'done' });
      } else if (sending.current && s.error) {
        sending.current = false;
        settleNextHostSecret(code, null);
        setKeyChange({ status: 'failed', error: s.error });
      } else if (mine && (s.revoked || /only the facilitator/.test(s.error ?? ''))) {
        const next = nextHostSecretFor(code);
        if (next && next !== mine) {
          // This screen changed the key but the confirmation was lost with the connection: the new key is the room's.
          settleNextHostSecret(code, next);
          setSecret(next);
          setConnection((n) => n + 1);
        } else forgetHostSecret(code, mine);
      }
    });
  }, [socket, code]);
  // The key was refused: revoked while this device was connected, or while it was away.
  const refused = state.revoked === true || /only the facilitator/.test(state.error ?? '');

  if (refused && secret) return <KeyNoLongerWorks code={code} />;
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
        secret={secret}
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

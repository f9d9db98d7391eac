// #/classroom: the facilitator picks a scenario and opens a room, or returns to one of theirs.
import { Alert, Anchor, Button, Card, Checkbox, Container, Group, NativeSelect, NumberInput, Stack, Text, Title } from '@mantine/core';
import { IconDeviceDesktop, IconPlugConnectedX, IconUsersGroup } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { catalog } from 'virtual:evoke-scenarios/catalog';
import { DEFAULT_ROOM_SIZE } from '../../core/classroom/room.ts';
import { CountdownPicker } from '../classroom/CountdownPicker.tsx';
import { newHostSecret, rememberHostSecret } from '../classroom/identity.ts';
import { forgetRoom, myRooms, rememberRoom, type MyRoom } from '../classroom/myRooms.ts';
import { useRoomSocket } from '../classroom/useRoomSocket.ts';
import { AppHeader } from '../components/AppHeader.tsx';
import '../classroom/classroom.css';

interface Request {
  scenarioId: string;
  /** The owner key: stays on this device, never in a link. */
  secret: string;
  /** The remote key: what the Phone remote link carries. */
  remoteSecret: string;
  maxSize: number;
  showMeters: boolean;
  countdown: number | null;
}

/** Opens a connection that creates the room; once the server welcomes us as its host, says which. */
function useCreateRoom(request: Request | null) {
  const { state } = useRoomSocket(
    request ? (s) => (s.code ? { type: 'host', code: s.code, secret: request.secret } : { type: 'create', scenarioId: request.scenarioId, secret: request.secret, remoteSecret: request.remoteSecret, maxSize: request.maxSize }) : null,
    request?.secret ?? 'none',
  );
  return { state, created: state.role === 'host' ? state.code : undefined };
}

export default function ClassroomStartPage() {
  const [, navigate] = useLocation();
  const [scenarioId, setScenarioId] = useState(catalog[0]?.id ?? '');
  const [showMeters, setShowMeters] = useState(true);
  const [countdown, setCountdown] = useState<number | null>(null);
  const [maxSize, setMaxSize] = useState<number | string>(DEFAULT_ROOM_SIZE);
  const [request, setRequest] = useState<Request | null>(null);
  const [rooms, setRooms] = useState<MyRoom[]>(myRooms);
  const [formError, setFormError] = useState<string | null>(null);

  const { state, created } = useCreateRoom(request);
  useEffect(() => {
    if (!created || !request) return;
    rememberHostSecret(created, request.secret);
    const title = catalog.find((e) => e.id === request.scenarioId)?.title ?? request.scenarioId;
    rememberRoom({ code: created, scenarioId: request.scenarioId, scenarioTitle: title, createdAt: new Date().toISOString(), showMeters: request.showMeters, countdown: request.countdown });
    navigate(`/classroom/host/${created}`);
  }, [created, request, navigate]);

  const create = () => {
    const size = typeof maxSize === 'number' ? maxSize : Number(maxSize);
    if (!Number.isInteger(size) || size < 1 || size > 100_000) return setFormError('The room size limit must be a whole number from 1 to 100000.');
    if (!catalog.some((e) => e.id === scenarioId)) return setFormError('Pick a scenario.');
    setFormError(null);
    setRequest({ scenarioId, secret: newHostSecret(), remoteSecret: newHostSecret(), maxSize: size, showMeters, countdown });
  };

  const failed = request && (state.fatal || (state.error && !state.code));
  const waiting = request && !failed && state.status !== 'open';

  return (
    <>
      <AppHeader />
      <Container size="md" py="lg" component="main">
        <Stack gap="lg">
          <div>
            <Title order={1}>Classroom</Title>
            <Text size="lg" maw={680}>
              Play one client with a whole class. Students join on their phones with a code, vote on what to say next, and see how the client reacts. Nobody sees who voted for what.
            </Text>
          </div>

          <Card withBorder padding="lg" component="section" aria-labelledby="new-room-title">
            <Stack gap="md">
              <Title order={2} size="h3" id="new-room-title">Open a room</Title>
              <NativeSelect label="Scenario" value={scenarioId} onChange={(e) => setScenarioId(e.currentTarget.value)} data={catalog.map((e) => ({ value: e.id, label: `${e.title} (${e.difficulty})` }))} />
              <Checkbox label="Show the client's meters on the projector" checked={showMeters} onChange={(e) => setShowMeters(e.currentTarget.checked)} />
              <CountdownPicker seconds={countdown} onChange={setCountdown} description="The vote closes on every screen when it runs out. You can change it before each vote." />
              <NumberInput label="Room size limit" description="Students who can join." min={1} max={100000} allowDecimal={false} value={maxSize} onChange={setMaxSize} maw={320} />
              {formError && <Alert color="orange" role="alert">{formError}</Alert>}
              {failed && (
                <Alert color="red" role="alert" title="The room could not be opened">
                  {state.error ?? 'The server did not answer.'} Check that Evoke runs with <code>npm start</code> on this computer, or use the projector-only mode below.
                </Alert>
              )}
              {waiting && state.status === 'reconnecting' && <Alert color="yellow" role="status">Trying to reach the classroom server…</Alert>}
              <Group>
                <Button size="md" leftSection={<IconUsersGroup size={20} aria-hidden />} onClick={create} loading={!!request && !failed}>
                  Create room
                </Button>
              </Group>
            </Stack>
          </Card>

          {rooms.length > 0 && (
            <section aria-labelledby="my-rooms-title">
              <Title order={2} size="h3" id="my-rooms-title" mb="sm">Your rooms on this device</Title>
              <ul className="my-rooms">
                {rooms.map((r) => (
                  <li key={r.code}>
                    <Card withBorder padding="sm">
                      <Group justify="space-between" wrap="wrap">
                        <div>
                          <Text fw={700} className="my-room-code">{r.code}</Text>
                          <Text size="sm">{r.scenarioTitle}, opened {new Date(r.createdAt).toLocaleString()}</Text>
                        </div>
                        <Group gap="xs">
                          <Button component={Link} href={`/classroom/host/${r.code}`} size="sm" leftSection={<IconDeviceDesktop size={16} aria-hidden />} aria-label={`Open room ${r.code} on the projector`}>
                            Projector
                          </Button>
                          <Button component={Link} href={`/classroom/remote/${r.code}`} size="sm" variant="default" aria-label={`Open room ${r.code} as a phone remote`}>
                            Phone remote
                          </Button>
                          <Button
                            size="sm"
                            variant="subtle"
                            color="gray"
                            aria-label={`Forget room ${r.code} on this device`}
                            onClick={() => {
                              forgetRoom(r.code);
                              setRooms(myRooms());
                            }}
                          >
                            Forget
                          </Button>
                        </Group>
                      </Group>
                    </Card>
                  </li>
                ))}
              </ul>
            </section>
          )}

          <Card withBorder padding="lg" component="section" aria-labelledby="offline-title">
            <Group gap="sm" align="flex-start" wrap="nowrap">
              <IconPlugConnectedX size={28} aria-hidden />
              <div>
                <Title order={2} size="h4" id="offline-title">No network in the room?</Title>
                <Text>Play on the projector alone and type the show-of-hands count for each response. The same reveal and class report follow.</Text>
                <Anchor component={Link} href="/classroom/offline" fw={600}>Projector-only mode</Anchor>
              </div>
            </Group>
          </Card>
        </Stack>
      </Container>
    </>
  );
}

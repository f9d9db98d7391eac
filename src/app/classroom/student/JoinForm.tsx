import { Alert, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertCircle, IconLogin2 } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { sanitiseHandle } from '../../../core/classroom/room.ts';
import { HandleInput } from './HandleInput.tsx';
import { checkTypedCode, type JoinedRoom } from './joinMemory.ts';

/** The join form: a code (typed, or filled in from the QR link) and an optional handle. */
export function JoinForm({ initialCode = '', initialHandle = '', problem, onJoin }: { initialCode?: string; initialHandle?: string; problem?: string | null; onJoin: (room: JoinedRoom) => void }) {
  const [code, setCode] = useState(initialCode);
  const [handle, setHandle] = useState(initialHandle);
  const [codeError, setCodeError] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const checked = checkTypedCode(code);
    if (!checked.ok) {
      setCodeError(checked.message);
      return;
    }
    const clean = sanitiseHandle(handle);
    onJoin(clean ? { code: checked.code, handle: clean } : { code: checked.code });
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="join-title">
      <Stack gap="lg">
        <div>
          <Title order={1} id="join-title">Join a class</Title>
          <Text c="dimmed" mt={4}>Vote with your class on what to say to the client. No account needed.</Text>
        </div>
        {problem && (
          <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} title="Could not join" role="alert">
            {problem}
          </Alert>
        )}
        <TextInput
          className="join-code-input"
          label="Join code"
          description="The 6 characters on the facilitator’s screen."
          value={code}
          onChange={(e) => {
            setCode(e.currentTarget.value.toUpperCase());
            setCodeError(null);
          }}
          error={codeError}
          autoComplete="off"
          autoCapitalize="characters"
          autoCorrect="off"
          spellCheck={false}
          maxLength={12}
          size="lg"
          required
          autoFocus={initialCode === ''}
        />
        <HandleInput label="Your name in the room (optional)" emptyMeans="to join anonymously" value={handle} onChange={setHandle} size="md" />
        <Button type="submit" size="lg" leftSection={<IconLogin2 aria-hidden />} fullWidth>
          Join
        </Button>
      </Stack>
    </form>
  );
}

// "You are Ana" on the student's phone, with a way to change the name or drop it. The new
// handle is sent at once (the same voter, the vote kept) and kept on the phone for a reload.
import { Button, Group, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { sanitiseHandle } from '../../../core/classroom/room.ts';
import { HandleInput } from './HandleInput.tsx';

interface Props {
  handle: string | undefined;
  onChange: (handle: string | undefined) => void;
}

export function HandleLine({ handle, onChange }: Props) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(handle ?? '');

  const save = (e: FormEvent) => {
    e.preventDefault();
    onChange(sanitiseHandle(draft));
    setEditing(false);
  };

  if (!editing) {
    return (
      <Group gap="xs" wrap="nowrap" className="handle-line">
        <Text size="sm" data-testid="my-handle">
          {handle ? <>You are <strong>{handle}</strong></> : <>You are <strong>anonymous</strong></>}
        </Text>
        <Button
          variant="subtle"
          size="compact-sm"
          onClick={() => {
            setDraft(handle ?? '');
            setEditing(true);
          }}
        >
          {handle ? 'Change name' : 'Add a name'}
        </Button>
      </Group>
    );
  }
  return (
    <form onSubmit={save} className="handle-form">
      <Stack gap="xs">
        <HandleInput label="Your name in the room" emptyMeans="to be anonymous" value={draft} onChange={setDraft} autoFocus />
        <Group gap="xs">
          <Button type="submit" size="sm">Save</Button>
          <Button variant="default" size="sm" onClick={() => setEditing(false)}>Cancel</Button>
        </Group>
      </Stack>
    </form>
  );
}

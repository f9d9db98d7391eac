import { Button, CopyButton, Popover, Stack, Text, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { shareLink, studioLink } from './fileActions.ts';

/** Links to a file that lives at a web address: one that plays it, one that opens it here. */
export function ShareButton({ url, icon }: { url: string; icon: ReactNode }) {
  const play = shareLink(url);
  const edit = studioLink(url);
  return (
    <Popover width={360} position="bottom-start" withArrow trapFocus>
      <Popover.Target>
        <Button size="compact-md" variant="default" leftSection={icon}>Share</Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <Text size="sm">These links open the file at its web address, not the changes in this browser: put your saved file there first.</Text>
          <TextInput label="Link for trainees (plays it)" value={play} readOnly onFocus={(e) => e.currentTarget.select()} />
          <CopyButton value={play}>{({ copied, copy }) => <Button size="xs" onClick={copy}>{copied ? 'Copied' : 'Copy the trainee link'}</Button>}</CopyButton>
          <TextInput label="Link for other authors (opens the studio)" value={edit} readOnly onFocus={(e) => e.currentTarget.select()} />
          <CopyButton value={edit}>{({ copied, copy }) => <Button size="xs" variant="default" onClick={copy}>{copied ? 'Copied' : 'Copy the studio link'}</Button>}</CopyButton>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { deleteDraft, listDrafts, type DraftInfo } from './drafts.ts';

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Every draft kept in this browser, newest first: open one, or delete one after a confirmation. */
export function DraftsDialog({ opened, currentId, onClose, onOpen }: { opened: boolean; currentId: string; onClose: () => void; onOpen: (d: DraftInfo) => void }) {
  const [version, setVersion] = useState(0);
  const [confirming, setConfirming] = useState<string | null>(null);
  const drafts = opened ? listDrafts() : [];
  return (
    <Modal opened={opened} onClose={onClose} title="Drafts in this browser" size="lg" closeButtonProps={{ 'aria-label': 'Close' }} key={version}>
      <Stack gap="xs">
        <Text size="sm" c="dimmed">Drafts are kept in this browser only. Save a file to keep a copy elsewhere or to share it.</Text>
        <ul className="studio-drafts" aria-label="Drafts">
          {drafts.map((d) => (
            <li key={d.id}>
              <div>
                <Text fw={600}>{d.name}{d.id === currentId ? ' (open now)' : ''}</Text>
                <Text size="xs" c="dimmed">Changed {when(d.updatedAt)}{d.fileName ? ` · from ${d.fileName}` : ''}</Text>
              </div>
              <Group gap="xs" wrap="nowrap">
                {d.id !== currentId && <Button size="xs" onClick={() => onOpen(d)} aria-label={`Open the draft ${d.name}`}>Open</Button>}
                {d.id !== currentId && (confirming === d.id ? (
                  <Button size="xs" color="red" onClick={() => { deleteDraft(d.id); setConfirming(null); setVersion((v) => v + 1); }} aria-label={`Really delete the draft ${d.name}`}>Really delete</Button>
                ) : (
                  <Button size="xs" variant="default" onClick={() => setConfirming(d.id)} aria-label={`Delete the draft ${d.name}`}>Delete</Button>
                ))}
              </Group>
            </li>
          ))}
        </ul>
      </Stack>
    </Modal>
  );
}

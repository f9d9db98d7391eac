import { Alert, Anchor, Drawer, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { loadSupportConfig, type SupportConfig } from './supportContacts.ts';

// Loaded on first open: dialogs stay out of the first load's JavaScript.
export default function SupportDrawer({ onClose }: { onClose: () => void }) {
  const [config, setConfig] = useState<SupportConfig | null>(null);
  useEffect(() => {
    void loadSupportConfig().then(setConfig);
  }, []);
  return (
    <Drawer opened onClose={onClose} position="right" title={<Title order={2} size="h3">Support</Title>} closeButtonProps={{ 'aria-label': 'Close support' }}>
      <Stack gap="md">
        <Text>If anything in a practice conversation stirs up something difficult for you, stop whenever you need to. Your progress is saved.</Text>
        {config?.isDefault && (
          <Alert variant="light" color="gray" title="General contacts" role="note">
            Your organisation has not set its own support contacts yet, so these general ones are shown.
          </Alert>
        )}
        {!config && <Text c="dimmed">Loading contacts…</Text>}
        {config?.contacts.map((c) => (
          <div key={c.name}>
            <Text fw={600}>{c.href ? <Anchor href={c.href}>{c.name}</Anchor> : c.name}</Text>
            <Text size="sm">{c.detail}</Text>
          </div>
        ))}
      </Stack>
    </Drawer>
  );
}

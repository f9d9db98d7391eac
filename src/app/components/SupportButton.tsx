import { Alert, Anchor, Drawer, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconLifebuoy } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { HeaderButton } from './HeaderButton.tsx';
import { loadSupportConfig, type SupportConfig } from './supportContacts.ts';

export function SupportButton() {
  const [opened, { open, close }] = useDisclosure(false);
  const [config, setConfig] = useState<SupportConfig | null>(null);
  useEffect(() => {
    if (opened && !config) void loadSupportConfig().then(setConfig);
  }, [opened, config]);
  return (
    <>
      <HeaderButton icon={<IconLifebuoy size={18} aria-hidden />} label="Support" onClick={open} />
      <Drawer opened={opened} onClose={close} position="right" title={<Title order={2} size="h3">Support</Title>} closeButtonProps={{ 'aria-label': 'Close support' }}>
        <Stack gap="md">
          <Text>If anything in a practice conversation stirs up something difficult for you, stop whenever you need to. Your progress is saved.</Text>
          {config?.isDefault && (
            <Alert variant="light" color="gray" title="General contacts">
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
    </>
  );
}

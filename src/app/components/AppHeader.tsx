import { ActionIcon, Group, Text, useComputedColorScheme, useMantineColorScheme } from '@mantine/core';
import { IconChartLine, IconMoon, IconPencil, IconSun, IconUsersGroup } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { HeaderButton } from './HeaderButton.tsx';
import { SupportButton } from './SupportButton.tsx';

export function AppHeader({ children }: { children?: ReactNode }) {
  const { setColorScheme } = useMantineColorScheme();
  const scheme = useComputedColorScheme('light');
  return (
    <Group component="header" justify="space-between" px="md" py="xs" wrap="nowrap" className="app-header">
      <Group gap="sm" wrap="nowrap">
        <Link href="/" className="brand" aria-label="Evoke, back to the library">
          <svg width="28" height="28" viewBox="0 0 32 32" aria-hidden="true">
            <rect width="32" height="32" rx="8" fill="var(--mantine-color-teal-8)" />
            <path d="M9 11h14M9 16h10M9 21h14" stroke="#fff" strokeWidth="2.5" strokeLinecap="round" />
          </svg>
          <Text component="span" fw={700} size="lg">Evoke</Text>
        </Link>
      </Group>
      <Group gap={4} wrap="nowrap">
        {children}
        <HeaderButton icon={<IconUsersGroup size={18} aria-hidden />} label="Classroom" href="/classroom" />
        <HeaderButton icon={<IconPencil size={18} aria-hidden />} label="Studio" href="/studio" />
        <HeaderButton icon={<IconChartLine size={18} aria-hidden />} label="Progress" href="/progress" />
        <SupportButton />
        <ActionIcon
          variant="subtle"
          size="lg"
          onClick={() => setColorScheme(scheme === 'dark' ? 'light' : 'dark')}
          aria-label={scheme === 'dark' ? 'Use light colours' : 'Use dark colours'}
        >
          {scheme === 'dark' ? <IconSun size={20} aria-hidden /> : <IconMoon size={20} aria-hidden />}
        </ActionIcon>
      </Group>
    </Group>
  );
}

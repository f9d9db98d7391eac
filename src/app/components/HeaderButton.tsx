import { Button } from '@mantine/core';
import type { ReactNode } from 'react';

/** A header action: icon and words, the words hidden on narrow screens (the name stays for screen readers). */
export function HeaderButton({ icon, label, onClick }: { icon: ReactNode; label: string; onClick: () => void }) {
  return (
    <Button variant="subtle" size="compact-md" leftSection={icon} onClick={onClick} aria-label={label} className="header-button">
      <span className="header-button-label">{label}</span>
    </Button>
  );
}

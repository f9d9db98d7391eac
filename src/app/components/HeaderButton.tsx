import { Button } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'wouter';

/** A header action: icon and words, the words hidden on narrow screens (the name stays for screen readers). */
export function HeaderButton({ icon, label, onClick, href }: { icon: ReactNode; label: string; onClick?: () => void; href?: string }) {
  const common = { variant: 'subtle', size: 'compact-md', leftSection: icon, 'aria-label': label, className: 'header-button' } as const;
  const text = <span className="header-button-label">{label}</span>;
  return href ? <Button {...common} component={Link} href={href}>{text}</Button> : <Button {...common} onClick={onClick}>{text}</Button>;
}

import { Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconCircleDot } from '@tabler/icons-react';
import type { Category } from '../../core/coding/codes.ts';
import { categoryLabel } from './describe.ts';

const ICON = { consistent: IconCircleCheck, neutral: IconCircleDot, inconsistent: IconAlertTriangle } as const;
export const CATEGORY_COLOR = { consistent: 'teal', neutral: 'gray', inconsistent: 'orange' } as const;

// Category is always icon and words, never colour alone.
export function CategoryMark({ category, size = 'md' }: { category: Category; size?: 'sm' | 'md' }) {
  const Icon = ICON[category];
  return (
    <Group gap={6} wrap="nowrap" className={`category category-${category}`}>
      <Icon size={size === 'sm' ? 16 : 20} aria-hidden />
      <Text span fw={600} size={size}>{categoryLabel(category)}</Text>
    </Group>
  );
}

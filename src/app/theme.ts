import { createTheme } from '@mantine/core';

// Calm and clinical: one accent colour (teal), a readable type scale, generous spacing.
export const theme = createTheme({
  primaryColor: 'teal',
  primaryShade: { light: 8, dark: 5 },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '600' },
  defaultRadius: 'md',
  fontSizes: { md: '1rem', lg: '1.125rem' },
});

import { createTheme } from '@mantine/core';

// Calm and clinical: one accent colour (teal), a readable type scale, generous spacing.
export const theme = createTheme({
  primaryColor: 'teal',
  // Shade 9 keeps white text on filled buttons above 4.5:1 (WCAG AA).
  primaryShade: { light: 9, dark: 8 },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '600' },
  defaultRadius: 'md',
  fontSizes: { md: '1rem', lg: '1.125rem' },
});

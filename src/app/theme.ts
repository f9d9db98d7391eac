import { Anchor, createTheme, darken, type CSSVariablesResolver } from '@mantine/core';

// Calm and clinical: one accent colour (teal), a readable type scale, generous spacing.
export const theme = createTheme({
  primaryColor: 'teal',
  // Shade 9 keeps white text on filled buttons above 4.5:1 (WCAG AA), in both schemes (shade 8
  // gives 3.9:1).
  primaryShade: { light: 9, dark: 9 },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '600' },
  defaultRadius: 'md',
  fontSizes: { md: '1rem', lg: '1.125rem' },
  // Links inside sentences are told from the text by their underline, not by colour alone
  // (in dark mode the link teal and the body text are nearly the same lightness).
  components: { Anchor: Anchor.extend({ defaultProps: { underline: 'always' } }) },
});

// Mantine hovers a shade-9 button with shade 8, which puts white text back at 3.9:1 under the
// mouse. Hover one step darker instead: a darkening is still a visible hover, and it reads.
export const cssVariablesResolver: CSSVariablesResolver = (t) => {
  const hover: Record<string, string> = {};
  for (const [name, shades] of Object.entries(t.colors)) hover[`--mantine-color-${name}-filled-hover`] = darken(shades[9], 0.15);
  return { variables: {}, light: hover, dark: hover };
};

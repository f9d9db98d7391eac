import { expect, test } from '@playwright/test';
import { loadShipped, startScenario, VETERAN } from './support.ts';

test('the server sends a strict CSP and the app works under it with no violation', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to (execute|load|apply|evaluate)/i.test(m.text())) violations.push(m.text());
  });
  const response = await page.goto('/');
  const csp = response!.headers()['content-security-policy']!;
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-eval');
  expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`Content Security Policy: ${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.reload();
  const scenario = loadShipped(VETERAN);
  await expect(page.getByText(scenario.client.name).first()).toBeVisible();
  await startScenario(page, VETERAN);
  await page.keyboard.press('1');
  await expect(page.getByRole('heading', { name: 'Feedback on your response' })).toBeVisible();
  await page.getByRole('button', { name: 'Support' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(violations).toEqual([]);
});

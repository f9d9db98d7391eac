// Agreement between two coders of the same responses: the blind review of every shipped
// scenario records it (scenarios/REVIEW.md).

/** Cohen's kappa for two raters' labels of the same items: (po - pe) / (1 - pe). */
export function cohensKappa(a: readonly string[], b: readonly string[]): { agreement: number; kappa: number; n: number } {
  if (a.length !== b.length) throw new Error('both coders must code the same items');
  const n = a.length;
  if (n === 0) return { agreement: 1, kappa: 1, n: 0 };
  let same = 0;
  const countA = new Map<string, number>();
  const countB = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    if (a[i] === b[i]) same++;
    countA.set(a[i]!, (countA.get(a[i]!) ?? 0) + 1);
    countB.set(b[i]!, (countB.get(b[i]!) ?? 0) + 1);
  }
  const po = same / n;
  let pe = 0;
  for (const [label, ca] of countA) pe += (ca / n) * ((countB.get(label) ?? 0) / n);
  const kappa = pe === 1 ? 1 : (po - pe) / (1 - pe);
  return { agreement: po, kappa, n };
}

/** A response's codes as one label, order-free: "complex_reflection+open_question". */
export function codeSetLabel(codes: readonly string[]): string {
  return [...codes].sort().join('+');
}

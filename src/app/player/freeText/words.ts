// Words for the coder's confidence: a number alone reads as more precise than it is.
export function confidenceWords(confidence: number): string {
  if (confidence >= 0.8) return 'fairly sure';
  if (confidence >= 0.6) return 'leaning this way';
  return 'unsure: consider it a guess';
}

/** Saves text as a file on the trainee's device; nothing leaves it. */
export function downloadText(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function fileStamp(iso: string): string {
  return iso.slice(0, 16).replace(/[:T]/g, '-');
}

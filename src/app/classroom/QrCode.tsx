// A QR code drawn by React from uqr's module matrix: one path of unit squares, no markup strings.
import { useMemo } from 'react';
import { encode } from 'uqr';

/** The dark modules as one SVG path, each a 1x1 square, rows merged into runs. */
export function qrPath(data: boolean[][]): string {
  const parts: string[] = [];
  data.forEach((row, y) => {
    let x = 0;
    while (x < row.length) {
      if (!row[x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < row.length && row[x]) x++;
      parts.push(`M${start} ${y}h${x - start}v1h${start - x}z`);
    }
  });
  return parts.join('');
}

/** Black on white whatever the colour scheme: phone cameras read dark modules on a light field. */
export function QrCode({ text, label, size = 240 }: { text: string; label: string; size?: number }) {
  const qr = useMemo(() => encode(text, { ecc: 'M', border: 2 }), [text]);
  return (
    <svg className="qr-code" width={size} height={size} viewBox={`0 0 ${qr.size} ${qr.size}`} role="img" aria-label={label} shapeRendering="crispEdges">
      <rect width={qr.size} height={qr.size} fill="#fff" />
      <path d={qrPath(qr.data)} fill="#000" />
    </svg>
  );
}

// A small accessible SVG line chart: a title, a description, threshold lines drawn and named,
// and the numbers in a table beside it. Hand-written rather than a chart library because the
// report needs only this, and a library (recharts, ~100 KB) would outweigh the whole player.
export interface Series {
  name: string;
  values: (number | null)[];
  colour: string;
  dashed?: boolean;
}

interface Props {
  title: string;
  description: string;
  xLabels: string[];
  series: Series[];
  min: number;
  max: number;
  thresholds?: { label: string; value: number }[];
  height?: number;
}

export function LineChart({ title, description, xLabels, series, min, max, thresholds = [], height = 180 }: Props) {
  const width = 560;
  const pad = { left: 36, right: 70, top: 12, bottom: 26 };
  const w = width - pad.left - pad.right;
  const h = height - pad.top - pad.bottom;
  const n = Math.max(xLabels.length, 1);
  const x = (i: number) => pad.left + (n === 1 ? w / 2 : (i * w) / (n - 1));
  const y = (v: number) => pad.top + h - ((Math.min(max, Math.max(min, v)) - min) / (max - min || 1)) * h;
  const id = title.replace(/\W+/g, '-').toLowerCase();
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-t ${id}-d`} width="100%">
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{description}</desc>
        <line x1={pad.left} x2={pad.left + w} y1={pad.top + h} y2={pad.top + h} className="chart-axis" />
        <text x={pad.left - 6} y={y(max) + 4} textAnchor="end" className="chart-label">{max}</text>
        <text x={pad.left - 6} y={y(min) + 4} textAnchor="end" className="chart-label">{min}</text>
        {thresholds.map((t) => (
          <g key={t.label}>
            <line x1={pad.left} x2={pad.left + w} y1={y(t.value)} y2={y(t.value)} className="chart-threshold" />
            <text x={pad.left + w + 4} y={y(t.value) + 4} className="chart-label">{t.label}</text>
          </g>
        ))}
        {xLabels.map((l, i) =>
          n <= 12 || i % Math.ceil(n / 12) === 0 ? (
            <text key={i} x={x(i)} y={height - 8} textAnchor="middle" className="chart-label">{l}</text>
          ) : null,
        )}
        {series.map((s) => {
          const pts = s.values.map((v, i) => (v === null ? null : `${x(i)},${y(v)}`)).filter((p): p is string => p !== null);
          return (
            <g key={s.name}>
              <polyline points={pts.join(' ')} fill="none" stroke={s.colour} strokeWidth={2.5} strokeDasharray={s.dashed ? '6 4' : undefined} />
              {s.values.map((v, i) => (v === null ? null : <circle key={i} cx={x(i)} cy={y(v)} r={3.5} fill={s.colour} />))}
            </g>
          );
        })}
      </svg>
      <figcaption className="chart-legend">
        {series.map((s) => (
          <span key={s.name}>
            <svg width="22" height="8" aria-hidden="true"><line x1="0" x2="22" y1="4" y2="4" stroke={s.colour} strokeWidth="3" strokeDasharray={s.dashed ? '6 4' : undefined} /></svg> {s.name}
          </span>
        ))}
      </figcaption>
      <details className="chart-data">
        <summary>The numbers</summary>
        <table>
          <thead>
            <tr>
              <th scope="col"></th>
              {xLabels.map((l, i) => <th key={i} scope="col">{l}</th>)}
            </tr>
          </thead>
          <tbody>
            {series.map((s) => (
              <tr key={s.name}>
                <th scope="row">{s.name}</th>
                {s.values.map((v, i) => <td key={i}>{v === null ? '—' : Number.isInteger(v) ? v : v.toFixed(1)}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

// The map: the scenario's branching drawn as SVG from dagre's layout. Nodes are buttons (click,
// or Tab and Enter) that put the editor on their line; wheel and drag pan and zoom.
import { ActionIcon, Group, Loader, Stack, Text, Tooltip } from '@mantine/core';
import { IconArrowsMinimize, IconZoomIn, IconZoomOut } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { idPositions } from '../../../core/scenario/idPositions.ts';
import type { PanelProps } from '../panelSlots.tsx';
import { layoutMap, nodeName, OUTCOME_WORDS, TALK_WORDS, type MapEdge, type MapLayout, type MapNode } from './mapLayout.ts';
import './panels.css';

interface View {
  x: number;
  y: number;
  k: number;
}

const MIN_ZOOM = 0.05;
const MAX_ZOOM = 3;
const clampZoom = (k: number) => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, k));

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function edgePath(e: MapEdge): string {
  const [first, ...rest] = e.points;
  if (!first) return '';
  if (e.routed) return `M${first.x},${first.y}` + rest.map((p) => `L${p.x},${p.y}`).join('');
  const last = rest[rest.length - 1] ?? first;
  // An unrouted edge (a big map's loop back or long jump): a curve that bows out to the side.
  const bow = Math.max(40, Math.abs(last.y - first.y) / 4);
  const side = last.y <= first.y ? 1 : 0;
  return `M${first.x},${first.y}C${first.x + bow * side},${first.y + bow}${last.x + bow * side},${last.y - bow}${last.x},${last.y}`;
}

function MapNodeShape({ node, onActivate, onFocusNode }: { node: MapNode; onActivate: (n: MapNode) => void; onFocusNode: (n: MapNode) => void }) {
  const left = node.x - node.width / 2;
  const top = node.y - node.height / 2;
  const ending = node.kind === 'ending';
  const second = ending ? `ending · ${OUTCOME_WORDS[node.outcome!]}` : `${node.isStart ? 'start · ' : ''}${TALK_WORDS[node.talk!]}${node.otherTalks.length ? ' (varies)' : ''}`;
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onActivate(node);
    }
  };
  return (
    <g
      className={`map-node ${ending ? `map-ending map-outcome-${node.outcome}` : `map-talk-${node.talk}`}${node.isStart ? ' map-start' : ''}`}
      role="button"
      tabIndex={0}
      aria-label={nodeName(node)}
      data-node-id={node.id}
      onClick={() => onActivate(node)}
      onKeyDown={onKeyDown}
      onFocus={() => onFocusNode(node)}
    >
      <rect x={left} y={top} width={node.width} height={node.height} rx={ending ? node.height / 2 : 6} />
      <text x={node.x} y={node.y - 4} textAnchor="middle" className="map-node-id">{truncate(node.id, 22)}</text>
      <text x={node.x} y={node.y + 13} textAnchor="middle" className="map-node-kind">{second}</text>
    </g>
  );
}

function Legend() {
  return (
    <div className="map-legend" aria-label="Legend">
      <div className="map-legend-row">
        <Text size="xs" fw={600} component="span">Client talk:</Text>
        {(['change', 'sustain', 'neutral', 'discord'] as const).map((t) => (
          <span key={t} className="map-legend-item">
            <svg width="18" height="12" aria-hidden><rect className={`map-swatch map-talk-${t}`} x="1" y="1" width="16" height="10" rx="2" /></svg>
            {TALK_WORDS[t]}
          </span>
        ))}
      </div>
      <div className="map-legend-row">
        <Text size="xs" fw={600} component="span">Endings:</Text>
        <span className="map-legend-item">
          <svg width="24" height="12" aria-hidden><rect className="map-swatch map-ending-swatch" x="1" y="1" width="22" height="10" rx="5" /></svg>
          rounded, with the outcome written inside
        </span>
      </div>
      <div className="map-legend-row">
        <Text size="xs" fw={600} component="span">Responses:</Text>
        {(
          [
            ['consistent', 'MI-consistent (thick)'],
            ['neutral', 'neutral (thin)'],
            ['inconsistent', 'MI-inconsistent (dashed)'],
          ] as const
        ).map(([c, label]) => (
          <span key={c} className="map-legend-item">
            <svg width="28" height="10" aria-hidden><line className={`map-edge map-edge-${c}`} x1="1" y1="5" x2="27" y2="5" /></svg>
            {label}
          </span>
        ))}
      </div>
    </div>
  );
}

export default function MapPanel({ result, source, onJump }: PanelProps) {
  const scenario = result.scenario;
  const [layout, setLayout] = useState<MapLayout | null>(null);
  const [view, setView] = useState<View>({ x: 0, y: 0, k: 1 });
  const box = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const drag = useRef<{ x: number; y: number; view: View; moved: boolean } | null>(null);
  const positions = useMemo(() => idPositions(source), [source]);

  // Laid out after the first paint, so a big map shows a loader rather than a frozen tab.
  useEffect(() => {
    if (!scenario) return;
    const timer = setTimeout(() => setLayout(layoutMap(scenario)), 0);
    return () => clearTimeout(timer);
  }, [scenario]);

  const fit = useCallback(() => {
    const el = box.current;
    if (!layout || !el) return;
    const w = el.clientWidth;
    const h = el.clientHeight;
    const k = clampZoom(Math.min(w / layout.width, h / layout.height, 1.2));
    setView({ k, x: (w - layout.width * k) / 2, y: Math.max(0, (h - layout.height * k) / 2) });
  }, [layout]);

  useEffect(fit, [fit]);

  const zoomBy = useCallback((factor: number, cx?: number, cy?: number) => {
    setView((v) => {
      const el = box.current;
      const px = cx ?? (el ? el.clientWidth / 2 : 0);
      const py = cy ?? (el ? el.clientHeight / 2 : 0);
      const k = clampZoom(v.k * factor);
      return { k, x: px - ((px - v.x) * k) / v.k, y: py - ((py - v.y) * k) / v.k };
    });
  }, []);

  // React's wheel listener is passive: the page would scroll as the map zooms.
  useEffect(() => {
    const el = svg.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const r = el.getBoundingClientRect();
      zoomBy(Math.exp(-e.deltaY * 0.0015), e.clientX - r.left, e.clientY - r.top);
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [zoomBy, layout]);

  const onPointerDown = (e: PointerEvent<SVGSVGElement>) => {
    if (e.button !== 0) return;
    drag.current = { x: e.clientX, y: e.clientY, view, moved: false };
  };
  const onPointerMove = (e: PointerEvent<SVGSVGElement>) => {
    const d = drag.current;
    if (!d) return;
    const dx = e.clientX - d.x;
    const dy = e.clientY - d.y;
    if (!d.moved && Math.hypot(dx, dy) < 4) return;
    if (!d.moved) svg.current?.setPointerCapture(e.pointerId);
    d.moved = true;
    setView({ ...d.view, x: d.view.x + dx, y: d.view.y + dy });
  };
  const endDrag = (e: PointerEvent<SVGSVGElement>) => {
    if (drag.current?.moved && svg.current?.hasPointerCapture(e.pointerId)) svg.current.releasePointerCapture(e.pointerId);
    // A drag that ends on a node is not a click on it.
    if (drag.current?.moved) setTimeout(() => (drag.current = null), 0);
    else drag.current = null;
  };

  const activate = useCallback(
    (n: MapNode) => {
      if (drag.current?.moved) return;
      const at = (n.kind === 'ending' ? positions.endings : positions.nodes)[n.id];
      if (at) onJump(at.line, at.column);
    },
    [positions, onJump],
  );

  // Tabbing to a node off screen brings it into view.
  const reveal = useCallback((n: MapNode) => {
    const el = box.current;
    if (!el) return;
    setView((v) => {
      const sx = n.x * v.k + v.x;
      const sy = n.y * v.k + v.y;
      const margin = 40;
      if (sx > margin && sx < el.clientWidth - margin && sy > margin && sy < el.clientHeight - margin) return v;
      return { ...v, x: el.clientWidth / 2 - n.x * v.k, y: el.clientHeight / 2 - n.y * v.k };
    });
  }, []);

  if (!scenario) return <Text c="dimmed">The map appears once the file checks without errors.</Text>;
  const nodes = layout?.nodes.length ?? 0;
  return (
    <Stack gap="xs" className="map-panel">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text size="sm" c="dimmed" id="map-help">
          {Object.keys(scenario.nodes).length} nodes, {Object.keys(scenario.endings).length} endings. Click a node, or Tab to it and press Enter, to go to its line. Drag to pan, wheel to zoom.
        </Text>
        <Group gap={4}>
          <Tooltip label="Zoom in"><ActionIcon variant="default" aria-label="Zoom in" onClick={() => zoomBy(1.25)}><IconZoomIn size={18} aria-hidden /></ActionIcon></Tooltip>
          <Tooltip label="Zoom out"><ActionIcon variant="default" aria-label="Zoom out" onClick={() => zoomBy(0.8)}><IconZoomOut size={18} aria-hidden /></ActionIcon></Tooltip>
          <Tooltip label="Fit to view"><ActionIcon variant="default" aria-label="Fit the map to the view" onClick={fit}><IconArrowsMinimize size={18} aria-hidden /></ActionIcon></Tooltip>
        </Group>
      </Group>
      <div ref={box} className="map-box">
        {!layout ? (
          <Group justify="center" p="xl"><Loader size="sm" aria-label="Laying out the map" /></Group>
        ) : (
          <svg
            ref={svg}
            className="map-svg"
            role="group"
            aria-label={`Map of the scenario: ${nodes} nodes and endings`}
            aria-describedby="map-help"
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={endDrag}
            onPointerCancel={endDrag}
          >
            <defs>
              {(['consistent', 'neutral', 'inconsistent'] as const).map((c) => (
                <marker key={c} id={`map-arrow-${c}`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                  <path d="M0,0L10,5L0,10z" className={`map-arrow map-arrow-${c}`} />
                </marker>
              ))}
            </defs>
            <g transform={`translate(${view.x},${view.y}) scale(${view.k})`}>
              <g aria-hidden>
                {layout.edges.map((e) => (
                  <path key={`${e.from}>${e.to}>${e.category}`} d={edgePath(e)} className={`map-edge map-edge-${e.category}`} markerEnd={`url(#map-arrow-${e.category})`} />
                ))}
              </g>
              {layout.nodes.map((n) => (
                <MapNodeShape key={n.id} node={n} onActivate={activate} onFocusNode={reveal} />
              ))}
            </g>
          </svg>
        )}
      </div>
      <Legend />
    </Stack>
  );
}

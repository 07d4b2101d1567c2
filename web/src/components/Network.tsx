/**
 * Network of actors linked by events: d3-force lays the nodes out (run to rest before drawing, no animation),
 * SVG draws them. Edge colour: cooperation (mean PLOVER score > 0) or conflict (< 0); width: number of events.
 */
import { forceCenter, forceCollide, forceLink, forceManyBody, forceSimulation, type SimulationLinkDatum, type SimulationNodeDatum } from "d3-force";
import { useMemo } from "react";
import { hrefOf } from "../lib/route";
import { useI18n } from "../i18n";
import type { NetworkEdge } from "../types";

interface Node extends SimulationNodeDatum { id: string; weight: number; focus: boolean }
interface Link extends SimulationLinkDatum<Node> { edge: NetworkEdge }

const W = 640, H = 420;

export function layout(edges: NetworkEdge[], focus: string[]): { nodes: Node[]; links: Link[] } {
  const nodes = new Map<string, Node>();
  const node = (id: string) => {
    let n = nodes.get(id);
    if (!n) nodes.set(id, (n = { id, weight: 0, focus: focus.includes(id) }));
    return n;
  };
  const links: Link[] = edges.filter((e) => e.source !== e.target).map((e) => {
    node(e.source).weight += e.events;
    node(e.target).weight += e.events;
    return { source: e.source, target: e.target, edge: e };
  });
  const list = [...nodes.values()];
  // Deterministic start on a circle (the same data always gives the same picture).
  list.forEach((n, i) => { n.x = W / 2 + 150 * Math.cos((2 * Math.PI * i) / list.length); n.y = H / 2 + 150 * Math.sin((2 * Math.PI * i) / list.length); });
  const sim = forceSimulation(list)
    .force("link", forceLink<Node, Link>(links).id((d) => d.id).distance(110).strength(0.4))
    .force("charge", forceManyBody().strength(-380))
    .force("center", forceCenter(W / 2, H / 2))
    .force("collide", forceCollide(30))
    .stop();
  sim.tick(250);
  for (const n of list) { n.x = Math.max(30, Math.min(W - 30, n.x ?? 0)); n.y = Math.max(24, Math.min(H - 24, n.y ?? 0)); }
  return { nodes: list, links };
}

/** A gently curved edge: A → B and B → A bend to opposite sides, so both directions stay visible. */
function arc(s: Node, g: Node): string {
  const sx = s.x ?? 0, sy = s.y ?? 0, gx = g.x ?? 0, gy = g.y ?? 0;
  const dx = gx - sx, dy = gy - sy;
  const cx = (sx + gx) / 2 - dy * 0.15, cy = (sy + gy) / 2 + dx * 0.15;
  return `M${sx},${sy} Q${cx},${cy} ${gx},${gy}`;
}

export function Network({ edges, focus, label }: { edges: NetworkEdge[]; focus: string[]; label: string }) {
  const { t, num } = useI18n();
  const focusKey = focus.join("|");
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const { nodes, links } = useMemo(() => layout(edges, focus), [edges, focusKey]);
  if (nodes.length === 0) return null;
  const maxE = Math.max(1, ...edges.map((e) => e.events));
  const maxW = Math.max(1, ...nodes.map((n) => n.weight));
  return (
    <figure className="chart-figure">
      <svg className="chart network" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
        <defs>
          {["coop", "conf", "neutral"].map((k) => (
            <marker key={k} id={`arrow-${k}`} viewBox="0 0 10 10" refX="30" refY="5" markerWidth="9" markerHeight="9" markerUnits="userSpaceOnUse" orient="auto-start-reverse">
              <path d="M0,0 L10,5 L0,10 z" className={`arrowhead ${k}`} />
            </marker>
          ))}
        </defs>
        {links.map((l, i) => {
          const s = l.source as Node, g = l.target as Node;
          const k = l.edge.mean > 0 ? "coop" : l.edge.mean < 0 ? "conf" : "neutral";
          return (
            <path key={i} d={arc(s, g)} className={`edge ${k}`} strokeWidth={1.2 + (4 * l.edge.events) / maxE} markerEnd={`url(#arrow-${k})`}>
              <title>{`${l.edge.source} → ${l.edge.target}: ${num(l.edge.events)} · ${t("series.cooperation")} ${num(l.edge.cooperation)} · ${t("series.conflict")} ${num(l.edge.conflict)} · ${t("series.mean")} ${num(l.edge.mean, 2)}`}</title>
            </path>
          );
        })}
        {nodes.map((n) => (
          <a key={n.id} href={hrefOf({ view: "relationship", a: n.id, b: "", params: new URLSearchParams() })}>
            <g transform={`translate(${n.x},${n.y})`} className={`node ${n.focus ? "focus" : ""}`}>
              <circle r={12 + (10 * n.weight) / maxW} />
              <text dy="0.35em" textAnchor="middle" direction="ltr">{n.id}</text>
              <title>{`${n.id}: ${num(n.weight)}`}</title>
            </g>
          </a>
        ))}
      </svg>
      <figcaption className="legend">
        <span><i className="sw coop" />{t("network.coop")}</span>
        <span><i className="sw conf" />{t("network.conf")}</span>
        <span><i className="sw neutral" />{t("network.neutral")}</span>
      </figcaption>
    </figure>
  );
}

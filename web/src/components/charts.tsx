/**
 * Small hand-written SVG charts: articles per month (bars) and the cooperation–conflict series (bars above and
 * below a zero line, with the mean score as a line). Time runs in reading direction (right to left in Arabic).
 */
import { useI18n } from "../i18n";
import { formatMonthShort } from "../lib/format";
import type { MonthCount, SeriesPoint } from "../types";

const W = 640;

/** Every month between the first and the last (empty months shown as gaps, not skipped). */
export function fillMonths<T extends { period: string }>(rows: T[], empty: (period: string) => T): T[] {
  if (rows.length === 0) return rows;
  const by = new Map(rows.map((r) => [r.period, r]));
  const [y0, m0] = rows[0]!.period.split("-").map(Number) as [number, number];
  const [y1, m1] = rows[rows.length - 1]!.period.split("-").map(Number) as [number, number];
  const out: T[] = [];
  for (let y = y0, m = m0; y < y1 || (y === y1 && m <= m1); m === 12 ? (y++, m = 1) : m++) {
    const p = `${y}-${String(m).padStart(2, "0")}`;
    out.push(by.get(p) ?? empty(p));
    if (out.length > 600) break;
  }
  return out;
}

function ticksEvery(n: number): number {
  return Math.max(1, Math.ceil(n / 8));
}

export function MonthBars({ months, label }: { months: MonthCount[]; label: string }) {
  const { lang, dir, num } = useI18n();
  const data = fillMonths(months, (period) => ({ period, articles: 0 }));
  if (data.length === 0) return null;
  const H = 160, pad = { top: 12, bottom: 28, side: 8 };
  const max = Math.max(1, ...data.map((d) => d.articles));
  // Bars at most 56 units wide, the group centred (one month does not fill the chart).
  const bw = Math.min(56, (W - 2 * pad.side) / data.length);
  const x0 = (W - bw * data.length) / 2;
  const x = (i: number) => (dir === "rtl" ? W - x0 - (i + 1) * bw : x0 + i * bw);
  const h = (v: number) => ((H - pad.top - pad.bottom) * v) / max;
  const every = ticksEvery(data.length);
  return (
    <svg className="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
      <line x1={pad.side} x2={W - pad.side} y1={H - pad.bottom} y2={H - pad.bottom} className="axis" />
      {data.map((d, i) => (
        <g key={d.period}>
          <rect x={x(i) + bw * 0.12} width={bw * 0.76} y={H - pad.bottom - h(d.articles)} height={h(d.articles)} className="bar">
            <title>{`${formatMonthShort(lang, d.period)}: ${num(d.articles)}`}</title>
          </rect>
          {i % every === 0 ? <text x={x(i) + bw / 2} y={H - 8} className="tick" textAnchor="middle">{formatMonthShort(lang, d.period)}</text> : null}
        </g>
      ))}
      <text x={dir === "rtl" ? W - pad.side : pad.side} y={10} className="tick" textAnchor="start">{num(max)}</text>
    </svg>
  );
}

export function SeriesChart({ series, label }: { series: SeriesPoint[]; label: string }) {
  const { lang, dir, num, t } = useI18n();
  const data = fillMonths(series, (period) => ({ period, events: 0, sum: 0, mean: 0, cooperation: 0, conflict: 0 }));
  if (data.length === 0) return null;
  const H = 220, pad = { top: 14, bottom: 28, side: 8 };
  const maxUp = Math.max(1, ...data.map((d) => d.cooperation));
  const maxDown = Math.max(1, ...data.map((d) => -d.conflict));
  const inner = H - pad.top - pad.bottom;
  const zero = pad.top + (inner * maxUp) / (maxUp + maxDown);
  const scale = inner / (maxUp + maxDown);
  const bw = Math.min(56, (W - 2 * pad.side) / data.length);
  const x0 = (W - bw * data.length) / 2;
  const x = (i: number) => (dir === "rtl" ? W - x0 - (i + 1) * bw : x0 + i * bw);
  // Mean score per event (−10 … +10) on its own scale around the zero line.
  const my = (m: number) => zero - (m >= 0 ? (m / 10) * (zero - pad.top) : (m / 10) * (H - pad.bottom - zero));
  const line = data.map((d, i) => (d.events ? `${x(i) + bw / 2},${my(d.mean)}` : null)).filter(Boolean).join(" ");
  const every = ticksEvery(data.length);
  return (
    <figure className="chart-figure">
      <svg className="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
        {data.map((d, i) => (
          <g key={d.period}>
            {d.cooperation > 0 ? (
              <rect x={x(i) + bw * 0.14} width={bw * 0.72} y={zero - d.cooperation * scale} height={d.cooperation * scale} className="bar coop">
                <title>{`${formatMonthShort(lang, d.period)} · ${t("series.cooperation")}: ${num(d.cooperation, 1)} · ${t("series.events")}: ${num(d.events)}`}</title>
              </rect>
            ) : null}
            {d.conflict < 0 ? (
              <rect x={x(i) + bw * 0.14} width={bw * 0.72} y={zero} height={-d.conflict * scale} className="bar conf">
                <title>{`${formatMonthShort(lang, d.period)} · ${t("series.conflict")}: ${num(d.conflict, 1)} · ${t("series.events")}: ${num(d.events)}`}</title>
              </rect>
            ) : null}
            {i % every === 0 ? <text x={x(i) + bw / 2} y={H - 8} className="tick" textAnchor="middle">{formatMonthShort(lang, d.period)}</text> : null}
          </g>
        ))}
        <line x1={pad.side} x2={W - pad.side} y1={zero} y2={zero} className="zero" />
        {line ? <polyline points={line} className="mean" /> : null}
        {data.map((d, i) => (d.events ? (
          <circle key={`m${d.period}`} cx={x(i) + bw / 2} cy={my(d.mean)} r={3} className="mean-dot">
            <title>{`${formatMonthShort(lang, d.period)} · ${t("series.mean")}: ${num(d.mean, 2)}`}</title>
          </circle>
        ) : null))}
      </svg>
      <figcaption className="legend">
        <span><i className="sw coop" />{t("series.cooperation")}</span>
        <span><i className="sw conf" />{t("series.conflict")}</span>
        <span><i className="sw mean" />{t("series.mean")}</span>
      </figcaption>
    </figure>
  );
}

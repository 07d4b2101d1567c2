/**
 * Article highlighting: annotations (entity mentions, time expressions, event evidence) are char ranges of the
 * body (UTF-16 offsets, end exclusive, as in rasd/article@1). They may overlap — an evidence sentence contains
 * mentions and dates — so the body is cut at every annotation boundary into segments, each carrying the
 * annotations that cover it. The view renders each segment as text inside one element.
 */
export type AnnotationKind = "entity" | "time" | "event";

export interface Annotation {
  start: number;
  end: number;
  kind: AnnotationKind;
  /** index into the record's entities / times / events */
  ref: number;
}

export interface Segment {
  start: number;
  end: number;
  text: string;
  anns: Annotation[];
}

/** Clamp to the body and drop empty or inverted ranges (rule `spans-clamp`: bad offsets never break the page). */
export function validAnnotations(bodyLength: number, anns: Annotation[]): Annotation[] {
  const out: Annotation[] = [];
  for (const a of anns) {
    if (!Number.isFinite(a.start) || !Number.isFinite(a.end)) continue;
    const start = Math.max(0, Math.min(bodyLength, Math.floor(a.start)));
    const end = Math.max(0, Math.min(bodyLength, Math.floor(a.end)));
    if (end > start) out.push({ ...a, start, end });
  }
  return out;
}

/** Cut `body` into segments at every annotation boundary; segments cover the whole body, in order. */
export function segments(body: string, anns: Annotation[]): Segment[] {
  const valid = validAnnotations(body.length, anns).sort((a, b) => a.start - b.start || b.end - a.end);
  const cuts = new Set<number>([0, body.length]);
  for (const a of valid) { cuts.add(a.start); cuts.add(a.end); }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  let active: Annotation[] = [];
  let next = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!, end = points[i + 1]!;
    while (next < valid.length && valid[next]!.start <= start) active.push(valid[next++]!);
    active = active.filter((a) => a.end > start);
    out.push({ start, end, text: body.slice(start, end), anns: active.filter((a) => a.start <= start && a.end >= end) });
  }
  return out;
}

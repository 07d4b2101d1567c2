/** Serialize a KB file with one entry per line: diffs stay readable and files stay small. */
export function formatKbFile(file: { schema: string; description: string; sources?: string[]; entries: unknown[] }): string {
  const { entries, ...head } = file;
  const headJson = JSON.stringify(head, null, 2).replace(/\n}$/, "");
  const body = entries.map((e) => "    " + JSON.stringify(e)).join(",\n");
  return `${headJson},\n  "entries": [\n${body}\n  ]\n}\n`;
}

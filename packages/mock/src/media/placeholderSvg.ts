/** FNV-1a over a string: the placeholder's colour and the ETag come from it, so both are stable. */
export function fnv1a(text: string | Uint8Array): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= typeof text === 'string' ? text.charCodeAt(i) : text[i]!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Breaks a name into at most three lines of about `width` characters (the last one cut with …). */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  const shown = lines.slice(0, 3).map((l) => (l.length > width ? `${l.slice(0, width - 1)}…` : l));
  if (lines.length > 3) shown[2] = `${shown[2]!.slice(0, width - 1)}…`;
  return shown;
}

export interface Placeholder {
  /** The entity's name, drawn large. */
  title: string;
  /** What it is, drawn small above (e.g. `Scene 12`). */
  label: string;
  width: number;
  height: number;
  /** Picks the background colour (e.g. `scene:12`). */
  key: string;
}

/** A deterministic placeholder image: a coloured card with the entity's label and name on it. */
export function placeholderSvg({ title, label, width, height, key }: Placeholder): string {
  const hue = fnv1a(key) % 360;
  const size = Math.max(10, Math.round(Math.min(width / 12, height / 6)));
  const lines = wrap(title, Math.max(6, Math.floor((width * 1.7) / size)));
  const top = height / 2 - ((lines.length - 1) * size * 1.2) / 2 + size * 0.35;
  const text = lines
    .map((l, i) => `<tspan x="50%" y="${(top + i * size * 1.2).toFixed(1)}">${escape(l)}</tspan>`)
    .join('');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<title>${escape(`${label}: ${title}`)}</title>`,
    `<rect width="100%" height="100%" fill="hsl(${hue},45%,32%)"/>`,
    `<rect x="4%" y="4%" width="92%" height="92%" rx="${size / 2}" fill="none" stroke="hsl(${hue},60%,70%)" stroke-width="2"/>`,
    `<text x="50%" y="${(size * 1.3).toFixed(1)}" fill="hsl(${hue},60%,80%)" font-family="sans-serif" font-size="${Math.round(size * 0.6)}" text-anchor="middle">${escape(label)}</text>`,
    `<text fill="#fff" font-family="sans-serif" font-size="${size}" font-weight="bold" text-anchor="middle">${text}</text>`,
    '</svg>',
  ].join('\n');
}

/**
 * Renders a value for an error message: strings quoted (control characters escaped), objects as
 * short JSON, never more than ~80 characters, never throwing (BigInt, cycles, functions, symbols).
 */
export function show(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'symbol') return value.toString();
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  if (value instanceof Date)
    return `Date(${Number.isNaN(value.getTime()) ? 'invalid' : value.toISOString()})`;
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = shallow(value);
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

// For values JSON cannot print (a BigInt or a cycle inside): one level, primitives shown.
function shallow(value: unknown): string {
  if (value === null || typeof value !== 'object') return String(value);
  const item = (v: unknown) =>
    v !== null && typeof v === 'object' ? (Array.isArray(v) ? '[...]' : '{...}') : show(v);
  if (Array.isArray(value)) return '[' + value.slice(0, 5).map(item).join(', ') + ']';
  const entries = Object.entries(value).slice(0, 5);
  return '{ ' + entries.map(([k, v]) => `${k}: ${item(v)}`).join(', ') + ' }';
}

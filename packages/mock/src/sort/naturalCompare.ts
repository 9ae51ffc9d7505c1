/**
 * Stash's NATURAL_CI collation (casefolded.NaturalLess): case-insensitive, digit runs compare by
 * numeric value (then by fewer leading zeros), everything else by code point.
 */
export function naturalCompare(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    const dx = isDigit(x.charCodeAt(i));
    const dy = isDigit(y.charCodeAt(j));
    if (dx && dy) {
      const si = i;
      const sj = j;
      while (i < x.length && isDigit(x.charCodeAt(i))) i++;
      while (j < y.length && isDigit(y.charCodeAt(j))) j++;
      const rx = x.slice(si, i);
      const ry = y.slice(sj, j);
      const nx = rx.replace(/^0+/, '');
      const ny = ry.replace(/^0+/, '');
      if (nx.length !== ny.length) return nx.length - ny.length;
      if (nx !== ny) return nx < ny ? -1 : 1;
      if (rx.length !== ry.length) return rx.length - ry.length;
      continue;
    }
    const cx = x.codePointAt(i)!;
    const cy = y.codePointAt(j)!;
    if (cx !== cy) return cx - cy;
    i += cx > 0xffff ? 2 : 1;
    j += cy > 0xffff ? 2 : 1;
  }
  return x.length - i - (y.length - j);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Stash's NATURAL_CI collation (casefolded.NaturalLess): case-insensitive, digit runs compare by
 * numeric value (then by fewer leading zeros), everything else by code point.
 */
export function naturalCompare(a: string, b: string): number {
  return naturalCompareFolded(a.toLowerCase(), b.toLowerCase());
}

/** naturalCompare on strings already lower-cased (sorts fold each key once). */
export function naturalCompareFolded(x: string, y: string): number {
  const xl = x.length;
  const yl = y.length;
  let i = 0;
  let j = 0;
  while (i < xl && j < yl) {
    const cx = x.charCodeAt(i);
    const cy = y.charCodeAt(j);
    if (isDigit(cx) && isDigit(cy)) {
      let si = i;
      let sj = j;
      while (si < xl && x.charCodeAt(si) === 48) si++;
      while (sj < yl && y.charCodeAt(sj) === 48) sj++;
      let ei = si;
      let ej = sj;
      while (ei < xl && isDigit(x.charCodeAt(ei))) ei++;
      while (ej < yl && isDigit(y.charCodeAt(ej))) ej++;
      // longer significant run is the bigger number; equal lengths compare digit by digit
      if (ei - si !== ej - sj) return ei - si - (ej - sj);
      for (let k = 0; k < ei - si; k++) {
        const d = x.charCodeAt(si + k) - y.charCodeAt(sj + k);
        if (d !== 0) return d;
      }
      // equal values: fewer leading zeros first
      if (si - i !== sj - j) return si - i - (sj - j);
      i = ei;
      j = ej;
      continue;
    }
    if (cx !== cy) return cx - cy;
    i++;
    j++;
  }
  return xl - i - (yl - j);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

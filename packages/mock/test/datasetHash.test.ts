import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateDataset, type Dataset } from '../src/data/generateDataset';

/** One hash over all tables, in table order, each row as JSON (so key order counts too). */
function datasetHash(d: Dataset): string {
  const hash = createHash('sha256');
  for (const [name, rows] of Object.entries(d)) {
    hash.update(`${name}\n`);
    for (const row of (rows as Map<string, unknown>).values()) hash.update(`${JSON.stringify(row)}\n`);
  }
  return hash.digest('hex');
}

// Recorded from the generator before its performance work: the data must stay byte-identical.
describe('generateDataset output is stable', () => {
  it('default seed and size', () => {
    expect(datasetHash(generateDataset())).toBe(
      '17b96a8296a5100dff1106f215d811fb971efe4ae66cfd433d7b169fd10b8ce7',
    );
  });

  it('other seeds and sizes', () => {
    expect(datasetHash(generateDataset(1, 300))).toBe(
      '2ab0bc62ff67c1fa1cbd23ae8b9b0b61a0b023a0ac09d7b0723a8f051856812d',
    );
    expect(datasetHash(generateDataset(7, 300))).toBe(
      'bc2ee61176339ede9f6146a08bfb21902550c310bc52340daabbba8223b48ecc',
    );
  });

  it('a library of 10,000 scenes', () => {
    expect(datasetHash(generateDataset(1, 10_000))).toBe(
      'e9b402e0b163e4017dc0d4cf92cbb58236e49bf1cdc348d3ce68cc46dbb8a193',
    );
  }, 30_000);
});

/**
 * The Sobol' low-discrepancy sequence (Bratley and Fox's algorithm 659 with Antonov and Saleev's
 * Gray-code ordering), 32-bit, with Joe and Kuo's direction numbers (./joe-kuo.ts).
 *
 * Written here rather than taken from npm: the one package on the registry (`sobol` 1.1.4, a single
 * release) builds 52-bit direction numbers with JavaScript's 32-bit shift operators, which limits it
 * to 2^20 points at 20-bit resolution, and it reads its tables from disk at run time.
 */
import { JOE_KUO } from './joe-kuo.js';

const BITS = 32;
export const MAX_SOBOL_DIMENSIONS = JOE_KUO.length + 1;
export const MAX_SOBOL_POINTS = 2 ** BITS - 1;

/** Direction integers V[k], k = 1…32, of one dimension, as unsigned 32-bit numbers (index k − 1). */
function directions(dimension: number): Uint32Array {
  const v = new Uint32Array(BITS);
  if (dimension === 0) {
    for (let k = 1; k <= BITS; k++) v[k - 1] = (2 ** (BITS - k)) >>> 0;
    return v;
  }
  const [s, a, m] = JOE_KUO[dimension - 1]!;
  for (let k = 1; k <= Math.min(s, BITS); k++) v[k - 1] = (m[k - 1]! * 2 ** (BITS - k)) >>> 0;
  for (let k = s + 1; k <= BITS; k++) {
    let x = (v[k - s - 1]! ^ (v[k - s - 1]! >>> s)) >>> 0;
    for (let j = 1; j < s; j++) if ((a >>> (s - 1 - j)) & 1) x = (x ^ v[k - j - 1]!) >>> 0;
    v[k - 1] = x;
  }
  return v;
}

/** The position of the lowest zero bit of n, from 0. */
function lowestZeroBit(n: number): number {
  let c = 0;
  let x = n;
  while (x % 2 === 1) {
    x = Math.floor(x / 2);
    c += 1;
  }
  return c;
}

/**
 * Points `skip` … `skip + count − 1` of the `dimensions`-dimensional sequence, each in [0, 1).
 * Point 0 is the origin; callers that map points through inverse distribution functions skip it.
 */
export function sobolPoints(dimensions: number, count: number, skip = 0): number[][] {
  if (!Number.isInteger(dimensions) || dimensions < 1 || dimensions > MAX_SOBOL_DIMENSIONS) {
    throw new RangeError(`the Sobol' sequence has 1 to ${MAX_SOBOL_DIMENSIONS} dimensions here, not ${dimensions}`);
  }
  if (!Number.isSafeInteger(count) || count < 0 || !Number.isSafeInteger(skip) || skip < 0 || skip + count > MAX_SOBOL_POINTS) {
    throw new RangeError(`the Sobol' sequence has at most ${MAX_SOBOL_POINTS} points`);
  }
  const v = Array.from({ length: dimensions }, (_, d) => directions(d));
  const x = new Uint32Array(dimensions);
  const out: number[][] = [];
  // Gray-code order: point i+1 differs from point i by the direction of i's lowest zero bit.
  for (let i = 0; i < skip + count; i++) {
    if (i >= skip) out.push(Array.from(x, (xi) => xi / 2 ** BITS));
    const c = lowestZeroBit(i);
    for (let d = 0; d < dimensions; d++) x[d] = (x[d]! ^ v[d]![c]!) >>> 0;
  }
  return out;
}

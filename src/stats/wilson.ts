/**
 * Wilson score interval for a share (DESIGN.md: survey shares with Wilson 95 %
 * intervals). Unlike share ± z·SE it stays inside 0–1 and behaves for small
 * counts and shares near 0 or 1, which is where residents' surveys live.
 */

export interface WilsonInterval {
  /** successes / n */
  share: number;
  low: number;
  high: number;
}

/**
 * Wilson score interval (no continuity correction; matches R's
 * prop.test(successes, n, correct = FALSE)$conf.int).
 * n = 0 has no share to estimate: share, low and high are all NaN, so callers
 * show "no responses" rather than a made-up 0 %.
 * Throws a RangeError when successes is outside 0…n or confidence outside (0, 1).
 */
export function wilsonInterval(successes: number, n: number, confidence = 0.95): WilsonInterval {
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`Confidence must be between 0 and 1 (got ${confidence}).`);
  if (!(n >= 0) || !(successes >= 0) || successes > n) throw new RangeError(`Successes must be between 0 and n (got ${successes} of ${n}).`);
  if (n === 0) return { share: NaN, low: NaN, high: NaN };
  const share = successes / n;
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const z2n = (z * z) / n;
  const denominator = 1 + z2n;
  const centre = (share + z2n / 2) / denominator;
  const half = (z / denominator) * Math.sqrt((share * (1 - share)) / n + z2n / (4 * n));
  return {
    share,
    // Exact at the ends: 0 of n has low = 0 and n of n has high = 1, not a rounding error away.
    low: successes === 0 ? 0 : Math.max(0, centre - half),
    high: successes === n ? 1 : Math.min(1, centre + half),
  };
}

// Wichura (1988), Algorithm AS 241 PPND16: rational approximations, highest power first.
const CENTRAL_NUM = [2509.0809287301227, 33430.57558358813, 67265.7709270087, 45921.95393154987, 13731.69376550946, 1971.5909503065513, 133.14166789178438, 3.3871328727963665];
const CENTRAL_DEN = [5226.495278852546, 28729.085735721943, 39307.89580009271, 21213.794301586597, 5394.196021424751, 687.1870074920579, 42.31333070160091, 1];
const NEAR_TAIL_NUM = [0.0007745450142783414, 0.022723844989269184, 0.2417807251774506, 1.2704582524523684, 3.6478483247632045, 5.769497221460691, 4.630337846156546, 1.4234371107496835];
const NEAR_TAIL_DEN = [1.0507500716444169e-9, 0.0005475938084995345, 0.015198666563616457, 0.14810397642748008, 0.6897673349851, 1.6763848301838038, 2.053191626637759, 1];
const FAR_TAIL_NUM = [2.0103343992922881e-7, 0.000027115555687434876, 0.0012426609473880784, 0.026532189526576124, 0.29656057182850487, 1.7848265399172913, 5.463784911164114, 6.657904643501103];
const FAR_TAIL_DEN = [2.0442631033899397e-15, 1.421511758316446e-7, 0.000018463183175100548, 0.0007868691311456133, 0.014875361290850615, 0.1369298809227358, 0.599832206555888, 1];

/**
 * Inverse of the standard normal CDF, Φ⁻¹(p), by Wichura's algorithm AS 241
 * (PPND16), accurate to about 1e-16 — the algorithm behind R's qnorm.
 */
export function normalQuantile(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * horner(CENTRAL_NUM, r)) / horner(CENTRAL_DEN, r);
  }
  const r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  const value = r <= 5 ? horner(NEAR_TAIL_NUM, r - 1.6) / horner(NEAR_TAIL_DEN, r - 1.6) : horner(FAR_TAIL_NUM, r - 5) / horner(FAR_TAIL_DEN, r - 5);
  return q < 0 ? -value : value;
}

function horner(coefficients: readonly number[], x: number): number {
  let v = 0;
  for (const c of coefficients) v = v * x + c;
  return v;
}

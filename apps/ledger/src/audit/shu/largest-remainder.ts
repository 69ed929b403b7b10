export interface Claim<K> {
  key: K;
  /** Whole, zero or more: rupiah of business or savings, or basis points. */
  weight: number;
  /** Breaks ties between equal remainders: the lower rank gets the extra rupiah first. */
  rank: string;
}

/**
 * Splits `totalRp` over the claims in proportion to their weights, in whole rupiah that add up to exactly
 * `totalRp` (Hamilton's largest-remainder method): each takes the floor of its exact share, and the rupiah
 * left over go one each to the largest remainders, ties to the lower rank. Exact in BigInt, since
 * amount x weight passes 2^53 for a city's SHU. With no weight at all, nothing can be split: all zeros.
 */
export function allocateByLargestRemainder<K>(
  totalRp: number,
  claims: readonly Claim<K>[],
): Map<K, number> {
  if (!Number.isSafeInteger(totalRp) || totalRp < 0)
    throw new Error(`${totalRp} is not whole rupiah, zero or more`);
  const shares = new Map<K, number>(claims.map((claim) => [claim.key, 0]));
  const totalWeight = claims.reduce((sum, claim) => {
    if (!Number.isSafeInteger(claim.weight) || claim.weight < 0)
      throw new Error(`weight ${claim.weight} is not whole, zero or more`);
    return sum + BigInt(claim.weight);
  }, 0n);
  if (totalWeight === 0n) return shares;
  const total = BigInt(totalRp);
  let leftRp = total;
  const remainders = claims.map((claim) => {
    const product = total * BigInt(claim.weight);
    const floorRp = product / totalWeight;
    shares.set(claim.key, Number(floorRp));
    leftRp -= floorRp;
    return { claim, remainder: product % totalWeight };
  });
  remainders.sort((a, b) =>
    a.remainder !== b.remainder
      ? a.remainder > b.remainder
        ? -1
        : 1
      : a.claim.rank < b.claim.rank
        ? -1
        : a.claim.rank > b.claim.rank
          ? 1
          : 0,
  );
  // Fewer rupiah left than claims: every floor lost under one rupiah, so the sum of losses is below the count.
  for (let index = 0; leftRp > 0n; index++, leftRp -= 1n) {
    const { claim } = remainders[index];
    shares.set(claim.key, shares.get(claim.key)! + 1);
  }
  return shares;
}

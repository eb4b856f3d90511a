declare module 'minhash' {
  export class Minhash {
    constructor(config?: { numPerm?: number; seed?: number });
    hashvalues: number[];
    update(value: string): void;
    jaccard(other: Minhash): number;
  }
  const minhash: { Minhash: typeof Minhash };
  export default minhash;
}

declare module 'simhash-js' {
  export class SimHash {
    constructor(options?: { kshingles?: number; maxFeatures?: number });
    /** A 32-bit simhash as an unsigned number. */
    hash(input: string): number;
  }
  const simhash: { SimHash: typeof SimHash };
  export default simhash;
}

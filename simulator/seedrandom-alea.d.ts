declare module "seedrandom/lib/alea.js" {
  /** Alea PRNG from seedrandom: a function returning uniform numbers in [0, 1). */
  export default function alea(seed: string): () => number;
}

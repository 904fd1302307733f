import { createRng } from '../../../core/random/prng';
import { demoId } from '../../demo/demo-clock';

/**
 * Ids for demo rows added after the seeding generator's sequence was fixed: drawn from a
 * generator of their own, seeded by a key that is unique per organisation (a project or
 * organisation id), so the rest of the demo stays as it was and two demo organisations never share ids.
 */
export function createDemoIds(key: string): () => string {
  // FNV-1a, 32 bits (Fowler, Noll, Vo), to turn the key into a seed.
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  const rng = createRng(hash);
  return () => demoId(rng);
}

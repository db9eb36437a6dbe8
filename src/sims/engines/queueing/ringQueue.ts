/**
 * A FIFO of fixed-width numeric records (three numbers each) in one growable typed array. Waiting
 * lines in the engine hold millions of short-lived requests; objects per request would make the
 * garbage collector, not the model, the bottleneck.
 */
export class RingQueue {
  private data: Float64Array;
  private head = 0;
  private size = 0;

  constructor(initialCapacity = 64) {
    this.data = new Float64Array(Math.max(4, initialCapacity) * 3);
  }

  get length(): number {
    return this.size;
  }

  push(a: number, b: number, c: number): void {
    const capacity = this.data.length / 3;
    if (this.size === capacity) this.grow();
    const slot = ((this.head + this.size) % (this.data.length / 3)) * 3;
    this.data[slot] = a;
    this.data[slot + 1] = b;
    this.data[slot + 2] = c;
    this.size++;
  }

  /** Field 0, 1 or 2 of the oldest record (undefined behaviour when empty: check length first). */
  peek(field: 0 | 1 | 2): number {
    return this.data[this.head * 3 + field]!;
  }

  /** Drops the oldest record; read it with peek() first. */
  shift(): void {
    this.head = (this.head + 1) % (this.data.length / 3);
    this.size--;
  }

  clear(): void {
    this.head = 0;
    this.size = 0;
  }

  private grow(): void {
    const capacity = this.data.length / 3;
    const next = new Float64Array(this.data.length * 2);
    for (let i = 0; i < this.size; i++) {
      const from = ((this.head + i) % capacity) * 3;
      next[i * 3] = this.data[from]!;
      next[i * 3 + 1] = this.data[from + 1]!;
      next[i * 3 + 2] = this.data[from + 2]!;
    }
    this.data = next;
    this.head = 0;
  }
}

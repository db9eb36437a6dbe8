/**
 * The engine's pending departures: a binary min-heap of (time, server, generation) kept in parallel
 * typed arrays. A run schedules millions of departures; an object per entry would make the garbage
 * collector, not the model, the bottleneck. `generation` lets the engine skip a departure that stopped
 * being valid (its server failed mid-request) when it reaches the top, instead of searching the heap.
 */
export class DepartureHeap {
  private times: Float64Array;
  private servers: Int32Array;
  private generations: Float64Array;
  private count = 0;

  constructor(initialCapacity = 16) {
    const capacity = Math.max(4, initialCapacity);
    this.times = new Float64Array(capacity);
    this.servers = new Int32Array(capacity);
    this.generations = new Float64Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  /** The earliest departure's time, server and generation (only while size > 0). */
  get time(): number {
    return this.times[0]!;
  }

  get server(): number {
    return this.servers[0]!;
  }

  get generation(): number {
    return this.generations[0]!;
  }

  push(time: number, server: number, generation: number): void {
    if (this.count === this.times.length) this.grow();
    const times = this.times;
    const servers = this.servers;
    const generations = this.generations;
    let i = this.count++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (times[parent]! <= time) break;
      times[i] = times[parent]!;
      servers[i] = servers[parent]!;
      generations[i] = generations[parent]!;
      i = parent;
    }
    times[i] = time;
    servers[i] = server;
    generations[i] = generation;
  }

  /** Removes the earliest departure. */
  pop(): void {
    const times = this.times;
    const servers = this.servers;
    const generations = this.generations;
    const last = --this.count;
    if (last === 0) return;
    const time = times[last]!;
    const server = servers[last]!;
    const generation = generations[last]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      if (child + 1 < last && times[child + 1]! < times[child]!) child++;
      if (times[child]! >= time) break;
      times[i] = times[child]!;
      servers[i] = servers[child]!;
      generations[i] = generations[child]!;
      i = child;
    }
    times[i] = time;
    servers[i] = server;
    generations[i] = generation;
  }

  private grow(): void {
    const size = this.times.length * 2;
    const times = new Float64Array(size);
    times.set(this.times);
    const servers = new Int32Array(size);
    servers.set(this.servers);
    const generations = new Float64Array(size);
    generations.set(this.generations);
    this.times = times;
    this.servers = servers;
    this.generations = generations;
  }
}

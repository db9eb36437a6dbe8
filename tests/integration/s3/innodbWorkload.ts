/**
 * The simulation's workload shape, on a real InnoDB: a `job_runs` table looked up by primary key
 * (recent runs far more often), plus a share of requests that fetch a run's log. In the inline
 * design the log is a LONGBLOB in the row (stored off-page in overflow pages, since it is far larger
 * than half a page); in the pointer design the row holds the object's key, size, type and checksum,
 * and a fetch reads only those.
 */
import type { Connection } from 'mariadb';
import { createHash } from 'node:crypto';
import { mulberry32 } from '../../../src/sims/kit/random.ts';

export interface ShapeOptions {
  rows: number;
  /** Rows carrying a log: the most recent ones (older runs' logs were pruned). */
  rowsWithLogs: number;
  logBytes: number;
  hotRowShare: number;
  hotTrafficShare: number;
  fetchShare: number;
  requests: number;
  warmupRequests: number;
  seed: number;
}

export const SHAPE: ShapeOptions = {
  rows: 60_000,
  rowsWithLogs: 600,
  logBytes: 128 * 1024,
  hotRowShare: 0.1,
  hotTrafficShare: 0.9,
  fetchShare: 0.05,
  requests: 12_000,
  warmupRequests: 3_000,
  seed: 42,
};

export type Design = 'inline' | 'pointer';

export interface Counters {
  readRequests: number;
  reads: number;
}

export interface Measured extends Counters {
  design: Design;
  hitRatio: number;
  fetches: number;
  lookups: number;
  /** From information_schema.INNODB_BUFFER_POOL_STATS after the run. */
  oldDatabasePages: number;
  databasePages: number;
  pagesMadeYoung: number;
}

async function counters(conn: Connection): Promise<Counters> {
  const rows: { Variable_name: string; Value: string }[] = await conn.query(
    "SHOW GLOBAL STATUS WHERE Variable_name IN ('Innodb_buffer_pool_read_requests', 'Innodb_buffer_pool_reads')",
  );
  const value = (name: string) => Number(rows.find((r) => r.Variable_name === name)!.Value);
  return { readRequests: value('Innodb_buffer_pool_read_requests'), reads: value('Innodb_buffer_pool_reads') };
}

/** A log body of `bytes` bytes that does not compress to nothing: JSON lines with varying numbers. */
function logBody(run: number, bytes: number): Buffer {
  const random = mulberry32(run + 1);
  let text = '';
  let line = 0;
  while (text.length < bytes) {
    text += `{"run":${run},"line":${line++},"ms":${Math.floor(random() * 1e9)},"msg":"step ${Math.floor(random() * 1e6).toString(36)} ok"}\n`;
  }
  return Buffer.from(text.slice(0, bytes));
}

export async function createAndLoad(conn: Connection, design: Design, shape: ShapeOptions): Promise<void> {
  await conn.query(`DROP TABLE IF EXISTS job_runs`);
  await conn.query(
    design === 'inline'
      ? `CREATE TABLE job_runs (
           id INT UNSIGNED PRIMARY KEY,
           pipeline_id INT UNSIGNED NOT NULL,
           status ENUM('queued','running','passed','failed') NOT NULL,
           started_at DATETIME(3) NOT NULL,
           log LONGBLOB NULL
         ) ENGINE=InnoDB ROW_FORMAT=DYNAMIC`
      : `CREATE TABLE job_runs (
           id INT UNSIGNED PRIMARY KEY,
           pipeline_id INT UNSIGNED NOT NULL,
           status ENUM('queued','running','passed','failed') NOT NULL,
           started_at DATETIME(3) NOT NULL,
           log_key VARCHAR(255) NULL,
           log_bytes BIGINT UNSIGNED NULL,
           log_content_type VARCHAR(100) NULL,
           log_sha256 BINARY(32) NULL
         ) ENGINE=InnoDB ROW_FORMAT=DYNAMIC`,
  );
  const firstWithLog = shape.rows - shape.rowsWithLogs;
  // MariaDB's SEQUENCE engine generates the older, log-less runs in one statement.
  await conn.query(
    `INSERT INTO job_runs (id, pipeline_id, status, started_at)
     SELECT seq, seq % 97, 'passed', TIMESTAMP '2025-01-01 00:00:00' + INTERVAL seq MINUTE FROM seq_0_to_${firstWithLog - 1}`,
  );
  await conn.beginTransaction();
  for (let id = firstWithLog; id < shape.rows; id++) {
    const body = logBody(id, shape.logBytes);
    const started = new Date(Date.UTC(2025, 0, 1) + id * 60_000);
    if (design === 'inline') {
      await conn.query('INSERT INTO job_runs (id, pipeline_id, status, started_at, log) VALUES (?, ?, ?, ?, ?)', [id, id % 97, 'passed', started, body]);
    } else {
      const sha = createHash('sha256').update(body).digest();
      await conn.query(
        'INSERT INTO job_runs (id, pipeline_id, status, started_at, log_key, log_bytes, log_content_type, log_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        [id, id % 97, 'passed', started, `logs/${id}.jsonl`, body.length, 'application/x-ndjson', sha],
      );
    }
  }
  await conn.commit();
}

/** Runs warm-up plus measured requests; returns the counters' difference over the measured part. */
export async function runShape(conn: Connection, design: Design, shape: ShapeOptions): Promise<Measured> {
  const random = mulberry32(shape.seed);
  const hotRows = Math.round(shape.rows * shape.hotRowShare);
  const firstWithLog = shape.rows - shape.rowsWithLogs;
  let fetches = 0;
  let lookups = 0;
  let before: Counters | undefined;
  for (let i = 0; i < shape.warmupRequests + shape.requests; i++) {
    if (i === shape.warmupRequests) before = await counters(conn);
    const fetch = random() < shape.fetchShare;
    if (fetch) {
      // "Open the log" is asked of recent runs, the ones that still have a log.
      const id = firstWithLog + Math.floor(random() * shape.rowsWithLogs);
      if (design === 'inline') {
        const [row] = await conn.query('SELECT id, status, log FROM job_runs WHERE id = ?', [id]);
        if (!row || row.log.length !== shape.logBytes) throw new Error(`log of run ${id} not read back whole`);
      } else {
        const [row] = await conn.query('SELECT id, status, log_key, log_bytes, log_content_type, log_sha256 FROM job_runs WHERE id = ?', [id]);
        if (!row || Number(row.log_bytes) !== shape.logBytes) throw new Error(`pointer of run ${id} missing`);
      }
      if (i >= shape.warmupRequests) fetches++;
    } else {
      const id = random() < shape.hotTrafficShare ? shape.rows - 1 - Math.floor(random() * hotRows) : Math.floor(random() * shape.rows);
      const [row] = await conn.query('SELECT id, pipeline_id, status, started_at FROM job_runs WHERE id = ?', [id]);
      if (!row) throw new Error(`run ${id} missing`);
      if (i >= shape.warmupRequests) lookups++;
    }
  }
  const after = await counters(conn);
  const [stats] = await conn.query(
    'SELECT POOL_SIZE, FREE_BUFFERS, DATABASE_PAGES, OLD_DATABASE_PAGES, PAGES_MADE_YOUNG FROM information_schema.INNODB_BUFFER_POOL_STATS',
  );
  const readRequests = after.readRequests - before!.readRequests;
  const reads = after.reads - before!.reads;
  return {
    design,
    readRequests,
    reads,
    hitRatio: 1 - reads / readRequests,
    fetches,
    lookups,
    databasePages: Number(stats.DATABASE_PAGES),
    oldDatabasePages: Number(stats.OLD_DATABASE_PAGES),
    pagesMadeYoung: Number(stats.PAGES_MADE_YOUNG),
  };
}

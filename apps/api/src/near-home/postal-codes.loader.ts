import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';

import { readPostalCodeFile } from './postal-code-file.js';

/** Rows per INSERT: 5 parameters each, far below PostgreSQL's 65,535 parameters per statement. */
const BATCH_SIZE = 2_000;

/**
 * Loads the postal codes into an empty `postal_codes` table, in one transaction with multi-row INSERTs. Does nothing
 * when the table has rows, so every start after the first costs one count. Safe when several API instances start
 * together: ON CONFLICT lets the second one wait for the first and add nothing. Returns the rows inserted.
 */
export async function loadPostalCodes(dataSource: DataSource, file?: string): Promise<number> {
  const [present] = (await dataSource.query('SELECT EXISTS (SELECT 1 FROM postal_codes) AS present')) as {
    present: boolean;
  }[];
  if (present?.present) return 0;
  const { points, skipped } = await readPostalCodeFile(file);
  const logger = new Logger('PostalCodes');
  for (const entry of skipped) logger.warn(`postal-code record ${entry.record} skipped: ${entry.reason}`);
  let inserted = 0;
  await dataSource.transaction(async (manager) => {
    for (let start = 0; start < points.length; start += BATCH_SIZE) {
      const batch = points.slice(start, start + BATCH_SIZE);
      const values: unknown[] = [];
      const tuples = batch.map((point, index) => {
        values.push(point.code, point.place, point.land, point.latitude, point.longitude);
        const p = index * 5;
        return `($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5})`;
      });
      const result: unknown[] = await manager.query(
        `INSERT INTO postal_codes (code, place, land, latitude, longitude) VALUES ${tuples.join(', ')}
         ON CONFLICT (code) DO NOTHING RETURNING code`,
        values,
      );
      inserted += result.length;
    }
  });
  return inserted;
}

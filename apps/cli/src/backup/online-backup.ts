import BetterSqlite3 from 'better-sqlite3';

export interface BackupSnapshot {
  /** events in the copy, and the global position of its last one */
  events: number;
  headPosition: number;
  pages: number;
}

export interface OnlineBackupOptions {
  onProgress?: (copiedPages: number, totalPages: number) => void;
  /**
   * Pages to copy in the next step (better-sqlite3's progress return value; 0 pauses the copy
   * without blocking the event loop). Tests use it to hold a backup half-way while others write.
   */
  pagesPerStep?: (copiedPages: number, totalPages: number) => number;
}

const PAGES_PER_STEP = 256;

/**
 * Copies a live SQLite file page by page with SQLite's backup API while other processes keep
 * writing. The copy runs inside one read transaction on the source connection: in WAL mode that
 * pins a snapshot every step reads from, so the copy is the database exactly as of the moment
 * the transaction began. Without it SQLite restarts the copy whenever another connection
 * commits, which under a steady stream of appends means it never finishes.
 */
export async function onlineBackup(sourcePath: string, destPath: string, options: OnlineBackupOptions = {}): Promise<BackupSnapshot> {
  const source = new BetterSqlite3(sourcePath, { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    source.exec('BEGIN');
    try {
      // the first read fixes the snapshot: what it counts is what the copy holds
      const head = source.prepare('SELECT count(*) AS events, coalesce(max(position), 0) AS headPosition FROM es_events').get() as Omit<BackupSnapshot, 'pages'>;
      const done = await source.backup(destPath, {
        progress: ({ totalPages, remainingPages }) => {
          const copied = totalPages - remainingPages;
          options.onProgress?.(copied, totalPages);
          return options.pagesPerStep?.(copied, totalPages) ?? PAGES_PER_STEP;
        },
      });
      options.onProgress?.(done.totalPages, done.totalPages);
      return { ...head, pages: done.totalPages };
    } finally {
      source.exec('COMMIT');
    }
  } finally {
    source.close();
  }
}

import { chmodSync, closeSync, existsSync, openSync, renameSync, rmSync } from 'node:fs';
import type { CliIo } from '../cli-command';
import { ProgressBar } from '../progress-bar';
import { type BackupInfo, dataDirFiles, sealBackup } from './backup-file';
import { onlineBackup, type OnlineBackupOptions } from './online-backup';

export interface BackupRequest {
  storePath: string;
  /** where the secrets the store's file does not hold live */
  dataDir: string;
  target: string;
}

/**
 * Backs the live store up into `target`: written beside it under a temporary name and renamed
 * when sealed, so a file by that name is always a whole, checked backup. 0600 from the start:
 * it holds password hashes, webhook secrets and the token key.
 */
export async function backupStore(request: BackupRequest, io: CliIo, options: Pick<OnlineBackupOptions, 'pagesPerStep'> = {}): Promise<BackupInfo & { files: string[] }> {
  const partial = `${request.target}.partial-${process.pid}`;
  closeSync(openSync(partial, 'wx', 0o600));
  try {
    const bar = new ProgressBar(io.err, 'backup', io.interactive);
    const snapshot = await onlineBackup(request.storePath, partial, { ...options, onProgress: (done, total) => bar.update(done, total) });
    const info: BackupInfo = {
      format: 'crm-backup/1',
      takenAt: (io.now?.() ?? new Date()).toISOString(),
      source: request.storePath,
      events: snapshot.events,
      headPosition: snapshot.headPosition,
    };
    const files = dataDirFiles(request.dataDir);
    sealBackup(partial, info, files);
    chmodSync(partial, 0o600);
    renameSync(partial, request.target);
    return { ...info, files: files.map((f) => f.name) };
  } finally {
    for (const leftover of [partial, `${partial}-wal`, `${partial}-shm`, `${partial}-journal`]) if (existsSync(leftover)) rmSync(leftover);
  }
}

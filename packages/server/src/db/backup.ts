import SQLite from 'better-sqlite3';

/**
 * Online backup through SQLite's backup API: consistent even while the server
 * keeps writing. Restore = stop the server and put the copy in place of the file
 * (remove the old -wal and -shm files next to it).
 */
export async function backupSqlite(sourceFile: string, targetFile: string): Promise<number> {
  const source = new SQLite(sourceFile, { fileMustExist: true });
  try {
    const result = await source.backup(targetFile);
    return result.totalPages;
  } finally {
    source.close();
  }
}

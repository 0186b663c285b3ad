export * from './blob-store.port';
export * from './blob-store.errors';
export * from './blob-hash';
export * from './sqlite.blob-store';
export * from './postgres.blob-store';
export * from './contract/blob-store.contract';
export * from './blob-store-beside';
export * from './s3.blob-store';

export * from './postgres-server';
export * from './throwaway-database';
export * from './describe-with-postgres';
export * from './temp-dir';
export * from './raw-statement';
export * from './pg-overlap-watch';

export * from './app-config';
export * from './config.error';
export * from './store-location';
export * from './transport-limits';
export * from './notification-config';

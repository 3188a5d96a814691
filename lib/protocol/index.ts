export * from './version';
export * from './domain';
export * from './events';
export * from './commands';
export * from './errors';
export * from './frames';
export * from './parse';
export * from './http';

export { MockMailServer, type MockMailServerOptions, type Endpoints, type WireEvent, type ListenerAddress, type ListenerName } from './mock-mail-server.ts';
export * from './store/index.ts';
export * from './smtp/index.ts';
export * from './imap/index.ts';
export * from './tls/index.ts';

export { resolveTls, testCertificate, TEST_CERTIFICATE_FILE, TEST_KEY_FILE } from './credentials.ts';
export type { TlsCredentials, TlsOption } from './credentials.ts';

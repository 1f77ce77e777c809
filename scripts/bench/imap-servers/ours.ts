/** Our IMAP server, the corpus filed into the store as SMTP delivery would file it. */
import { MockMailServer } from '../../../mock-servers/index.ts';
import type { Corpus } from '../corpus.ts';
import type { Resources } from '../resources.ts';
import { BENCH_PASSWORD, BENCH_USER, type ImapTarget } from './imap-target.ts';

export async function startOurImap(corpus: Corpus, resources: Resources): Promise<ImapTarget> {
  const server = new MockMailServer({ clock: () => new Date('2026-03-02T10:00:00Z') });
  const account = server.addAccount(BENCH_USER, BENCH_PASSWORD);
  const inbox = account.requireFolderByRole('inbox');
  for (const message of corpus.messages) {
    server.store.deliver(account, inbox, message.raw, { flags: message.flags, internalDate: message.internalDate });
  }
  const endpoints = await server.start();
  resources.add('mock mail server', () => server.stop());
  return { name: 'mock mail server', host: endpoints.host, port: endpoints.imapPort, user: BENCH_USER, password: BENCH_PASSWORD };
}

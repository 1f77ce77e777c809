import type { MockMailServer } from '../../mock-servers/index.ts';
import { DROP, TcpLink } from '../mail-sync/testing/tcp-link.ts';

/**
 * The network between the CRM's connector and the IMAP server: a loopback link the scenario can
 * break at an exact protocol moment, so a dropped connection is reproducible, not timed (R1.5).
 */
export class ConnectorNetwork {
  private readonly mail: MockMailServer;
  private link: TcpLink | undefined;
  private endpoint: { host: string; port: number } | undefined;

  constructor(mail: MockMailServer) {
    this.mail = mail;
  }

  /** Where the connector dials: the link in front of the IMAP server. */
  async imapEndpoint(): Promise<{ host: string; port: number }> {
    if (!this.endpoint) {
      const { host, imapPort } = this.mail.address;
      this.link = new TcpLink({ host, port: imapPort });
      this.endpoint = await this.link.start();
    }
    return this.endpoint;
  }

  /**
   * Drops the connection when the server sends the `nth` FETCH response of the next sync. Only
   * the first connection is cut, so the connector can reconnect; the returned function tells how
   * many connections were cut so far.
   */
  async dropDuringNextSync(nth: number): Promise<() => number> {
    await this.imapEndpoint();
    const link = this.link!;
    let seen = 0;
    let cutOnce = false;
    link.rule = (line) => {
      if (cutOnce || !/^\* \d+ FETCH /.test(line) || ++seen < nth) return line;
      cutOnce = true;
      return DROP;
    };
    return () => link.dropped;
  }

  async stop(): Promise<void> {
    await this.link?.stop();
  }
}

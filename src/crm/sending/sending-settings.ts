/**
 * The CRM setting sending from forms depends on: "Allow sending e-mails to arbitrary addresses"
 * (CRM > Settings > Other > Other settings > Activities; default on, faq-rules §0). Read through
 * this interface so the sending rules do not depend on where CRM settings are kept.
 */
export interface SendingSettings {
  allowSendingToArbitraryAddresses(): boolean;
}

/** The setting held on its own, on by default, for a CRM that keeps no other CRM settings. */
export class StandaloneSendingSettings implements SendingSettings {
  private allowed = true;

  allowSendingToArbitraryAddresses(): boolean {
    return this.allowed;
  }

  set(allowed: boolean): void {
    this.allowed = allowed;
  }
}

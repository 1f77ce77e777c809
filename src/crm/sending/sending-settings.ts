/**
 * The CRM setting sending from forms depends on: "Allow sending e-mails to arbitrary addresses"
 * (CRM > Settings > Other > Other settings > Activities; default on, faq-rules §0). Read through
 * this interface so the sending rules do not depend on where CRM settings are kept.
 */
export interface SendingSettings {
  allowSendingToArbitraryAddresses(): boolean;
}

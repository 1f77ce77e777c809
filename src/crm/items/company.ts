import type { CrmItemCommon, HasEmails } from './crm-item.ts';

export interface Company extends CrmItemCommon, HasEmails {
  readonly title: string;
}

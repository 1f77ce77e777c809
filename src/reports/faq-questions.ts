/**
 * The questions of the FAQ (seed: "E-maile w CRM: najczęstsze pytania"), in its order, with the
 * Polish titles product owners know them by. Q0 is the article's introduction.
 */
export interface FaqQuestion {
  readonly id: string;
  readonly polish: string;
  readonly english: string;
}

export const FAQ_QUESTIONS: readonly FaqQuestion[] = [
  { id: 'Q0', polish: 'Historia korespondencji w formularzu i wyszukiwanie e-maili', english: 'History in the form, and finding an e-mail' },
  { id: 'Q1', polish: 'Dlaczego e-maile nie są automatycznie zapisywane w CRM', english: 'Why e-mails are not saved to the CRM automatically' },
  { id: 'Q2', polish: 'Kto może tworzyć leady i deale na podstawie wiadomości e-mail', english: 'Who can create leads and deals from e-mail' },
  { id: 'Q3', polish: 'Czy można dodać e-mail do innego deala', english: 'Can an e-mail be moved to another deal' },
  { id: 'Q4', polish: 'Kto może być odpowiedzialny za e-mail w formularzu elementu CRM', english: 'Who is responsible for an e-mail in a CRM form' },
  { id: 'Q5', polish: 'Dlaczego czas wysłania tego samego e-maila jest różny w poczcie i CRM', english: 'Why one e-mail shows different times in Mail and in the CRM' },
  { id: 'Q6', polish: 'Dlaczego pracownik nie widzi e-maila w formularzu elementu CRM', english: 'Why an employee cannot see an e-mail in a CRM form' },
  { id: 'Q7', polish: 'Dlaczego wysyłanie e-maila z formularza deala nie działa', english: 'Why sending e-mail from a deal form does not work' },
  { id: 'Q8', polish: 'Dlaczego odpowiedź na e-mail nie zamyka Aktywności w CRM', english: 'Why replying does not complete the activity' },
  { id: 'Q9', polish: 'Dlaczego mogą powstawać duplikaty kontaktów przy wysyłaniu e-maila z formularza CRM', english: 'Why sending from a CRM form can create duplicate contacts' },
  { id: 'Q10', polish: 'Dlaczego w CRM utworzono lead, mimo że w ustawieniach poczty wyłączono tworzenie leadów', english: 'Why a lead was created although lead creation is off' },
  { id: 'Q11', polish: 'Jak wybrać element przy ręcznym zapisywaniu e-maila w CRM', english: 'How to choose the item when saving an e-mail by hand' },
];

/** The question a scenario belongs to, by its `@Q…` tag (a feature's tags are its scenarios' too). */
export function questionOfTags(tags: readonly string[]): FaqQuestion | undefined {
  return FAQ_QUESTIONS.find((q) => tags.includes(`@${q.id}`));
}

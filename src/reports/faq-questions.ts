/**
 * The questions of the FAQ (seed: "E-maile w CRM: najczęstsze pytania"), in its order, with the
 * Polish titles product owners know them by, word for word as the seed's headings. Q0 is the
 * article's introduction, which has no heading: its Polish is the introduction's own sentence.
 */
export interface FaqQuestion {
  readonly id: string;
  readonly polish: string;
  readonly english: string;
  /** The FAQ's answer in one sentence (from the seed and the rule catalogue), for the FAQ page. */
  readonly answer?: string;
}

/** The answers, by question id: kept apart so the question list stays one line per question. */
export const FAQ_ANSWERS: Readonly<Record<string, string>> = {
  Q0: 'All correspondence with a client, incoming and outgoing, is kept in order with its replies on the timeline of the CRM item\'s form, and an e-mail can be found by its subject, sender or text.',
  Q1: 'If "Move spam to folder" points at Inbox, the Inbox counts as the spam folder and no incoming e-mail is saved automatically (saving by hand still works); choose another folder, such as Spam, and incoming e-mail is saved again.',
  Q2: 'With the mailbox\'s CRM integration on, leads or deals are created from e-mail automatically; with it off, an employee with access to the mailbox can still save an e-mail by hand with "Save to CRM".',
  Q3: 'Yes, with "Change deal", if the employee may edit both deals (rights that an administrator or an employee allowed to edit settings can grant), except an e-mail bound to a deal created from a lead, which stays bound to both.',
  Q4: 'The e-mail\'s responsible is the responsible of the item it is saved to, while the "New e-mail" entry on the timeline shows the employee who connected the mailbox, the one who can change its CRM integration settings.',
  Q5: 'One e-mail has three times: when the mail server received it (shown in Mail), when it entered the CRM (shown on the timeline), and the activity\'s time, which is the CRM entry time while planned and the completion time once completed.',
  Q6: 'An employee sees an e-mail only with read access to every item it is bound to, so an e-mail bound to a deal and a contact stays hidden, even in the deal, from someone who may not read contacts.',
  Q7: 'A deal can send e-mail only to a contact or company linked to it that has an e-mail address: choose a client in the deal\'s "Client" field, or add a new address in the e-mail form, which creates a contact not linked to the deal.',
  Q8: 'Replying does not complete the activity, so the correspondence can go on; complete it by hand, or create a new activity from the e-mail.',
  Q9: 'Sending to a contact already in the CRM creates no duplicate, but an address from the mail address book or one written differently (with extra spaces) creates a new contact; turning off "Allow sending e-mails to arbitrary addresses" prevents it.',
  Q10: 'With "Enable repeat sales mode" on, e-mail from a known client without an active deal creates a repeat lead whatever the mailbox\'s lead setting says; turn it off and turn on the legacy lead creation mode, and such e-mail goes to the client\'s active deal or else to their closed lead.',
  Q11: 'You cannot choose: the mailbox settings and the CRM\'s automation rules decide which item a saved e-mail is bound to; it can be moved to another deal afterwards with "Change deal".',
};

const QUESTIONS: readonly FaqQuestion[] = [
  { id: 'Q0', polish: 'Historia korespondencji jest zapisywana w formularzu i można szybko znaleźć potrzebny e-mail', english: 'The correspondence is kept in the form, and an e-mail can be found quickly' },
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

export const FAQ_QUESTIONS: readonly FaqQuestion[] = QUESTIONS.map((q) => ({ ...q, ...(FAQ_ANSWERS[q.id] && { answer: FAQ_ANSWERS[q.id] }) }));

/** The question a scenario belongs to, by its `@Q…` tag (a feature's tags are its scenarios' too). */
export function questionOfTags(tags: readonly string[]): FaqQuestion | undefined {
  return FAQ_QUESTIONS.find((q) => tags.includes(`@${q.id}`));
}

/** The answers in Polish, by question id (same keys as FAQ_ANSWERS), in the FAQ's own terms, for the FAQ page's Polish view. */
export const FAQ_ANSWERS_PL: Readonly<Record<string, string>> = {
  Q0: 'Cała korespondencja z klientem, przychodząca i wychodząca, jest zapisywana po kolei razem z odpowiedziami na osi czasu formularza elementu CRM, a e-mail można znaleźć po temacie, nadawcy lub treści.',
  Q1: 'Jeśli w punkcie „Przenieś spam do folderu” wybrano folder Odebrane, to folder Odebrane jest traktowany jak folder spamu i żaden przychodzący e-mail nie jest automatycznie zapisywany w CRM (ręczne zapisywanie nadal działa); po wybraniu innego folderu, na przykład Spam, przychodzące e-maile znów są zapisywane.',
  Q2: 'Gdy integracja skrzynki pocztowej z CRM jest włączona, leady lub deale są tworzone z e-maili automatycznie; gdy jest wyłączona, pracownik z dostępem do skrzynki może nadal zapisać e-mail ręcznie przyciskiem „Zapisz do CRM”.',
  Q3: 'Tak, przez „Zmień deal”, jeśli pracownik może edytować oba deale (uprawnienia nadaje administrator lub pracownik, który może edytować ustawienia), z wyjątkiem e-maila przypisanego do deala utworzonego na podstawie leadu, który pozostaje przypisany do obu.',
  Q4: 'Odpowiedzialnym za e-mail jest odpowiedzialny za element, w którym e-mail zapisano, a systemowy wpis „Nowy e-mail” na osi czasu pokazuje pracownika, który podłączył skrzynkę pocztową i może zmienić jej ustawienia integracji z CRM.',
  Q5: 'Jeden e-mail ma trzy godziny: kiedy serwer poczty go odebrał (widać ją w Poczcie), kiedy trafił do CRM (widać ją na osi czasu) oraz czas aktywności, który dla zaplanowanej aktywności jest czasem trafienia do CRM, a dla zakończonej czasem jej zakończenia.',
  Q6: 'Pracownik widzi e-mail tylko wtedy, gdy ma uprawnienia do przeglądania każdego elementu, do którego e-mail jest przypisany, więc e-mail powiązany z dealem i kontaktem pozostaje ukryty, także w dealu, przed kimś, kto nie może przeglądać kontaktów.',
  Q7: 'Z deala można wysłać e-mail tylko do powiązanego z nim kontaktu lub firmy, które mają adres e-mail: wybierz klienta w polu „Klient” deala albo dodaj nowy adres w formularzu e-maila, co tworzy kontakt niepowiązany z dealem.',
  Q8: 'Odpowiedź nie zamyka aktywności, aby korespondencję można było kontynuować; zakończ aktywność ręcznie albo utwórz nową aktywność z e-maila.',
  Q9: 'Wysłanie e-maila do kontaktu, który już jest w CRM, nie tworzy duplikatu, ale adres z książki adresowej poczty albo zapisany inaczej (z dodatkowymi spacjami) tworzy nowy kontakt; odznaczenie „Zezwalaj na wysyłanie wiadomości e-mail na dowolne adresy” temu zapobiega.',
  Q10: 'Gdy opcja „Włącz tryb powtarzania sprzedaży” jest włączona, e-mail od znanego klienta bez aktywnego deala tworzy powtarzalny lead bez względu na ustawienie leadów w skrzynce; po jej wyłączeniu i włączeniu starszego trybu tworzenia leadu taki e-mail trafia do aktywnego deala klienta, a jeśli go nie ma, do jego zamkniętego leadu.',
  Q11: 'Nie można wybrać: o tym, do którego elementu zostanie przypisany zapisany e-mail, decydują ustawienia skrzynki pocztowej i reguły automatyzacji CRM; potem można go przenieść do innego deala przez „Zmień deal”.',
};

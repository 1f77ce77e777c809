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
  Q0: 'E-mails exchanged with a client from a CRM item\'s form are kept in that form\'s history, in order and with their replies, and the e-mail you need can be found quickly.',
  Q1: 'If "Move spam to folder" points at Inbox, incoming e-mail is not saved to the CRM automatically, though an employee can still save it by hand; choose another folder for spam, such as Spam, and incoming e-mail is saved to the CRM again.',
  Q2: 'With the mailbox\'s CRM integration on, leads or deals are created from e-mail automatically; with it off, an employee with access to the mailbox can still save an e-mail by hand with "Save to CRM".',
  Q3: 'Yes, with "Change deal", if the employee may edit both deals (rights that the Bitrix24 administrator or an employee with "User can edit settings" can grant), except an e-mail added to a deal created from a lead, which is bound to both the deal and the lead.',
  Q4: 'The e-mail\'s responsible is the responsible of the item it is saved to, while the "New e-mail" entry on the timeline shows the employee who connected the mailbox, the one who can change its CRM integration settings.',
  Q5: 'One e-mail has three times: when the mail server received it (shown in Mail), when it entered the CRM (shown on the timeline), and the activity\'s time, which is the CRM entry time while planned and the completion time once completed.',
  Q6: 'An employee sees an e-mail only with read access to every item it is bound to, so an e-mail bound to a deal and a contact stays hidden, even in the deal, from someone who may not read contacts.',
  Q7: 'A deal\'s e-mail form offers only a contact or company linked to the deal that has an e-mail, so without one the button is inactive: choose a client in the deal\'s "Client" field, or enter the client\'s address with "Add new address", which adds a contact to the CRM but not to the deal and lets the deal\'s form send.',
  Q8: 'Replying does not complete the activity, so the correspondence can go on; complete it by hand, or create a new activity from the e-mail.',
  Q9: 'Sending to a contact already in the CRM creates no duplicate, even when it is not linked to the form, but an address from the mail address book, or one written in a different format (for example with extra spaces), can become a duplicate contact; with "Allow sending e-mails to arbitrary addresses" off, e-mail goes only to addresses from the CRM and no duplicates appear.',
  Q10: 'With "Enable repeat sales mode" on, an e-mail from a client already in the CRM who has no active deal creates a repeat lead even though lead creation is off in the mailbox settings; turn it off and turn on "Enable legacy lead creation mode", and a returning client\'s request goes to their active deal, or without one to their closed lead.',
  Q11: 'You cannot choose the item when you save an e-mail by hand: the mailbox settings and the CRM\'s automation rules decide which item it is bound to.',
};

const QUESTIONS: readonly FaqQuestion[] = [
  { id: 'Q0', polish: 'Historia korespondencji jest zapisywana w formularzu i można szybko znaleźć potrzebny e-mail', english: 'The correspondence is kept in the form, and an e-mail can be found quickly' },
  { id: 'Q1', polish: 'Dlaczego e-maile nie są automatycznie zapisywane w CRM', english: 'Why e-mails are not saved to the CRM automatically' },
  { id: 'Q2', polish: 'Kto może tworzyć leady i deale na podstawie wiadomości e-mail', english: 'Who can create leads and deals from e-mail' },
  { id: 'Q3', polish: 'Czy można dodać e-mail do innego deala', english: 'Can an e-mail be added to another deal' },
  { id: 'Q4', polish: 'Kto może być odpowiedzialny za e-mail w formularzu elementu CRM', english: 'Who is responsible for an e-mail in a CRM form' },
  { id: 'Q5', polish: 'Dlaczego czas wysłania tego samego e-maila jest różny w poczcie i CRM', english: 'Why one e-mail shows different times in Mail and in the CRM' },
  { id: 'Q6', polish: 'Dlaczego pracownik nie widzi e-maila w formularzu elementu CRM', english: 'Why an employee cannot see an e-mail in a CRM form' },
  { id: 'Q7', polish: 'Dlaczego wysyłanie e-maila z formularza deala nie działa', english: 'Why sending e-mail from a deal form does not work' },
  { id: 'Q8', polish: 'Dlaczego odpowiedź na e-mail nie zamyka Aktywności w CRM', english: 'Why replying does not complete the activity' },
  { id: 'Q9', polish: 'Dlaczego mogą powstawać duplikaty kontaktów przy wysyłaniu e-maila z formularza CRM', english: 'Why sending from a CRM form can create duplicate contacts' },
  { id: 'Q10', polish: 'Dlaczego w CRM utworzono lead, mimo że w ustawieniach poczty wyłączono tworzenie leadów', english: 'Why a lead was created although lead creation is off in the mailbox settings' },
  { id: 'Q11', polish: 'Jak wybrać element przy ręcznym zapisywaniu e-maila w CRM', english: 'How to choose the item when saving an e-mail by hand' },
];

export const FAQ_QUESTIONS: readonly FaqQuestion[] = QUESTIONS.map((q) => ({ ...q, ...(FAQ_ANSWERS[q.id] && { answer: FAQ_ANSWERS[q.id] }) }));

/** The question a scenario belongs to, by its `@Q…` tag (a feature's tags are its scenarios' too). */
export function questionOfTags(tags: readonly string[]): FaqQuestion | undefined {
  return FAQ_QUESTIONS.find((q) => tags.includes(`@${q.id}`));
}

/**
 * The answers in Polish, by question id: the same sentences as FAQ_ANSWERS, in the seed's own
 * vocabulary (the Polish interface names of settings and buttons, in „…” as the seed names them),
 * for the FAQ page's Polish view.
 */
export const FAQ_ANSWERS_PL: Readonly<Record<string, string>> = {
  Q0: 'E-maile wymieniane z klientem z formularza elementu CRM są zapisywane w historii korespondencji tego formularza, w kolejności i z odpowiedziami, a potrzebny e-mail można szybko znaleźć.',
  Q1: 'Jeśli w punkcie „Przenieś spam do folderu” wybrano folder Odebrane, przychodzące e-maile nie są automatycznie zapisywane w CRM, choć pracownik może to zrobić ręcznie; wybierz dla spamu inny folder, na przykład Spam, a przychodzące e-maile znów będą zapisywane w CRM.',
  Q2: 'Gdy w ustawieniach skrzynki pocztowej włączona jest integracja z CRM, leady lub deale są tworzone z e-maili automatycznie; gdy jest wyłączona, pracownik z dostępem do skrzynki pocztowej może ręcznie zapisać e-mail przyciskiem „Zapisz do CRM”.',
  Q3: 'Tak, przyciskiem „Zmień deal”, jeśli pracownik ma uprawnienia do zmiany obu deali (nadaje je administrator Bitrix24 lub pracownik z uprawnieniem „Użytkownik może edytować ustawienia”), z wyjątkiem e-maila dodanego do deala utworzonego na podstawie leadu, który jest przypisany zarówno do deala, jak i do leadu.',
  Q4: 'Odpowiedzialny za e-mail to pracownik odpowiedzialny za formularz elementu CRM, do którego e-mail zapisano, a przy systemowym wpisie o nowym e-mailu na osi czasu widać awatar pracownika, który podłączył skrzynkę pocztową i może zmienić ustawienia integracji poczty z CRM.',
  Q5: 'Jeden e-mail ma trzy godziny: kiedy został faktycznie odebrany (widać ją w Poczcie), kiedy trafił do CRM (widać ją na osi czasu formularza) i czas aktywności, który przy zaplanowanej aktywności jest czasem trafienia e-maila do CRM, a przy zakończonej czasem jej zakończenia.',
  Q6: 'Pracownik widzi e-mail tylko z uprawnieniami do przeglądania każdego elementu, do którego e-mail jest przypisany, więc e-maila powiązanego z dealem i kontaktem nie zobaczy nawet w formularzu deala, jeśli nie ma uprawnień dostępu do kontaktów.',
  Q7: 'Formularz deala proponuje tylko powiązany z dealem kontakt lub firmę z wypełnionym polem E-mail, więc bez nich przycisk jest nieaktywny: wybierz klienta w polu „Klient” albo wprowadź adres klienta przez „Dodaj nowy adres”, a klient zostanie dodany do CRM, ale nie do deala, i e-mail z formularza deala będzie można wysłać.',
  Q8: 'Odpowiedź nie zamyka aktywności, aby umożliwić kontynuację korespondencji; zakończ aktywność ręcznie albo utwórz nową aktywność z e-maila.',
  Q9: 'Wysłanie e-maila do kontaktu już istniejącego w CRM nie tworzy duplikatu, nawet jeśli kontakt nie jest powiązany z bieżącym formularzem, ale adres z książki adresowej lub adres zapisany w różnym formacie (np. z dodatkowymi spacjami) może stać się duplikatem kontaktu; po odznaczeniu pola „Zezwalaj na wysyłanie wiadomości e-mail na dowolne adresy” e-maile można wysyłać tylko na adresy z CRM i duplikaty nie powstają.',
  Q10: 'Przy włączonej opcji „Włącz tryb powtarzania sprzedaży” e-mail od klienta, który już był w CRM i nie ma aktywnego deala, tworzy powtarzalny lead, mimo że w ustawieniach poczty wyłączono tworzenie leadów; odznacz tę opcję i zaznacz „Włącz starszy tryb tworzenia leadu”, a zgłoszenie powracającego klienta trafi do jego aktywnego deala, a bez niego do zamkniętego leada.',
  Q11: 'Przy ręcznym zapisywaniu e-maila w CRM nie możesz wybrać elementu, do którego zostanie przypisany: decydują o tym ustawienia skrzynek pocztowych oraz reguły automatyzacji w CRM.',
};

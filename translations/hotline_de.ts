<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>ArticleHtml</name>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Opening hours</source>
        <translation>Öffnungszeiten</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>Favourite</source>
        <translation>Favorit</translation>
    </message>
    <message>
        <source>Use the online service</source>
        <translation>Zum Online-Dienst</translation>
    </message>
    <message>
        <source>Documents to bring</source>
        <translation>Mitzubringende Unterlagen</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>Gebühren</translation>
    </message>
    <message>
        <source>Processing time</source>
        <translation>Bearbeitungsdauer</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Responsible office</source>
        <translation>Zuständige Stelle</translation>
    </message>
    <message>
        <source>Responsible offices</source>
        <translation>Zuständige Stellen</translation>
    </message>
    <message>
        <source>Page in the city portal</source>
        <translation>Seite im Stadtportal</translation>
    </message>
    <message>
        <source>Forms and links</source>
        <translation>Formulare und Links</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>Rechtsgrundlage</translation>
    </message>
    <message>
        <source>Last reviewed: %1</source>
        <translation>Zuletzt geprüft: %1</translation>
    </message>
    <message>
        <source>Last updated: %1</source>
        <translation>Zuletzt aktualisiert: %1</translation>
    </message>
    <message>
        <source>Review overdue since %1</source>
        <translation>Prüfung überfällig seit %1</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>Quelle: %1</translation>
    </message>
    <message>
        <source>LeiKa key: %1</source>
        <translation>LeiKa-Schlüssel: %1</translation>
    </message>
    <message>
        <source>Documents to bring:</source>
        <translation>Mitzubringende Unterlagen:</translation>
    </message>
    <message>
        <source>Fees: %1</source>
        <translation>Gebühren: %1</translation>
    </message>
    <message>
        <source>Processing time: %1</source>
        <translation>Bearbeitungsdauer: %1</translation>
    </message>
    <message>
        <source>Responsible office: %1</source>
        <translation>Zuständige Stelle: %1</translation>
    </message>
    <message>
        <source>Office: %1</source>
        <translation>Dienststelle: %1</translation>
    </message>
    <message>
        <source>Opening hours: %1</source>
        <translation>Öffnungszeiten: %1</translation>
    </message>
    <message>
        <source>Phone: %1</source>
        <translation>Telefon: %1</translation>
    </message>
    <message>
        <source>E-mail: %1</source>
        <translation>E-Mail: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n further offices handle this service.</source>
        <translation>
            <numerusform>%n weitere Dienststelle bearbeitet dieses Anliegen.</numerusform>
            <numerusform>%n weitere Dienststellen bearbeiten dieses Anliegen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Online service: %1</source>
        <translation>Online-Dienst: %1</translation>
    </message>
    <message>
        <source>More information: %1</source>
        <translation>Weitere Informationen: %1</translation>
    </message>
</context>
<context>
    <name>DeskCatalogue</name>
    <message>
        <source>Cannot open the catalogue %1: %2</source>
        <translation>Der Katalog %1 lässt sich nicht öffnen: %2</translation>
    </message>
    <message>
        <source>Cannot install the built-in catalogue into %1: %2</source>
        <translation>Der mitgelieferte Katalog lässt sich nicht in %1 einspielen: %2</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Call journal unavailable: %1</source>
        <translation>Anrufjournal nicht verfügbar: %1</translation>
    </message>
</context>
<context>
    <name>appointments::AppointmentStore</name>
    <message>
        <source>The office has no id.</source>
        <translation>Die Dienststelle hat keine Kennung.</translation>
    </message>
    <message>
        <source>The number of citizens served in parallel must be between 1 and 500 (got %1).</source>
        <translation>Die Zahl der gleichzeitig bedienten Bürgerinnen und Bürger muss zwischen 1 und 500 liegen (angegeben: %1).</translation>
    </message>
    <message>
        <source>The slot grid must divide a day into whole minutes between 5 and 240 (got %1).</source>
        <translation>Das Terminraster muss zwischen 5 und 240 ganzen Minuten liegen (angegeben: %1).</translation>
    </message>
    <message>
        <source>Invalid opening hours on weekday %1.</source>
        <translation>Ungültige Öffnungszeiten am Wochentag %1.</translation>
    </message>
    <message>
        <source>Office %1 has no appointment schedule.</source>
        <translation>Die Dienststelle %1 hat keinen Terminplan.</translation>
    </message>
    <message>
        <source>The appointment length must be positive.</source>
        <translation>Die Termindauer muss größer als null sein.</translation>
    </message>
    <message>
        <source>The appointment needs a start time and a length.</source>
        <translation>Der Termin braucht eine Anfangszeit und eine Dauer.</translation>
    </message>
    <message>
        <source>The citizen&apos;s e-mail address &quot;%1&quot; is not valid for the confirmation.</source>
        <translation>Die E-Mail-Adresse „%1“ ist für die Bestätigung nicht gültig.</translation>
    </message>
    <message>
        <source>The slot lies in the past.</source>
        <translation>Der Termin liegt in der Vergangenheit.</translation>
    </message>
    <message>
        <source>%1 is not a bookable time at %2.</source>
        <translation>%1 ist bei %2 keine buchbare Zeit.</translation>
    </message>
    <message>
        <source>This slot has just been taken (all %1 counters are booked). Please offer one of the next free slots.</source>
        <translation>Dieser Termin wurde gerade vergeben (alle %1 Schalter sind belegt). Bitte bieten Sie einen der nächsten freien Termine an.</translation>
    </message>
    <message>
        <source>This slot has just been taken by another desk.</source>
        <translation>Dieser Termin wurde gerade an einem anderen Platz vergeben.</translation>
    </message>
    <message>
        <source>There is no booked appointment %1.</source>
        <translation>Es gibt keinen gebuchten Termin %1.</translation>
    </message>
</context>
<context>
    <name>appointments::OfficeSchedule</name>
    <message>
        <source>Cannot read the days in &quot;%1&quot; (expected e.g. &quot;Mo-Fr 08:00-12:00, 13:00-16:00&quot;).</source>
        <translation>Die Tage in „%1“ sind nicht lesbar (erwartet z. B. „Mo-Fr 08:00-12:00, 13:00-16:00“).</translation>
    </message>
    <message>
        <source>Cannot read the hours &quot;%1&quot; in &quot;%2&quot;.</source>
        <translation>Die Zeiten „%1“ in „%2“ sind nicht lesbar.</translation>
    </message>
</context>
<context>
    <name>cti::AgentSession</name>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Not ready</source>
        <translation>Nicht bereit</translation>
    </message>
    <message>
        <source>Talking</source>
        <translation>Im Gespräch</translation>
    </message>
    <message>
        <source>Wrap-up</source>
        <translation>Nachbearbeitung</translation>
    </message>
</context>
<context>
    <name>cti::Call</name>
    <message>
        <source>Completed</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>Verpasst</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Refused (busy)</source>
        <translation>Abgewiesen (besetzt)</translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation>Weitergeleitet</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Ringing</source>
        <translation>Klingelt</translation>
    </message>
    <message>
        <source>Talking</source>
        <translation>Im Gespräch</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>Gehalten</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Beendet</translation>
    </message>
</context>
<context>
    <name>cti::LineMap</name>
    <message>
        <source>Line map is not a JSON object: %1</source>
        <translation>Die Leitungszuordnung ist kein JSON-Objekt: %1</translation>
    </message>
    <message>
        <source>Line map: &quot;lines&quot; must be an object</source>
        <translation>Leitungszuordnung: „lines“ muss ein Objekt sein</translation>
    </message>
    <message>
        <source>Line map: line &quot;%1&quot; needs a municipality name</source>
        <translation>Leitungszuordnung: Leitung „%1“ braucht einen Gemeindenamen</translation>
    </message>
    <message>
        <source>Cannot read line map %1: %2</source>
        <translation>Leitungszuordnung %1 nicht lesbar: %2</translation>
    </message>
</context>
<context>
    <name>cti::ManualProvider</name>
    <message>
        <source>Not possible in the call&apos;s current state.</source>
        <translation>Im jetzigen Zustand des Anrufs nicht möglich.</translation>
    </message>
    <message>
        <source>No active call with id &quot;%1&quot;.</source>
        <translation>Kein laufender Anruf mit der Kennung „%1“.</translation>
    </message>
    <message>
        <source>Manual call records cannot send tones.</source>
        <translation>Von Hand erfasste Anrufe können keine Töne senden.</translation>
    </message>
</context>
<context>
    <name>cti::SipProvider</name>
    <message>
        <source>Cannot create the telephony data folder &quot;%1&quot;.</source>
        <translation>Der Telefonie-Datenordner „%1“ kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>The SIP engine &quot;%1&quot; is missing or not executable.</source>
        <translation>Die SIP-Engine „%1“ fehlt oder ist nicht ausführbar.</translation>
    </message>
    <message>
        <source>Cannot open the local socket for the SIP engine: %1</source>
        <translation>Der lokale Socket für die SIP-Engine lässt sich nicht öffnen: %1</translation>
    </message>
    <message>
        <source>No active call with id &quot;%1&quot;.</source>
        <translation>Kein laufender Anruf mit der Kennung „%1“.</translation>
    </message>
    <message>
        <source>The phone is reconnecting; try again in a moment.</source>
        <translation>Das Telefon verbindet sich neu; bitte gleich noch einmal versuchen.</translation>
    </message>
    <message>
        <source>No transfer target given.</source>
        <translation>Kein Weiterleitungsziel angegeben.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is neither a phone number nor a SIP address.</source>
        <translation>„%1“ ist weder eine Telefonnummer noch eine SIP-Adresse.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a DTMF digit (0-9, *, #, A-D).</source>
        <translation>„%1“ ist keine Wahltaste (0-9, *, #, A-D).</translation>
    </message>
</context>
<context>
    <name>desk::AppointmentDialog</name>
    <message>
        <source>Book an appointment: %1</source>
        <translation>Termin buchen: %1</translation>
    </message>
    <message>
        <source>&amp;Office</source>
        <translation>&amp;Dienststelle</translation>
    </message>
    <message>
        <source>Offices that take appointments for this service</source>
        <translation>Dienststellen, die für diese Leistung Termine vergeben</translation>
    </message>
    <message>
        <source>Free &amp;slots</source>
        <translation>Freie &amp;Termine</translation>
    </message>
    <message>
        <source>Free times, the less busy ones first</source>
        <translation>Freie Zeiten, die ruhigeren zuerst</translation>
    </message>
    <message>
        <source>Citizen&apos;s &amp;name</source>
        <translation>&amp;Name der Bürgerin / des Bürgers</translation>
    </message>
    <message>
        <source>Name of the citizen for the appointment</source>
        <translation>Name der Person für den Termin</translation>
    </message>
    <message>
        <source>&amp;E-mail for the confirmation</source>
        <translation>&amp;E-Mail für die Bestätigung</translation>
    </message>
    <message>
        <source>The confirmation with a calendar file goes here</source>
        <translation>Hierhin geht die Bestätigung mit Kalenderdatei</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>&amp;Telefon</translation>
    </message>
    <message>
        <source>Phone number of the citizen</source>
        <translation>Telefonnummer der Person</translation>
    </message>
    <message>
        <source>Booking status</source>
        <translation>Buchungsstatus</translation>
    </message>
    <message>
        <source>&amp;Book</source>
        <translation>&amp;Buchen</translation>
    </message>
    <message>
        <source>Book</source>
        <translation>Buchen</translation>
    </message>
    <message>
        <source>Books the selected slot</source>
        <translation>Bucht den gewählten Termin</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Back to the wrap-up</source>
        <translation>Zurück zur Nachbearbeitung</translation>
    </message>
    <message>
        <source>None of this service&apos;s offices has opening hours for appointments in the desk yet.</source>
        <translation>Für keine Dienststelle dieser Leistung sind bisher Terminzeiten hinterlegt.</translation>
    </message>
    <message numerus="yes">
        <source>%1, %2 (%n seat(s) free)</source>
        <translation>
            <numerusform>%1, %2 (%n Platz frei)</numerusform>
            <numerusform>%1, %2 (%n Plätze frei)</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a free slot first.</source>
        <translation>Bitte zuerst einen freien Termin wählen.</translation>
    </message>
    <message>
        <source>This slot was just taken at another desk. Here are the next free slots.</source>
        <translation>Dieser Termin wurde gerade an einem anderen Platz vergeben. Hier sind die nächsten freien Termine.</translation>
    </message>
</context>
<context>
    <name>desk::AppointmentsView</name>
    <message>
        <source>Appointments</source>
        <translation>Termine</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Dienststelle</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Leistung</translation>
    </message>
    <message>
        <source>Citizen</source>
        <translation>Bürgerin / Bürger</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Booked appointments of the coming weeks</source>
        <translation>Gebuchte Termine der nächsten Wochen</translation>
    </message>
    <message>
        <source>&amp;Cancel appointment</source>
        <translation>Termin &amp;absagen</translation>
    </message>
    <message>
        <source>Cancel appointment</source>
        <translation>Termin absagen</translation>
    </message>
    <message>
        <source>Frees the slot and sends the citizen a cancellation</source>
        <translation>Gibt den Termin frei und sendet der Person eine Absage</translation>
    </message>
    <message>
        <source>&amp;Find another time</source>
        <translation>Andere &amp;Zeit suchen</translation>
    </message>
    <message>
        <source>Find another time</source>
        <translation>Andere Zeit suchen</translation>
    </message>
    <message>
        <source>Lists free slots at the same office, the less busy ones first</source>
        <translation>Listet freie Termine derselben Dienststelle, die ruhigeren zuerst</translation>
    </message>
    <message>
        <source>Free slots</source>
        <translation>Freie Termine</translation>
    </message>
    <message>
        <source>Free slots to move the selected appointment to</source>
        <translation>Freie Termine, auf die der gewählte Termin verlegt werden kann</translation>
    </message>
    <message>
        <source>&amp;Move the appointment here</source>
        <translation>Termin hierhin &amp;verlegen</translation>
    </message>
    <message>
        <source>Move the appointment</source>
        <translation>Termin verlegen</translation>
    </message>
    <message>
        <source>Moves the selected appointment to the selected free slot</source>
        <translation>Verlegt den gewählten Termin auf den gewählten freien Termin</translation>
    </message>
    <message>
        <source>Appointments status</source>
        <translation>Status der Termine</translation>
    </message>
    <message numerus="yes">
        <source>%n appointment(s)</source>
        <translation>
            <numerusform>%n Termin</numerusform>
            <numerusform>%n Termine</numerusform>
        </translation>
    </message>
    <message>
        <source>Select an appointment first.</source>
        <translation>Bitte zuerst einen Termin wählen.</translation>
    </message>
    <message>
        <source>Appointment on %1 cancelled.</source>
        <translation>Termin am %1 abgesagt.</translation>
    </message>
    <message numerus="yes">
        <source>%n free slot(s)</source>
        <translation>
            <numerusform>%n freier Termin</numerusform>
            <numerusform>%n freie Termine</numerusform>
        </translation>
    </message>
    <message>
        <source>Select an appointment and a free slot first.</source>
        <translation>Bitte zuerst einen Termin und einen freien Termin wählen.</translation>
    </message>
    <message>
        <source>This slot was just taken at another desk. Here are the next free slots.</source>
        <translation>Dieser Termin wurde gerade an einem anderen Platz vergeben. Hier sind die nächsten freien Termine.</translation>
    </message>
    <message>
        <source>Appointment moved to %1.</source>
        <translation>Termin verlegt auf %1.</translation>
    </message>
</context>
<context>
    <name>desk::ArticleView</name>
    <message>
        <source>Article and browser tabs</source>
        <translation>Artikel- und Browser-Tabs</translation>
    </message>
    <message>
        <source>The article tab and web pages opened from its links</source>
        <translation>Der Artikel-Tab und aus seinen Links geöffnete Webseiten</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>The selected service: documents to bring, fees, offices and links</source>
        <translation>Die gewählte Dienstleistung: Unterlagen, Gebühren, Dienststellen und Links</translation>
    </message>
    <message>
        <source>Web page</source>
        <translation>Webseite</translation>
    </message>
    <message>
        <source>A page opened from a link in the article</source>
        <translation>Eine aus einem Link im Artikel geöffnete Seite</translation>
    </message>
    <message>
        <source>Type a few letters of a service in the search box, then press Enter to open it.</source>
        <translation>Tippen Sie ein paar Buchstaben einer Dienstleistung ins Suchfeld und öffnen Sie sie mit der Eingabetaste.</translation>
    </message>
    <message>
        <source>Shows more tabs</source>
        <translation>Zeigt weitere Tabs</translation>
    </message>
</context>
<context>
    <name>desk::AzIndex</name>
    <message>
        <source>Letter %1</source>
        <translation>Buchstabe %1</translation>
    </message>
    <message>
        <source>Jump to the first service starting with %1</source>
        <translation>Springt zur ersten Dienstleistung mit %1</translation>
    </message>
    <message>
        <source>Services starting with %1</source>
        <translation>Dienstleistungen mit %1</translation>
    </message>
    <message>
        <source>All services A to Z</source>
        <translation>Alle Dienstleistungen von A bis Z</translation>
    </message>
    <message>
        <source>Every service of the catalogue in alphabetical order. Type a letter to jump, Enter opens the service.</source>
        <translation>Alle Dienstleistungen des Katalogs alphabetisch. Ein Buchstabe springt, die Eingabetaste öffnet die Dienstleistung.</translation>
    </message>
</context>
<context>
    <name>desk::CallControls</name>
    <message>
        <source>Open case %1: %2, due %3</source>
        <translation>Offener Vorgang %1: %2, fällig %3</translation>
    </message>
    <message>
        <source>answered directly</source>
        <translation>direkt beantwortet</translation>
    </message>
    <message>
        <source>forwarded (%1)</source>
        <translation>weitergeleitet (%1)</translation>
    </message>
    <message>
        <source>appointment</source>
        <translation>Termin</translation>
    </message>
    <message>
        <source>no outcome</source>
        <translation>ohne Ergebnis</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>No earlier calls from this number</source>
        <translation>Keine früheren Anrufe von dieser Nummer</translation>
    </message>
    <message>
        <source>Your availability for calls; now: %1</source>
        <translation>Ihre Erreichbarkeit für Anrufe; jetzt: %1</translation>
    </message>
    <message>
        <source>Call duration %1</source>
        <translation>Gesprächsdauer %1</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Not ready: break</source>
        <translation>Nicht bereit: Pause</translation>
    </message>
    <message>
        <source>Not ready: back office</source>
        <translation>Nicht bereit: Nacharbeit</translation>
    </message>
    <message>
        <source>Not ready: training</source>
        <translation>Nicht bereit: Schulung</translation>
    </message>
    <message>
        <source>Agent state</source>
        <translation>Agentenstatus</translation>
    </message>
    <message>
        <source>Your availability for calls</source>
        <translation>Ihre Erreichbarkeit für Anrufe</translation>
    </message>
    <message>
        <source>Telephony connection</source>
        <translation>Telefonverbindung</translation>
    </message>
    <message>
        <source>Unknown number</source>
        <translation>Unbekannte Nummer</translation>
    </message>
    <message>
        <source>Call recorded by hand</source>
        <translation>Von Hand erfasster Anruf</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Line %1 – %2</source>
        <translation>Leitung %1 – %2</translation>
    </message>
    <message>
        <source>Line %1</source>
        <translation>Leitung %1</translation>
    </message>
    <message>
        <source>Ended: %1</source>
        <translation>Beendet: %1</translation>
    </message>
    <message>
        <source>%1, muted</source>
        <translation>%1, stummgeschaltet</translation>
    </message>
    <message>
        <source>No call</source>
        <translation>Kein Anruf</translation>
    </message>
    <message>
        <source>Waiting for calls</source>
        <translation>Warte auf Anrufe</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>Anrufer</translation>
    </message>
    <message>
        <source>Number and name of the caller</source>
        <translation>Nummer und Name des Anrufers</translation>
    </message>
    <message>
        <source>Line and municipality</source>
        <translation>Leitung und Gemeinde</translation>
    </message>
    <message>
        <source>Call state</source>
        <translation>Anrufstatus</translation>
    </message>
    <message>
        <source>Call duration</source>
        <translation>Gesprächsdauer</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Annehmen</translation>
    </message>
    <message>
        <source>Answers the ringing call</source>
        <translation>Nimmt den klingelnden Anruf an</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <source>Declines the ringing call</source>
        <translation>Lehnt den klingelnden Anruf ab</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>Halten</translation>
    </message>
    <message>
        <source>Puts the call on hold or resumes it</source>
        <translation>Hält den Anruf oder setzt ihn fort</translation>
    </message>
    <message>
        <source>Unmute</source>
        <translation>Mikrofon an</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Stumm</translation>
    </message>
    <message>
        <source>Switches your microphone off or on</source>
        <translation>Schaltet Ihr Mikrofon aus oder ein</translation>
    </message>
    <message>
        <source>Hang up</source>
        <translation>Auflegen</translation>
    </message>
    <message>
        <source>Ends the call</source>
        <translation>Beendet den Anruf</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Weiterleiten</translation>
    </message>
    <message>
        <source>Hands the call on to the number on the left</source>
        <translation>Leitet den Anruf an die Nummer links weiter</translation>
    </message>
    <message>
        <source>Transfer to number…</source>
        <translation>Weiterleiten an Nummer…</translation>
    </message>
    <message>
        <source>Transfer target</source>
        <translation>Weiterleitungsziel</translation>
    </message>
    <message>
        <source>Number of the office or colleague to hand the call on to</source>
        <translation>Nummer der Dienststelle oder Kollegin, an die weitergeleitet wird</translation>
    </message>
    <message>
        <source>Dial tones (DTMF)…</source>
        <translation>Wähltöne (DTMF)…</translation>
    </message>
    <message>
        <source>Dial tones</source>
        <translation>Wähltöne</translation>
    </message>
    <message>
        <source>Each digit typed here is sent as a tone into the call</source>
        <translation>Jede hier getippte Ziffer geht als Ton in das Gespräch</translation>
    </message>
    <message>
        <source>Earlier calls and open cases</source>
        <translation>Frühere Anrufe und offene Vorgänge</translation>
    </message>
    <message>
        <source>Earlier calls from this number with how they ended, and its open cases</source>
        <translation>Frühere Anrufe dieser Nummer mit ihrem Ergebnis und ihre offenen Vorgänge</translation>
    </message>
</context>
<context>
    <name>desk::CallDesk</name>
    <message>
        <source>Transfer failed: %1</source>
        <translation>Weiterleitung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The draft could not be saved: %1</source>
        <translation>Der Entwurf konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Telephony unavailable: %1</source>
        <translation>Telefonie nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>No telephony: record calls by hand (Ctrl+N)</source>
        <translation>Keine Telefonie: Anrufe von Hand erfassen (Strg+N)</translation>
    </message>
    <message>
        <source>E-mail sent: %1</source>
        <translation>E-Mail gesendet: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n e-mail(s) failed</source>
        <translation>
            <numerusform>%n E-Mail fehlgeschlagen</numerusform>
            <numerusform>%n E-Mails fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message>
        <source>Outbox: all sent</source>
        <translation>Postausgang: alles gesendet</translation>
    </message>
    <message>
        <source>E-mail %1 not sent yet, retry at %2: %3</source>
        <translation>E-Mail %1 noch nicht gesendet, neuer Versuch um %2: %3</translation>
    </message>
    <message>
        <source>Outbox: waiting to retry</source>
        <translation>Postausgang: wartet auf neuen Versuch</translation>
    </message>
    <message>
        <source>E-mail %1 failed (%2): %3</source>
        <translation>E-Mail %1 fehlgeschlagen (%2): %3</translation>
    </message>
    <message>
        <source>Outbox problem: %1</source>
        <translation>Problem im Postausgang: %1</translation>
    </message>
    <message>
        <source>Outbox problem</source>
        <translation>Problem im Postausgang</translation>
    </message>
    <message numerus="yes">
        <source>%n unsaved wrap-up(s) from an earlier session: please finish this one.</source>
        <translation>
            <numerusform>%n ungespeicherte Nachbearbeitung aus einer früheren Sitzung: bitte diese abschließen.</numerusform>
            <numerusform>%n ungespeicherte Nachbearbeitungen aus einer früheren Sitzung: bitte diese abschließen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Wrap-up</source>
        <translation>Nachbearbeitung</translation>
    </message>
    <message>
        <source>unknown number</source>
        <translation>unbekannter Nummer</translation>
    </message>
    <message>
        <source>Incoming call from %1</source>
        <translation>Anruf von %1</translation>
    </message>
    <message>
        <source>Incoming call from %1 on the %2 line</source>
        <translation>Anruf von %1 auf der Leitung %2</translation>
    </message>
    <message>
        <source>%1 call from %2</source>
        <translation>%1: Anruf von %2</translation>
    </message>
    <message>
        <source>Call dropped (the phone engine restarted).</source>
        <translation>Anruf abgebrochen (die Telefon-Engine wurde neu gestartet).</translation>
    </message>
    <message>
        <source>The call could not be recorded: %1</source>
        <translation>Der Anruf konnte nicht erfasst werden: %1</translation>
    </message>
    <message>
        <source>The call was lost when the phone engine restarted. Please record what you can.</source>
        <translation>Der Anruf ging beim Neustart der Telefon-Engine verloren. Bitte erfassen Sie, was Sie wissen.</translation>
    </message>
    <message>
        <source>Call ended. Wrap-up: Alt+1 answered directly, Alt+2 forward by e-mail, Alt+3 appointment.</source>
        <translation>Anruf beendet. Nachbearbeitung: Alt+1 direkt beantwortet, Alt+2 per E-Mail weiterleiten, Alt+3 Termin.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Call saved: %1</source>
        <translation>Anruf gespeichert: %1</translation>
    </message>
    <message>
        <source>Not forwarded: %1</source>
        <translation>Nicht weitergeleitet: %1</translation>
    </message>
    <message>
        <source>Outbox: mail not configured</source>
        <translation>Postausgang: E-Mail nicht eingerichtet</translation>
    </message>
    <message>
        <source>Case %1 forwarded, due %2</source>
        <translation>Vorgang %1 weitergeleitet, fällig %2</translation>
    </message>
    <message>
        <source>Open the service first: the appointment is booked for the service on screen.</source>
        <translation>Bitte zuerst die Leistung öffnen: Der Termin wird für die angezeigte Leistung gebucht.</translation>
    </message>
    <message>
        <source>The appointment is booked, but the call was not saved: %1</source>
        <translation>Der Termin ist gebucht, aber der Anruf wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Appointment booked for %1</source>
        <translation>Termin gebucht für %1</translation>
    </message>
    <message>
        <source>Phone ready (port %1)</source>
        <translation>Telefon bereit (Port %1)</translation>
    </message>
    <message>
        <source>Phone reconnected</source>
        <translation>Telefon wieder verbunden</translation>
    </message>
    <message>
        <source>Phone unavailable, retrying: %1</source>
        <translation>Telefon nicht verfügbar, neuer Versuch: %1</translation>
    </message>
    <message>
        <source>Phone registered</source>
        <translation>Telefon angemeldet</translation>
    </message>
    <message>
        <source>Registration: %1</source>
        <translation>Anmeldung: %1</translation>
    </message>
    <message>
        <source>Phone: %1</source>
        <translation>Telefon: %1</translation>
    </message>
    <message>
        <source>Phone stopped</source>
        <translation>Telefon beendet</translation>
    </message>
    <message>
        <source>Case %1 (%2) is due %3</source>
        <translation>Vorgang %1 (%2) ist fällig %3</translation>
    </message>
    <message>
        <source>&amp;Answer the call</source>
        <translation>Anruf &amp;annehmen</translation>
    </message>
    <message>
        <source>&amp;Decline the call</source>
        <translation>Anruf a&amp;blehnen</translation>
    </message>
    <message>
        <source>&amp;Hang up</source>
        <translation>&amp;Auflegen</translation>
    </message>
    <message>
        <source>Hold or &amp;resume</source>
        <translation>Halten oder &amp;fortsetzen</translation>
    </message>
    <message>
        <source>&amp;Mute or unmute</source>
        <translation>&amp;Stumm schalten oder aufheben</translation>
    </message>
    <message>
        <source>&amp;Transfer the call</source>
        <translation>Anruf &amp;weiterleiten</translation>
    </message>
    <message>
        <source>Ready for calls</source>
        <translation>Bereit für Anrufe</translation>
    </message>
    <message>
        <source>Not ready (break)</source>
        <translation>Nicht bereit (Pause)</translation>
    </message>
    <message>
        <source>Wrap-up: answered directly</source>
        <translation>Nachbearbeitung: direkt beantwortet</translation>
    </message>
    <message>
        <source>Wrap-up: forward by e-mail</source>
        <translation>Nachbearbeitung: per E-Mail weiterleiten</translation>
    </message>
    <message>
        <source>Wrap-up: appointment</source>
        <translation>Nachbearbeitung: Termin</translation>
    </message>
    <message>
        <source>Add the service on screen to the wrap-up</source>
        <translation>Angezeigte Leistung zur Nachbearbeitung hinzufügen</translation>
    </message>
    <message>
        <source>Open &amp;cases</source>
        <translation>Offene &amp;Vorgänge</translation>
    </message>
    <message>
        <source>Phone status</source>
        <translation>Telefonstatus</translation>
    </message>
    <message>
        <source>Outbox status</source>
        <translation>Status des Postausgangs</translation>
    </message>
    <message>
        <source>&amp;Outbox (sent and failed e-mails)</source>
        <translation>&amp;Postausgang (gesendete und fehlgeschlagene E-Mails)</translation>
    </message>
    <message>
        <source>Appoint&amp;ments (cancel, move)</source>
        <translation>&amp;Termine (absagen, verlegen)</translation>
    </message>
</context>
<context>
    <name>desk::CallerPanel</name>
    <message>
        <source>Call in progress</source>
        <translation>Anruf läuft</translation>
    </message>
    <message>
        <source>No call</source>
        <translation>Kein Anruf</translation>
    </message>
    <message>
        <source>Recorded by hand since %1</source>
        <translation>Von Hand erfasst seit %1</translation>
    </message>
    <message>
        <source>Telephony is not connected yet. Start a call record by hand when a call comes in.</source>
        <translation>Die Telefonie ist noch nicht angebunden. Beginnen Sie bei einem Anruf eine Anrufnotiz von Hand.</translation>
    </message>
    <message>
        <source>End call record</source>
        <translation>Anrufnotiz beenden</translation>
    </message>
    <message>
        <source>Start call record</source>
        <translation>Anrufnotiz beginnen</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Strg+N</translation>
    </message>
    <message>
        <source>Ends the current call record with the services viewed and your notes</source>
        <translation>Beendet die Anrufnotiz mit den angesehenen Dienstleistungen und Ihren Notizen</translation>
    </message>
    <message>
        <source>Starts a record of the current call: the services you open are noted in it</source>
        <translation>Beginnt eine Notiz zum aktuellen Anruf: Geöffnete Dienstleistungen werden darin vermerkt</translation>
    </message>
    <message>
        <source>Services viewed in this call</source>
        <translation>In diesem Anruf angesehen</translation>
    </message>
    <message>
        <source>Services opened since the call record started</source>
        <translation>Seit Beginn der Anrufnotiz geöffnete Dienstleistungen</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Notizen</translation>
    </message>
    <message>
        <source>Call notes</source>
        <translation>Anrufnotizen</translation>
    </message>
    <message>
        <source>Free notes for the current call record</source>
        <translation>Freie Notizen zum aktuellen Anruf</translation>
    </message>
    <message>
        <source>What does the caller need?</source>
        <translation>Was braucht die anrufende Person?</translation>
    </message>
    <message>
        <source>Call duration</source>
        <translation>Anrufdauer</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>Anrufer</translation>
    </message>
    <message>
        <source>Who is calling, as far as known</source>
        <translation>Wer anruft, soweit bekannt</translation>
    </message>
</context>
<context>
    <name>desk::CasesView</name>
    <message>
        <source>Open cases</source>
        <translation>Offene Vorgänge</translation>
    </message>
    <message>
        <source>Search by case number or phone number…</source>
        <translation>Suche nach Vorgangs- oder Telefonnummer…</translation>
    </message>
    <message>
        <source>Search cases</source>
        <translation>Vorgänge suchen</translation>
    </message>
    <message>
        <source>Case number or phone number of the citizen</source>
        <translation>Vorgangsnummer oder Telefonnummer der Person</translation>
    </message>
    <message>
        <source>Forwarded questions by deadline; overdue ones are highlighted</source>
        <translation>Weitergeleitete Anliegen nach Frist; überfällige sind hervorgehoben</translation>
    </message>
    <message>
        <source>Mark &amp;answered</source>
        <translation>Als &amp;beantwortet markieren</translation>
    </message>
    <message>
        <source>Mark answered</source>
        <translation>Als beantwortet markieren</translation>
    </message>
    <message>
        <source>The office answered the citizen: closes the selected case</source>
        <translation>Die Dienststelle hat geantwortet: schließt den gewählten Vorgang</translation>
    </message>
    <message>
        <source>Mark &amp;called back</source>
        <translation>Als &amp;zurückgerufen markieren</translation>
    </message>
    <message>
        <source>Mark called back</source>
        <translation>Als zurückgerufen markieren</translation>
    </message>
    <message>
        <source>The citizen was called back: closes the selected case</source>
        <translation>Die Person wurde zurückgerufen: schließt den gewählten Vorgang</translation>
    </message>
    <message>
        <source>Cases status</source>
        <translation>Status der Vorgänge</translation>
    </message>
    <message numerus="yes">
        <source>%n open case(s)</source>
        <translation>
            <numerusform>%n offener Vorgang</numerusform>
            <numerusform>%n offene Vorgänge</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a case first.</source>
        <translation>Bitte zuerst einen Vorgang wählen.</translation>
    </message>
    <message>
        <source>Case %1 closed.</source>
        <translation>Vorgang %1 abgeschlossen.</translation>
    </message>
</context>
<context>
    <name>desk::ForwardDialog</name>
    <message>
        <source>Forward by e-mail</source>
        <translation>Per E-Mail weiterleiten</translation>
    </message>
    <message>
        <source>Office &amp;e-mail</source>
        <translation>&amp;E-Mail der Dienststelle</translation>
    </message>
    <message>
        <source>Where the question goes; from the catalogue, editable</source>
        <translation>Wohin das Anliegen geht; aus dem Katalog, änderbar</translation>
    </message>
    <message>
        <source>&amp;Office</source>
        <translation>&amp;Dienststelle</translation>
    </message>
    <message>
        <source>The responsible office</source>
        <translation>Die zuständige Dienststelle</translation>
    </message>
    <message>
        <source>Se&amp;rvice</source>
        <translation>&amp;Leistung</translation>
    </message>
    <message>
        <source>The service the question is about</source>
        <translation>Die Leistung, um die es geht</translation>
    </message>
    <message>
        <source>&amp;Question</source>
        <translation>&amp;Anliegen</translation>
    </message>
    <message>
        <source>The citizen&apos;s question in your words</source>
        <translation>Das Anliegen in Ihren Worten</translation>
    </message>
    <message>
        <source>Citizen&apos;s &amp;name</source>
        <translation>&amp;Name der Bürgerin / des Bürgers</translation>
    </message>
    <message>
        <source>Who the office answers</source>
        <translation>Wem die Dienststelle antwortet</translation>
    </message>
    <message>
        <source>Callback &amp;phone</source>
        <translation>Rückruf-&amp;Telefon</translation>
    </message>
    <message>
        <source>Phone number for the office&apos;s answer</source>
        <translation>Telefonnummer für die Antwort der Dienststelle</translation>
    </message>
    <message>
        <source>Callback e-&amp;mail</source>
        <translation>Rückruf-E-&amp;Mail</translation>
    </message>
    <message>
        <source>E-mail address for the office&apos;s answer</source>
        <translation>E-Mail-Adresse für die Antwort der Dienststelle</translation>
    </message>
    <message>
        <source>The citizen agrees that the office receives these contact details</source>
        <translation>Die Person ist einverstanden, dass die Dienststelle diese Kontaktdaten erhält</translation>
    </message>
    <message>
        <source>&amp;Consent</source>
        <translation>&amp;Einwilligung</translation>
    </message>
    <message>
        <source>Contact details go to the office only with consent</source>
        <translation>Kontaktdaten gehen nur mit Einwilligung an die Dienststelle</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Frist</translation>
    </message>
    <message>
        <source>By when the office answers the citizen (business calendar)</source>
        <translation>Bis wann die Dienststelle antwortet (Geschäftskalender)</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Senden</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Commits the case and sends the e-mail</source>
        <translation>Legt den Vorgang an und sendet die E-Mail</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Back to the wrap-up</source>
        <translation>Zurück zur Nachbearbeitung</translation>
    </message>
</context>
<context>
    <name>desk::MailSettingsPage</name>
    <message>
        <source>Send forwards and confirmations by e-mail</source>
        <translation>Weiterleitungen und Bestätigungen per E-Mail senden</translation>
    </message>
    <message>
        <source>SMTP &amp;server:</source>
        <translation>SMTP-&amp;Server:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>&amp;Security:</source>
        <translation>&amp;Sicherheit:</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Anmeldename:</translation>
    </message>
    <message>
        <source>Unchanged (kept in the system keychain)</source>
        <translation>Unverändert (im Schlüsselbund des Systems)</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <source>Sender &amp;address:</source>
        <translation>Absender&amp;adresse:</translation>
    </message>
    <message>
        <source>Sender &amp;name:</source>
        <translation>Absender&amp;name:</translation>
    </message>
    <message>
        <source>Public holidays of &amp;state:</source>
        <translation>Feiertage des &amp;Landes:</translation>
    </message>
    <message>
        <source>Service &amp;hours:</source>
        <translation>Service&amp;zeiten:</translation>
    </message>
    <message>
        <source>Send e-mail</source>
        <translation>E-Mail senden</translation>
    </message>
    <message>
        <source>On: forwards and confirmations go out through this server</source>
        <translation>Ein: Weiterleitungen und Bestätigungen gehen über diesen Server</translation>
    </message>
    <message>
        <source>SMTP server</source>
        <translation>SMTP-Server</translation>
    </message>
    <message>
        <source>Host name of the mail server</source>
        <translation>Hostname des Mailservers</translation>
    </message>
    <message>
        <source>SMTP port</source>
        <translation>SMTP-Port</translation>
    </message>
    <message>
        <source>587 for STARTTLS, 465 for TLS</source>
        <translation>587 für STARTTLS, 465 für TLS</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sicherheit</translation>
    </message>
    <message>
        <source>None, STARTTLS or TLS</source>
        <translation>Keine, STARTTLS oder TLS</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Anmeldename</translation>
    </message>
    <message>
        <source>User name at the mail server; empty: no login</source>
        <translation>Benutzername am Mailserver; leer: ohne Anmeldung</translation>
    </message>
    <message>
        <source>Mail password</source>
        <translation>Mail-Passwort</translation>
    </message>
    <message>
        <source>Stored in the system keychain, never in the settings file</source>
        <translation>Im Schlüsselbund des Systems gespeichert, nie in der Einstellungsdatei</translation>
    </message>
    <message>
        <source>Sender address</source>
        <translation>Absenderadresse</translation>
    </message>
    <message>
        <source>The hotline&apos;s mailbox</source>
        <translation>Das Postfach der Hotline</translation>
    </message>
    <message>
        <source>Sender name</source>
        <translation>Absendername</translation>
    </message>
    <message>
        <source>Shown as the sender, e.g. Bürgertelefon</source>
        <translation>Als Absender angezeigt, z. B. Bürgertelefon</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>German state whose public holidays count for deadlines</source>
        <translation>Bundesland, dessen Feiertage für Fristen zählen</translation>
    </message>
    <message>
        <source>Service hours</source>
        <translation>Servicezeiten</translation>
    </message>
    <message>
        <source>Working hours for deadlines, e.g. Mon-Fri 08:00-18:00</source>
        <translation>Arbeitszeiten für Fristen, z. B. Mon-Fri 08:00-18:00</translation>
    </message>
</context>
<context>
    <name>desk::MainWindow</name>
    <message>
        <source>About Hotline Desk</source>
        <translation>Über Hotline Desk</translation>
    </message>
    <message>
        <source>&lt;b&gt;Hotline Desk&lt;/b&gt; %1&lt;p&gt;The workstation for the agents of citizen hotlines.&lt;/p&gt;&lt;p&gt;Catalogue texts: Landeshauptstadt München (MIT).&lt;/p&gt;</source>
        <translation>&lt;b&gt;Hotline Desk&lt;/b&gt; %1&lt;p&gt;Der Arbeitsplatz für Bürgertelefone.&lt;/p&gt;&lt;p&gt;Katalogtexte: Landeshauptstadt München (MIT).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Hotline Desk</source>
        <translation>Hotline Desk</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Service</source>
        <translation>Dienst&amp;leistung</translation>
    </message>
    <message>
        <source>&amp;Call</source>
        <translation>A&amp;nruf</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <source>Put the cursor into the search box</source>
        <translation>Setzt den Cursor ins Suchfeld</translation>
    </message>
    <message>
        <source>Search &amp;results</source>
        <translation>Such&amp;ergebnisse</translation>
    </message>
    <message>
        <source>&amp;A–Z index</source>
        <translation>&amp;A–Z-Verzeichnis</translation>
    </message>
    <message>
        <source>&amp;Categories</source>
        <translation>&amp;Kategorien</translation>
    </message>
    <message>
        <source>&amp;Recently viewed</source>
        <translation>&amp;Zuletzt angesehen</translation>
    </message>
    <message>
        <source>&amp;Favourites</source>
        <translation>&amp;Favoriten</translation>
    </message>
    <message>
        <source>Go to the &amp;article</source>
        <translation>Zum A&amp;rtikel</translation>
    </message>
    <message>
        <source>&amp;Copy essentials for an e-mail</source>
        <translation>Wesentliches für eine E-Mail &amp;kopieren</translation>
    </message>
    <message>
        <source>Copies title, documents, fees, office and links as plain text</source>
        <translation>Kopiert Titel, Unterlagen, Gebühren, Dienststelle und Links als reinen Text</translation>
    </message>
    <message>
        <source>Add to or remove from &amp;favourites</source>
        <translation>Zu &amp;Favoriten hinzufügen oder entfernen</translation>
    </message>
    <message>
        <source>Open in the city &amp;portal</source>
        <translation>Im Stadt&amp;portal öffnen</translation>
    </message>
    <message>
        <source>Start or end a call &amp;record</source>
        <translation>Anruf&amp;notiz beginnen oder beenden</translation>
    </message>
    <message>
        <source>S&amp;ettings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;About Hotline Desk</source>
        <translation>Ü&amp;ber Hotline Desk</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>Arbeitsplatz</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>Anrufer</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienstleistung</translation>
    </message>
    <message>
        <source>Catalogue status</source>
        <translation>Katalogstatus</translation>
    </message>
    <message numerus="yes">
        <source>%n service(s) in the catalogue</source>
        <translation>
            <numerusform>%n Dienstleistung im Katalog</numerusform>
            <numerusform>%n Dienstleistungen im Katalog</numerusform>
        </translation>
    </message>
    <message>
        <source>Catalogue unavailable</source>
        <translation>Katalog nicht verfügbar</translation>
    </message>
    <message>
        <source>Catalogue unavailable: %1</source>
        <translation>Katalog nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>Loading the catalogue…</source>
        <translation>Katalog wird geladen…</translation>
    </message>
    <message>
        <source>The catalogue is unavailable: %1

Check the database path in the settings (Ctrl+,). Telephony keeps working.</source>
        <translation>Der Katalog ist nicht verfügbar: %1

Prüfen Sie den Datenbankpfad in den Einstellungen (Strg+,). Die Telefonie arbeitet weiter.</translation>
    </message>
    <message>
        <source>Essentials of “%1” copied</source>
        <translation>Wesentliches zu „%1“ kopiert</translation>
    </message>
    <message>
        <source>Added to favourites</source>
        <translation>Zu den Favoriten hinzugefügt</translation>
    </message>
    <message>
        <source>Removed from favourites</source>
        <translation>Aus den Favoriten entfernt</translation>
    </message>
    <message>
        <source>No application could open %1</source>
        <translation>Keine Anwendung konnte %1 öffnen</translation>
    </message>
    <message>
        <source>Close the browser &amp;tab</source>
        <translation>Browser-&amp;Tab schließen</translation>
    </message>
    <message>
        <source>Call record</source>
        <translation>Anrufnotiz</translation>
    </message>
    <message>
        <source>Copy for e-mail</source>
        <translation>Für E-Mail kopieren</translation>
    </message>
    <message>
        <source>Favourite</source>
        <translation>Favorit</translation>
    </message>
    <message>
        <source>City portal</source>
        <translation>Stadtportal</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>Werkzeugleiste</translation>
    </message>
</context>
<context>
    <name>desk::OutboxView</name>
    <message>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>wird gesendet</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>gesendet</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>unconfirmed</source>
        <translation>unbestätigt</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Postausgang</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Server&apos;s reply</source>
        <translation>Antwort des Servers</translation>
    </message>
    <message>
        <source>Forwards and confirmations with their state and the server&apos;s last reply</source>
        <translation>Weiterleitungen und Bestätigungen mit Status und letzter Antwort des Servers</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Erneut senden</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut senden</translation>
    </message>
    <message>
        <source>Puts the selected failed e-mail back into the queue</source>
        <translation>Stellt die gewählte fehlgeschlagene E-Mail wieder in die Warteschlange</translation>
    </message>
    <message>
        <source>Outbox status</source>
        <translation>Status des Postausgangs</translation>
    </message>
    <message>
        <source>Outbox unavailable: %1</source>
        <translation>Postausgang nicht verfügbar: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n e-mail(s)</source>
        <translation>
            <numerusform>%n E-Mail</numerusform>
            <numerusform>%n E-Mails</numerusform>
        </translation>
    </message>
    <message>
        <source>Select an e-mail first.</source>
        <translation>Bitte zuerst eine E-Mail wählen.</translation>
    </message>
    <message>
        <source>E-mail queued again.</source>
        <translation>E-Mail wieder in der Warteschlange.</translation>
    </message>
</context>
<context>
    <name>desk::ResultDelegate</name>
    <message numerus="yes">
        <source>%1 (+%n more)</source>
        <translation>
            <numerusform>%1 (+%n weitere)</numerusform>
            <numerusform>%1 (+%n weitere)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>desk::SearchPanel</name>
    <message>
        <source>Other services</source>
        <translation>Weitere Dienstleistungen</translation>
    </message>
    <message>
        <source>No service found for “%1”</source>
        <translation>Keine Dienstleistung zu „%1“ gefunden</translation>
    </message>
    <message numerus="yes">
        <source>%n service(s) found</source>
        <translation>
            <numerusform>%n Dienstleistung gefunden</numerusform>
            <numerusform>%n Dienstleistungen gefunden</numerusform>
        </translation>
    </message>
    <message>
        <source>Search took %1 ms</source>
        <translation>Suche dauerte %1 ms</translation>
    </message>
    <message>
        <source>Search services (Ctrl+K) – e.g. “perso”, “ummelden”</source>
        <translation>Dienstleistungen suchen (Strg+K) – z. B. „perso“, „ummelden“</translation>
    </message>
    <message>
        <source>Search services</source>
        <translation>Dienstleistungen suchen</translation>
    </message>
    <message>
        <source>Results update while you type. Down arrow moves into the results, Enter opens the first result.</source>
        <translation>Die Ergebnisse erscheinen beim Tippen. Pfeil nach unten wechselt in die Ergebnisse, die Eingabetaste öffnet das erste Ergebnis.</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <source>A–Z</source>
        <translation>A–Z</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Kategorien</translation>
    </message>
    <message>
        <source>Recent</source>
        <translation>Zuletzt</translation>
    </message>
    <message>
        <source>Favourites</source>
        <translation>Favoriten</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>Listen</translation>
    </message>
    <message>
        <source>Search results, A–Z index, categories, recently viewed, favourites</source>
        <translation>Suchergebnisse, A–Z-Verzeichnis, Kategorien, zuletzt angesehen, Favoriten</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Suchergebnisse</translation>
    </message>
    <message>
        <source>Services matching the search. Enter opens the selected service.</source>
        <translation>Zur Suche passende Dienstleistungen. Die Eingabetaste öffnet die gewählte.</translation>
    </message>
    <message>
        <source>Services grouped by category. Enter opens the selected service.</source>
        <translation>Dienstleistungen nach Kategorien. Die Eingabetaste öffnet die gewählte.</translation>
    </message>
    <message>
        <source>Recently viewed</source>
        <translation>Zuletzt angesehen</translation>
    </message>
    <message>
        <source>The services you opened last, newest first</source>
        <translation>Die zuletzt geöffneten Dienstleistungen, neueste zuerst</translation>
    </message>
    <message>
        <source>Services you marked as favourite (Ctrl+D)</source>
        <translation>Als Favorit markierte Dienstleistungen (Strg+D)</translation>
    </message>
    <message>
        <source>Search status</source>
        <translation>Suchstatus</translation>
    </message>
    <message>
        <source>Shows more tabs</source>
        <translation>Zeigt weitere Tabs</translation>
    </message>
</context>
<context>
    <name>desk::SearchWorker</name>
    <message>
        <source>The catalogue could not be opened.</source>
        <translation>Der Katalog konnte nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>The catalogue is not available.</source>
        <translation>Der Katalog ist nicht verfügbar.</translation>
    </message>
    <message>
        <source>The service %1 is no longer in the catalogue.</source>
        <translation>Die Dienstleistung %1 ist nicht mehr im Katalog.</translation>
    </message>
</context>
<context>
    <name>desk::SettingsDialog</name>
    <message>
        <source>Save the settings</source>
        <translation>Speichert die Einstellungen</translation>
    </message>
    <message>
        <source>Close without saving</source>
        <translation>Schließt ohne zu speichern</translation>
    </message>
    <message>
        <source>Catalogue database</source>
        <translation>Katalogdatenbank</translation>
    </message>
    <message>
        <source>SQLite databases (*.sqlite *.db);;All files (*)</source>
        <translation>SQLite-Datenbanken (*.sqlite *.db);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>Telephony</source>
        <translation>Telefonie</translation>
    </message>
    <message>
        <source>Mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>Einstellungsseiten</translation>
    </message>
    <message>
        <source>Choose a page of settings</source>
        <translation>Wählt eine Seite der Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Catalogue database:</source>
        <translation>&amp;Katalogdatenbank:</translation>
    </message>
    <message>
        <source>Default: %1</source>
        <translation>Standard: %1</translation>
    </message>
    <message>
        <source>Path of the SQLite catalogue. Empty uses the default location.</source>
        <translation>Pfad des SQLite-Katalogs. Leer bedeutet den Standardort.</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>Browse for the catalogue database</source>
        <translation>Katalogdatenbank auswählen</translation>
    </message>
    <message>
        <source>Opens a file dialog to choose the database file</source>
        <translation>Öffnet einen Dateidialog zur Wahl der Datenbankdatei</translation>
    </message>
    <message>
        <source>&amp;Default</source>
        <translation>&amp;Standard</translation>
    </message>
    <message>
        <source>Use the default database</source>
        <translation>Standarddatenbank verwenden</translation>
    </message>
    <message>
        <source>Clears the path so the default location is used</source>
        <translation>Leert den Pfad, damit der Standardort gilt</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Language of the desk; applies at once</source>
        <translation>Sprache des Arbeitsplatzes; gilt sofort</translation>
    </message>
    <message>
        <source>Open &amp;links in:</source>
        <translation>&amp;Links öffnen in:</translation>
    </message>
    <message>
        <source>System web browser</source>
        <translation>Webbrowser des Systems</translation>
    </message>
    <message>
        <source>Tab inside the desk</source>
        <translation>Tab im Arbeitsplatz</translation>
    </message>
    <message>
        <source>Open links in</source>
        <translation>Links öffnen in</translation>
    </message>
    <message>
        <source>Where links to online services open when you click them</source>
        <translation>Wo sich Links zu Online-Diensten beim Anklicken öffnen</translation>
    </message>
    <message>
        <source>Language and link handling apply at once. A new database path is opened when you press OK; a new, empty database is filled with the built-in catalogue.</source>
        <translation>Sprache und Link-Verhalten gelten sofort. Ein neuer Datenbankpfad wird mit OK geöffnet; eine neue, leere Datenbank wird mit dem mitgelieferten Katalog gefüllt.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Telephony&lt;/b&gt;&lt;p&gt;Changes apply at the next start of the desk.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Telefonie&lt;/b&gt;&lt;p&gt;Änderungen gelten ab dem nächsten Start.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Mail and business calendar&lt;/b&gt;&lt;p&gt;Changes apply at the next start of the desk.&lt;/p&gt;</source>
        <translation>&lt;b&gt;E-Mail und Geschäftskalender&lt;/b&gt;&lt;p&gt;Änderungen gelten ab dem nächsten Start.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>desk::ShortcutsOverlay</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Lists every action with its shortcut. Esc or F1 closes it.</source>
        <translation>Listet alle Aktionen mit ihren Tastenkürzeln. Esc oder F1 schließt die Übersicht.</translation>
    </message>
    <message>
        <source>Down / Up</source>
        <translation>Pfeil nach unten / oben</translation>
    </message>
    <message>
        <source>Move between the search box and the results</source>
        <translation>Zwischen Suchfeld und Ergebnissen wechseln</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Eingabetaste</translation>
    </message>
    <message>
        <source>Open the selected service</source>
        <translation>Gewählte Dienstleistung öffnen</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Back to the search box; clears it when already there</source>
        <translation>Zurück ins Suchfeld; leert es, wenn Sie schon dort sind</translation>
    </message>
    <message>
        <source>Letter in the A–Z list</source>
        <translation>Buchstabe in der A–Z-Liste</translation>
    </message>
    <message>
        <source>Jump to services starting with that letter</source>
        <translation>Zu Dienstleistungen mit diesem Anfangsbuchstaben springen</translation>
    </message>
    <message>
        <source>Press Esc or F1 to close.</source>
        <translation>Esc oder F1 schließt diese Übersicht.</translation>
    </message>
</context>
<context>
    <name>desk::TelephonySettingsPage</name>
    <message>
        <source>Take calls over SIP (otherwise calls are recorded by hand)</source>
        <translation>Anrufe über SIP annehmen (sonst werden Anrufe von Hand erfasst)</translation>
    </message>
    <message>
        <source>SIP &amp;user:</source>
        <translation>SIP-&amp;Benutzer:</translation>
    </message>
    <message>
        <source>SIP &amp;domain:</source>
        <translation>SIP-&amp;Domäne:</translation>
    </message>
    <message>
        <source>&amp;Transport:</source>
        <translation>&amp;Transport:</translation>
    </message>
    <message>
        <source>Empty: no registrar, listen on the port</source>
        <translation>Leer: ohne Registrar, auf dem Port lauschen</translation>
    </message>
    <message>
        <source>&amp;Registrar:</source>
        <translation>&amp;Registrar:</translation>
    </message>
    <message>
        <source>Local SIP &amp;port:</source>
        <translation>Lokaler SIP-&amp;Port:</translation>
    </message>
    <message>
        <source>Unchanged (kept in the system keychain)</source>
        <translation>Unverändert (im Schlüsselbund des Systems)</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <source>&amp;Microphone:</source>
        <translation>&amp;Mikrofon:</translation>
    </message>
    <message>
        <source>&amp;Headset / speaker:</source>
        <translation>&amp;Headset / Lautsprecher:</translation>
    </message>
    <message>
        <source>0341 115-0=Leipzig; 115=Dresden</source>
        <translation>0341 115-0=Leipzig; 115=Dresden</translation>
    </message>
    <message>
        <source>Lines → &amp;municipalities:</source>
        <translation>Leitungen → &amp;Gemeinden:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>&amp;Wrap-up time:</source>
        <translation>&amp;Nachbearbeitungszeit:</translation>
    </message>
    <message>
        <source>Not ready again until the call&apos;s outcome is saved</source>
        <translation>Erst wieder bereit, wenn das Ergebnis des Anrufs gespeichert ist</translation>
    </message>
    <message>
        <source>Telephony over SIP</source>
        <translation>Telefonie über SIP</translation>
    </message>
    <message>
        <source>On: the desk is your SIP phone</source>
        <translation>Ein: der Arbeitsplatz ist Ihr SIP-Telefon</translation>
    </message>
    <message>
        <source>SIP user</source>
        <translation>SIP-Benutzer</translation>
    </message>
    <message>
        <source>Account name at the phone system</source>
        <translation>Kontoname an der Telefonanlage</translation>
    </message>
    <message>
        <source>SIP domain</source>
        <translation>SIP-Domäne</translation>
    </message>
    <message>
        <source>Domain of the SIP account</source>
        <translation>Domäne des SIP-Kontos</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>Transport</translation>
    </message>
    <message>
        <source>UDP, TCP or TLS</source>
        <translation>UDP, TCP oder TLS</translation>
    </message>
    <message>
        <source>Registrar</source>
        <translation>Registrar</translation>
    </message>
    <message>
        <source>Host and port of the phone system; empty: listen directly</source>
        <translation>Host und Port der Telefonanlage; leer: direkt lauschen</translation>
    </message>
    <message>
        <source>Local SIP port</source>
        <translation>Lokaler SIP-Port</translation>
    </message>
    <message>
        <source>Port the desk listens on; 0 picks a free one</source>
        <translation>Port, auf dem der Arbeitsplatz lauscht; 0 wählt einen freien</translation>
    </message>
    <message>
        <source>SIP password</source>
        <translation>SIP-Passwort</translation>
    </message>
    <message>
        <source>Stored in the system keychain, never in the settings file</source>
        <translation>Im Schlüsselbund des Systems gespeichert, nie in der Einstellungsdatei</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>Mikrofon</translation>
    </message>
    <message>
        <source>Audio input device</source>
        <translation>Audio-Eingabegerät</translation>
    </message>
    <message>
        <source>Headset or speaker</source>
        <translation>Headset oder Lautsprecher</translation>
    </message>
    <message>
        <source>Audio output device</source>
        <translation>Audio-Ausgabegerät</translation>
    </message>
    <message>
        <source>Lines and municipalities</source>
        <translation>Leitungen und Gemeinden</translation>
    </message>
    <message>
        <source>Which municipality each dialled line belongs to</source>
        <translation>Zu welcher Gemeinde jede angerufene Leitung gehört</translation>
    </message>
    <message>
        <source>Wrap-up time</source>
        <translation>Nachbearbeitungszeit</translation>
    </message>
    <message>
        <source>Seconds after a call before you are ready again</source>
        <translation>Sekunden nach einem Anruf, bis Sie wieder bereit sind</translation>
    </message>
    <message>
        <source>Not ready until outcome saved</source>
        <translation>Nicht bereit bis Ergebnis gespeichert</translation>
    </message>
    <message>
        <source>After a call you get no new call until its outcome is saved</source>
        <translation>Nach einem Anruf kommt kein neuer, bis das Ergebnis gespeichert ist</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
</context>
<context>
    <name>desk::WrapUpPanel</name>
    <message>
        <source>Wrap-up: how did the call end?</source>
        <translation>Nachbearbeitung: Wie endete der Anruf?</translation>
    </message>
    <message>
        <source>Wrap-up</source>
        <translation>Nachbearbeitung</translation>
    </message>
    <message>
        <source>Topic services</source>
        <translation>Leistungen zum Anliegen</translation>
    </message>
    <message>
        <source>Services this call was about; Ctrl+Shift+A adds the one on screen</source>
        <translation>Leistungen, um die es ging; Strg+Umschalt+A fügt die angezeigte hinzu</translation>
    </message>
    <message>
        <source>Remove service</source>
        <translation>Leistung entfernen</translation>
    </message>
    <message>
        <source>Removes the selected service from this call</source>
        <translation>Entfernt die gewählte Leistung aus diesem Anruf</translation>
    </message>
    <message>
        <source>Wrap-up &amp;notes</source>
        <translation>&amp;Notizen zur Nachbearbeitung</translation>
    </message>
    <message>
        <source>Wrap-up notes</source>
        <translation>Notizen zur Nachbearbeitung</translation>
    </message>
    <message>
        <source>What the caller needed and what you told them</source>
        <translation>Was der Anrufer brauchte und was Sie gesagt haben</translation>
    </message>
    <message>
        <source>No data kept (the caller asked)</source>
        <translation>Keine Daten speichern (auf Wunsch des Anrufers)</translation>
    </message>
    <message>
        <source>No data kept</source>
        <translation>Keine Daten speichern</translation>
    </message>
    <message>
        <source>The caller&apos;s number and the notes are not stored</source>
        <translation>Nummer und Notizen werden nicht gespeichert</translation>
    </message>
    <message>
        <source>Answered directly</source>
        <translation>Direkt beantwortet</translation>
    </message>
    <message>
        <source>Saves the call as answered directly</source>
        <translation>Speichert den Anruf als direkt beantwortet</translation>
    </message>
    <message>
        <source>Forward by e-mail</source>
        <translation>Per E-Mail weiterleiten</translation>
    </message>
    <message>
        <source>Forwards the question to the responsible office with a deadline</source>
        <translation>Leitet das Anliegen mit Frist an die zuständige Dienststelle weiter</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>Termin</translation>
    </message>
    <message>
        <source>Books an appointment at an office</source>
        <translation>Bucht einen Termin bei einer Dienststelle</translation>
    </message>
    <message>
        <source>Result of the last wrap-up action</source>
        <translation>Ergebnis des letzten Schritts der Nachbearbeitung</translation>
    </message>
</context>
<context>
    <name>journal</name>
    <message>
        <source>The office e-mail address &quot;%1&quot; is not valid.</source>
        <translation>Die E-Mail-Adresse der Dienststelle „%1“ ist nicht gültig.</translation>
    </message>
    <message>
        <source>The hotline&apos;s sender address &quot;%1&quot; is not valid.</source>
        <translation>Die Absenderadresse der Hotline „%1“ ist nicht gültig.</translation>
    </message>
    <message>
        <source>The citizen&apos;s question is empty.</source>
        <translation>Das Anliegen ist leer.</translation>
    </message>
    <message>
        <source>The forward has no deadline.</source>
        <translation>Die Weiterleitung hat keine Frist.</translation>
    </message>
    <message>
        <source>The callback e-mail address &quot;%1&quot; is not valid.</source>
        <translation>Die Rückruf-E-Mail-Adresse „%1“ ist nicht gültig.</translation>
    </message>
    <message>
        <source>Consent is ticked but there is no phone number or e-mail address to call back.</source>
        <translation>Die Einwilligung ist angekreuzt, aber es gibt keine Telefonnummer oder E-Mail-Adresse für die Antwort.</translation>
    </message>
</context>
<context>
    <name>journal::CaseListModel</name>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 T %2 Std.</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 Std. %2 Min.</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 Min.</translation>
    </message>
    <message>
        <source>overdue by %1</source>
        <translation>überfällig seit %1</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Beantwortet</translation>
    </message>
    <message>
        <source>Called back</source>
        <translation>Zurückgerufen</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Vorgang</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Frist</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Restzeit</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Leistung</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Dienststelle</translation>
    </message>
    <message>
        <source>Callback</source>
        <translation>Rückruf</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>journal::JournalStore</name>
    <message>
        <source>Choose how the call ended.</source>
        <translation>Bitte wählen Sie, wie der Anruf endete.</translation>
    </message>
    <message>
        <source>The appointment outcome needs a booked appointment.</source>
        <translation>Das Ergebnis „Termin“ braucht einen gebuchten Termin.</translation>
    </message>
    <message>
        <source>There is no case %1.</source>
        <translation>Es gibt keinen Vorgang %1.</translation>
    </message>
</context>
</TS>

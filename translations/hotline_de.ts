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
        <translation>Zuständige Dienststelle</translation>
    </message>
    <message>
        <source>Responsible offices</source>
        <translation>Zuständige Dienststellen</translation>
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
        <translation>Zuständige Dienststelle: %1</translation>
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
    <name>DiffView</name>
    <message>
        <source>The two versions are the same.</source>
        <translation>Die beiden Fassungen sind gleich.</translation>
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
    <name>QShortcut</name>
    <message>
        <source>Return</source>
        <translation>Eingabe</translation>
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
        <translation>Dieser Termin wurde gerade an einem anderen Arbeitsplatz vergeben.</translation>
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
    <name>appointments::ServerWrites</name>
    <message>
        <source>Booking at %1 on %2 refused: %3</source>
        <translation>Buchung bei %1 am %2 abgelehnt: %3</translation>
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
    <message>
        <source>SIP over TLS needs a registrar: the SIP engine cannot accept incoming TLS connections. Enter the registrar or choose UDP or TCP.</source>
        <translation>SIP über TLS braucht einen Registrar: Die SIP-Engine kann keine eingehenden TLS-Verbindungen annehmen. Tragen Sie den Registrar ein oder wählen Sie UDP oder TCP.</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA-Zertifikat</translation>
    </message>
    <message>
        <source>client certificate</source>
        <translation>Client-Zertifikat</translation>
    </message>
    <message>
        <source>client key</source>
        <translation>Client-Schlüssel</translation>
    </message>
    <message>
        <source>The TLS %1 file &quot;%2&quot; does not exist or is not readable.</source>
        <translation>Die TLS-Datei (%1) „%2“ existiert nicht oder ist nicht lesbar.</translation>
    </message>
    <message>
        <source>A TLS client certificate needs its key and the other way round.</source>
        <translation>Ein TLS-Client-Zertifikat braucht seinen Schlüssel und umgekehrt.</translation>
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
        <translation>Dienststellen, die für diese Dienstleistung Termine vergeben</translation>
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
        <translation>Tele&amp;fon</translation>
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
        <translation>Für keine Dienststelle dieser Dienstleistung sind bisher Terminzeiten hinterlegt.</translation>
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
        <translation>Dieser Termin wurde gerade an einem anderen Arbeitsplatz vergeben. Hier sind die nächsten freien Termine.</translation>
    </message>
    <message>
        <source>Booking on the server…</source>
        <translation>Buchung auf dem Server …</translation>
    </message>
    <message>
        <source>The server refused the booking: %1</source>
        <translation>Der Server hat die Buchung abgelehnt: %1</translation>
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
        <translation>Dienstleistung</translation>
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
        <translation>Dieser Termin wurde gerade an einem anderen Arbeitsplatz vergeben. Hier sind die nächsten freien Termine.</translation>
    </message>
    <message>
        <source>Appointment moved to %1.</source>
        <translation>Termin verlegt auf %1.</translation>
    </message>
</context>
<context>
    <name>desk::ArticleEditor</name>
    <message>
        <source>Insert link</source>
        <translation>Link einfügen</translation>
    </message>
    <message>
        <source>Web address (https://…), e-mail (mailto:…) or phone (tel:…):</source>
        <translation>Webadresse (https://…), E-Mail (mailto:…) oder Telefon (tel:…):</translation>
    </message>
    <message>
        <source>Only https, http, mailto and tel links are allowed.</source>
        <translation>Nur https-, http-, mailto- und tel-Links sind erlaubt.</translation>
    </message>
    <message>
        <source>New document</source>
        <translation>Neue Unterlage</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>Tite&amp;l:</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Veröffentlichen</translation>
    </message>
    <message>
        <source>Change note (what changed, for the history):</source>
        <translation>Änderungsnotiz (was sich geändert hat, für die Versionsgeschichte):</translation>
    </message>
    <message>
        <source>B</source>
        <translation>F</translation>
    </message>
    <message>
        <source>I</source>
        <translation>K</translation>
    </message>
    <message>
        <source>• List</source>
        <translation>• Liste</translation>
    </message>
    <message>
        <source>1. List</source>
        <translation>1. Liste</translation>
    </message>
    <message>
        <source>Heading</source>
        <translation>Überschrift</translation>
    </message>
    <message>
        <source>Link…</source>
        <translation>Link…</translation>
    </message>
    <message>
        <source>Bold</source>
        <translation>Fett</translation>
    </message>
    <message>
        <source>Italic</source>
        <translation>Kursiv</translation>
    </message>
    <message>
        <source>Bulleted list</source>
        <translation>Aufzählung</translation>
    </message>
    <message>
        <source>Numbered list</source>
        <translation>Nummerierte Liste</translation>
    </message>
    <message>
        <source>Bold text (Ctrl+B)</source>
        <translation>Fetter Text (Strg+B)</translation>
    </message>
    <message>
        <source>Italic text (Ctrl+I)</source>
        <translation>Kursiver Text (Strg+I)</translation>
    </message>
    <message>
        <source>Turn the paragraph into a bulleted list item, or back</source>
        <translation>Macht den Absatz zum Aufzählungspunkt oder wieder zurück</translation>
    </message>
    <message>
        <source>Turn the paragraph into a numbered list item, or back</source>
        <translation>Macht den Absatz zum nummerierten Punkt oder wieder zurück</translation>
    </message>
    <message>
        <source>Turn the paragraph into a section heading, or back</source>
        <translation>Macht den Absatz zur Zwischenüberschrift oder wieder zurück</translation>
    </message>
    <message>
        <source>Link the selected text to a web address, e-mail or phone number</source>
        <translation>Verlinkt den markierten Text mit einer Webadresse, E-Mail oder Telefonnummer</translation>
    </message>
    <message>
        <source>&amp;Add document</source>
        <translation>Unterlage &amp;hinzufügen</translation>
    </message>
    <message>
        <source>Submit for revie&amp;w</source>
        <translation>Zur Prü&amp;fung einreichen</translation>
    </message>
    <message>
        <source>Comma-separated, e.g. Perso, ID card</source>
        <translation>Durch Kommas getrennt, z. B. Perso, Ausweis</translation>
    </message>
    <message>
        <source>Editing</source>
        <translation>Bearbeitung</translation>
    </message>
    <message>
        <source>Which service is open in the editor</source>
        <translation>Welche Dienstleistung im Editor geöffnet ist</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>The service&apos;s name as agents search for it</source>
        <translation>Der Name der Dienstleistung, unter dem sie gesucht wird</translation>
    </message>
    <message>
        <source>Synonyms</source>
        <translation>Synonyme</translation>
    </message>
    <message>
        <source>Other words callers use, separated by commas; they find the service too</source>
        <translation>Andere Wörter der Anrufenden, durch Kommas getrennt; sie finden die Dienstleistung ebenfalls</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Kurzbeschreibung</translation>
    </message>
    <message>
        <source>One or two plain sentences shown first</source>
        <translation>Ein oder zwei einfache Sätze, die zuerst angezeigt werden</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Rich text: use the buttons above for bold, italic, lists, headings and links</source>
        <translation>Formatierter Text: Schaltflächen darüber für fett, kursiv, Listen, Überschriften und Links</translation>
    </message>
    <message>
        <source>Documents to bring</source>
        <translation>Mitzubringende Unterlagen</translation>
    </message>
    <message>
        <source>One document per entry; F2 or double-click edits an entry</source>
        <translation>Eine Unterlage pro Eintrag; F2 oder Doppelklick bearbeitet einen Eintrag</translation>
    </message>
    <message>
        <source>Add document</source>
        <translation>Unterlage hinzufügen</translation>
    </message>
    <message>
        <source>Adds an entry to the documents to bring</source>
        <translation>Fügt den Unterlagen einen Eintrag hinzu</translation>
    </message>
    <message>
        <source>Remove document</source>
        <translation>Unterlage entfernen</translation>
    </message>
    <message>
        <source>Removes the selected document</source>
        <translation>Entfernt die ausgewählte Unterlage</translation>
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
        <source>How long the office takes</source>
        <translation>Wie lange die Dienststelle braucht</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>Rechtsgrundlage</translation>
    </message>
    <message>
        <source>The law or statute</source>
        <translation>Das Gesetz oder die Satzung</translation>
    </message>
    <message>
        <source>Responsible office</source>
        <translation>Zuständige Dienststelle</translation>
    </message>
    <message>
        <source>The office that handles the service</source>
        <translation>Die Dienststelle, die die Dienstleistung bearbeitet</translation>
    </message>
    <message>
        <source>Online service</source>
        <translation>Online-Dienst</translation>
    </message>
    <message>
        <source>Web address where citizens apply online</source>
        <translation>Webadresse, unter der Bürgerinnen und Bürger online beantragen</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>The group in the category list</source>
        <translation>Die Gruppe in der Kategorienliste</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Gültig von</translation>
    </message>
    <message>
        <source>First day this text applies; – for no limit</source>
        <translation>Erster Tag, ab dem der Text gilt; – für unbegrenzt</translation>
    </message>
    <message>
        <source>Valid to</source>
        <translation>Gültig bis</translation>
    </message>
    <message>
        <source>Last day this text applies; – for no limit</source>
        <translation>Letzter Tag, an dem der Text gilt; – für unbegrenzt</translation>
    </message>
    <message>
        <source>Review by</source>
        <translation>Prüfen bis</translation>
    </message>
    <message>
        <source>When a team lead must check the text again</source>
        <translation>Wann eine Teamleitung den Text wieder prüfen muss</translation>
    </message>
    <message>
        <source>Draft status</source>
        <translation>Entwurfsstatus</translation>
    </message>
    <message>
        <source>Whether your draft is saved, in review or published</source>
        <translation>Ob Ihr Entwurf gespeichert, in Prüfung oder veröffentlicht ist</translation>
    </message>
    <message>
        <source>Submit for review</source>
        <translation>Zur Prüfung einreichen</translation>
    </message>
    <message>
        <source>Sends your draft to another team lead for approval</source>
        <translation>Schickt Ihren Entwurf einer anderen Teamleitung zur Freigabe</translation>
    </message>
    <message>
        <source>Publishes your draft at once (four-eyes review is off)</source>
        <translation>Veröffentlicht Ihren Entwurf sofort (Vier-Augen-Prüfung ist aus)</translation>
    </message>
    <message>
        <source>Discard draft</source>
        <translation>Entwurf verwerfen</translation>
    </message>
    <message>
        <source>Throws your draft away; the published version stays</source>
        <translation>Verwirft Ihren Entwurf; die veröffentlichte Fassung bleibt</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>The service exactly as agents will see it</source>
        <translation>Die Dienstleistung genau so, wie Agents sie sehen werden</translation>
    </message>
    <message>
        <source>New service</source>
        <translation>Neue Dienstleistung</translation>
    </message>
    <message>
        <source>Editing “%1” (published version %2)</source>
        <translation>Bearbeitung von „%1“ (veröffentlichte Fassung %2)</translation>
    </message>
    <message>
        <source>Choose a service to edit, or create a new one.</source>
        <translation>Wählen Sie eine Dienstleistung zum Bearbeiten oder legen Sie eine neue an.</translation>
    </message>
    <message>
        <source>Your draft is in review.</source>
        <translation>Ihr Entwurf ist in Prüfung.</translation>
    </message>
    <message>
        <source>Your draft, last saved %1.</source>
        <translation>Ihr Entwurf, zuletzt gespeichert %1.</translation>
    </message>
    <message>
        <source>Sent back by %1: %2</source>
        <translation>Zurückgegeben von %1: %2</translation>
    </message>
    <message>
        <source>The service %1 does not exist.</source>
        <translation>Die Dienstleistung %1 gibt es nicht.</translation>
    </message>
    <message>
        <source>Published version %1. Your changes are saved as a draft as you type.</source>
        <translation>Veröffentlichte Fassung %1. Ihre Änderungen werden beim Tippen als Entwurf gespeichert.</translation>
    </message>
    <message>
        <source>New service: give it a title; it is saved as a draft as you type.</source>
        <translation>Neue Dienstleistung: Geben Sie ihr einen Titel; sie wird beim Tippen als Entwurf gespeichert.</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Changed: saving…</source>
        <translation>Geändert: wird gespeichert…</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Draft saved %1.</source>
        <translation>Entwurf gespeichert %1.</translation>
    </message>
    <message>
        <source>Not submitted: %1</source>
        <translation>Nicht eingereicht: %1</translation>
    </message>
    <message>
        <source>Submitted for review: another team lead approves it.</source>
        <translation>Zur Prüfung eingereicht: eine andere Teamleitung gibt ihn frei.</translation>
    </message>
    <message>
        <source>Not published: %1</source>
        <translation>Nicht veröffentlicht: %1</translation>
    </message>
    <message>
        <source>Published as version %1: agents find it now.</source>
        <translation>Als Fassung %1 veröffentlicht: Agents finden sie jetzt.</translation>
    </message>
    <message>
        <source>Cannot discard the draft: %1</source>
        <translation>Der Entwurf lässt sich nicht verwerfen: %1</translation>
    </message>
    <message>
        <source>Draft discarded; this is the published version.</source>
        <translation>Entwurf verworfen; dies ist die veröffentlichte Fassung.</translation>
    </message>
    <message>
        <source>Draft discarded.</source>
        <translation>Entwurf verworfen.</translation>
    </message>
    <message>
        <source>Conflict: version %1 was published meanwhile.</source>
        <translation>Konflikt: Inzwischen wurde Fassung %1 veröffentlicht.</translation>
    </message>
    <message>
        <source>You continue from the published version %1.</source>
        <translation>Sie arbeiten mit der veröffentlichten Fassung %1 weiter.</translation>
    </message>
    <message>
        <source>Your version is saved as a draft on top of version %1.</source>
        <translation>Ihre Fassung ist als Entwurf auf Grundlage von Fassung %1 gespeichert.</translation>
    </message>
    <message>
        <source>Merge by hand: the comparison stays open; your draft is now based on version %1.</source>
        <translation>Von Hand zusammenführen: Der Vergleich bleibt offen; Ihr Entwurf beruht jetzt auf Fassung %1.</translation>
    </message>
    <message>
        <source>Syn&amp;onyms:</source>
        <translation>&amp;Synonyme:</translation>
    </message>
    <message>
        <source>Su&amp;mmary:</source>
        <translation>&amp;Kurzbeschreibung:</translation>
    </message>
    <message>
        <source>Des&amp;cription:</source>
        <translation>B&amp;eschreibung:</translation>
    </message>
    <message>
        <source>Documents to &amp;bring:</source>
        <translation>Mitzubringende &amp;Unterlagen:</translation>
    </message>
    <message>
        <source>F&amp;ees:</source>
        <translation>&amp;Gebühren:</translation>
    </message>
    <message>
        <source>Processing time:</source>
        <translation>Bearbeitungsdauer:</translation>
    </message>
    <message>
        <source>Legal basis:</source>
        <translation>Rechtsgrundlage:</translation>
    </message>
    <message>
        <source>&amp;Responsible office:</source>
        <translation>&amp;Zuständige Dienststelle:</translation>
    </message>
    <message>
        <source>Online service:</source>
        <translation>Online-Dienst:</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>Kategorie:</translation>
    </message>
    <message>
        <source>Valid from / to:</source>
        <translation>Gültig von / bis:</translation>
    </message>
    <message>
        <source>Review by:</source>
        <translation>Prüfen bis:</translation>
    </message>
    <message>
        <source>&amp;Publish</source>
        <translation>Ve&amp;röffentlichen</translation>
    </message>
    <message>
        <source>e.g. 37 euros; a blank line starts a new paragraph, “– ” at the start of lines makes a list</source>
        <translation>z. B. 37 Euro; eine Leerzeile beginnt einen neuen Absatz, „– “ am Zeilenanfang ergibt eine Liste</translation>
    </message>
    <message>
        <source>What the service costs; a blank line starts a new paragraph, lines starting with “– ” form a list</source>
        <translation>Was die Dienstleistung kostet; eine Leerzeile beginnt einen neuen Absatz, Zeilen mit „– “ am Anfang bilden eine Liste</translation>
    </message>
    <message>
        <source>Example &amp;questions:</source>
        <translation>Beispielfr&amp;agen:</translation>
    </message>
    <message>
        <source>One question per line, in the caller&apos;s words, e.g. “I lost my wallet, what now?”</source>
        <translation>Eine Frage pro Zeile, in den Worten der Anrufenden, z. B. „Ich hab meinen Geldbeutel verloren, was nun?“</translation>
    </message>
    <message>
        <source>Example questions</source>
        <translation>Beispielfragen</translation>
    </message>
    <message>
        <source>How callers ask for this service in their own words, one question per line; the search finds the service by them, agents do not see them</source>
        <translation>Wie Anrufende in eigenen Worten nach dieser Dienstleistung fragen, eine Frage pro Zeile; die Suche findet die Dienstleistung darüber, Agents sehen sie nicht</translation>
    </message>
</context>
<context>
    <name>desk::ArticleView</name>
    <message>
        <source>Article and browser tabs</source>
        <translation>Tabs der Dienstleistung und des Browsers</translation>
    </message>
    <message>
        <source>The article tab and web pages opened from its links</source>
        <translation>Der Tab der Dienstleistung und aus ihren Links geöffnete Webseiten</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>Dienstleistung</translation>
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
        <translation>Eine aus einem Link der Dienstleistung geöffnete Seite</translation>
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
        <translation>Bitte zuerst die Dienstleistung öffnen: Der Termin wird für die angezeigte Dienstleistung gebucht.</translation>
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
        <translation>Auf&amp;legen</translation>
    </message>
    <message>
        <source>Hold or res&amp;ume</source>
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
        <translation>Angezeigte Dienstleistung zur Nachbearbeitung hinzufügen</translation>
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
        <source>A&amp;ppointments (cancel, move)</source>
        <translation>&amp;Termine (absagen, verlegen)</translation>
    </message>
    <message>
        <source>O&amp;ffice hours and capacity for appointments…</source>
        <translation>Öffnungszeiten und &amp;Kapazität für Termine…</translation>
    </message>
    <message>
        <source>Export the call &amp;journal as CSV…</source>
        <translation>Anrufjournal als CSV e&amp;xportieren…</translation>
    </message>
    <message>
        <source>Call journal unavailable: office hours cannot be edited.</source>
        <translation>Anrufjournal nicht verfügbar: Öffnungszeiten können nicht bearbeitet werden.</translation>
    </message>
    <message>
        <source>Only team leads may edit office hours.</source>
        <translation>Nur Teamleitungen dürfen Öffnungszeiten bearbeiten.</translation>
    </message>
    <message>
        <source>The catalogue&apos;s offices could not be read: %1</source>
        <translation>Die Dienststellen des Katalogs sind nicht lesbar: %1</translation>
    </message>
    <message>
        <source>The call journal is not open.</source>
        <translation>Das Anrufjournal ist nicht geöffnet.</translation>
    </message>
    <message>
        <source>The date range is invalid: the last day is before the first.</source>
        <translation>Der Zeitraum ist ungültig: Der letzte Tag liegt vor dem ersten.</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Export the call journal</source>
        <translation>Anrufjournal exportieren</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <source>&amp;To (inclusive):</source>
        <translation>&amp;Bis (einschließlich):</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Erster Tag</translation>
    </message>
    <message>
        <source>Calls offered on or after this day are exported</source>
        <translation>Anrufe ab diesem Tag werden exportiert</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Letzter Tag</translation>
    </message>
    <message>
        <source>Calls offered up to the end of this day are exported</source>
        <translation>Anrufe bis zum Ende dieses Tages werden exportiert</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>Der Export ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Call journal exported to %1</source>
        <translation>Anrufjournal nach %1 exportiert</translation>
    </message>
    <message>
        <source>Outbox: sent from the server</source>
        <translation>Postausgang: Versand über den Server</translation>
    </message>
    <message>
        <source>In shared mode the server&apos;s outbox sends forwards and confirmations.</source>
        <translation>Im gemeinsamen Betrieb versendet der Postausgang des Servers Weiterleitungen und Bestätigungen.</translation>
    </message>
    <message>
        <source>The booking could not be queued for the server: %1</source>
        <translation>Die Buchung konnte nicht für den Server vorgemerkt werden: %1</translation>
    </message>
    <message>
        <source>Appointment for %1 queued: it will be confirmed when the server is reachable.</source>
        <translation>Termin am %1 in der Warteschlange: Er wird bestätigt, sobald der Server erreichbar ist.</translation>
    </message>
    <message>
        <source>Appointment booked for %1 (confirmed by the server)</source>
        <translation>Termin am %1 gebucht (vom Server bestätigt)</translation>
    </message>
    <message>
        <source>The server is not reachable: in shared mode this is done on the server. Please try again later.</source>
        <translation>Der Server ist nicht erreichbar: Im gemeinsamen Betrieb geschieht das auf dem Server. Bitte versuchen Sie es später noch einmal.</translation>
    </message>
    <message>
        <source>Saved on this desk, but not queued for the server: %1</source>
        <translation>An diesem Arbeitsplatz gespeichert, aber nicht für den Server vorgemerkt: %1</translation>
    </message>
    <message>
        <source>Forward queued for the server, due %1: the server gives the case number when it is reachable (this desk&apos;s reference: %2).</source>
        <translation>Weiterleitung in der Warteschlange für den Server, fällig %1: Die Vorgangsnummer vergibt der Server, sobald er erreichbar ist (Verweis dieses Arbeitsplatzes: %2).</translation>
    </message>
    <message>
        <source>Call journal of all desks exported from the server to %1</source>
        <translation>Anrufjournal aller Arbeitsplätze vom Server exportiert nach %1</translation>
    </message>
    <message>
        <source>Booking refused by the server</source>
        <translation>Buchung vom Server abgelehnt</translation>
    </message>
    <message>
        <source>the citizen</source>
        <translation>die Bürgerin / den Bürger</translation>
    </message>
    <message>
        <source>The server refused the appointment for %1 that was queued earlier: the call names a booking that does not exist. Please book again or call the citizen back.</source>
        <translation>Der Server hat den zuvor in die Warteschlange gestellten Termin für %1 abgelehnt: Der Anruf nennt eine Buchung, die es nicht gibt. Bitte erneut buchen oder die Person zurückrufen.</translation>
    </message>
    <message>
        <source>&amp;Book again…</source>
        <translation>Erneut &amp;buchen…</translation>
    </message>
    <message>
        <source>Book again</source>
        <translation>Erneut buchen</translation>
    </message>
    <message>
        <source>Opens the booking dialog with the office and citizen of the refused booking; the server decides the new booking</source>
        <translation>Öffnet die Terminbuchung mit Dienststelle und Person der abgelehnten Buchung; über die neue Buchung entscheidet der Server</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Finish the open booking first.</source>
        <translation>Schließen Sie zuerst die offene Buchung ab.</translation>
    </message>
    <message>
        <source>The service %1 is not in the catalogue: it cannot be booked again.</source>
        <translation>Die Dienstleistung %1 ist nicht im Katalog: Sie kann nicht erneut gebucht werden.</translation>
    </message>
    <message>
        <source>Appointment for %1 queued again: it will be confirmed when the server is reachable.</source>
        <translation>Termin am %1 erneut in der Warteschlange: Er wird bestätigt, sobald der Server erreichbar ist.</translation>
    </message>
    <message>
        <source>Appointment booked again for %1 (confirmed by the server)</source>
        <translation>Termin am %1 erneut gebucht (vom Server bestätigt)</translation>
    </message>
    <message>
        <source>Dead&amp;lines of forwards (team leads)…</source>
        <translation>F&amp;risten der Weiterleitungen (Teamleitung)…</translation>
    </message>
    <message>
        <source>Call journal unavailable: deadlines cannot be edited.</source>
        <translation>Anrufjournal nicht verfügbar: Fristen können nicht bearbeitet werden.</translation>
    </message>
    <message>
        <source>Only team leads may edit deadlines.</source>
        <translation>Nur Teamleitungen dürfen Fristen bearbeiten.</translation>
    </message>
    <message>
        <source>The catalogue could not be read: %1</source>
        <translation>Der Katalog konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Deadline rules saved: every new forward uses them.</source>
        <translation>Fristregeln gespeichert: jede neue Weiterleitung verwendet sie.</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>Client-Zertifikat</translation>
    </message>
    <message>
        <source>Private key</source>
        <translation>Privater Schlüssel</translation>
    </message>
    <message>
        <source>%1: the client certificate &quot;%2&quot; needs its private key. Choose the key file under &quot;%3&quot; or clear the certificate.</source>
        <translation>%1: Zum Client-Zertifikat „%2“ fehlt der private Schlüssel. Wählen Sie die Schlüsseldatei unter „%3“ oder leeren Sie das Zertifikat.</translation>
    </message>
    <message>
        <source>%1: the private key &quot;%2&quot; needs its client certificate. Choose the certificate file under &quot;%3&quot; or clear the key.</source>
        <translation>%1: Zum privaten Schlüssel „%2“ fehlt das Client-Zertifikat. Wählen Sie die Zertifikatsdatei unter „%3“ oder leeren Sie den Schlüssel.</translation>
    </message>
    <message>
        <source>TLS CA file</source>
        <translation>TLS-CA-Datei</translation>
    </message>
    <message>
        <source>%1: the file &quot;%2&quot; does not exist or cannot be read.</source>
        <translation>%1: Die Datei „%2“ existiert nicht oder ist nicht lesbar.</translation>
    </message>
    <message>
        <source>%1: the file &quot;%2&quot; holds no certificate in PEM format (-----BEGIN CERTIFICATE-----).</source>
        <translation>%1: Die Datei „%2“ enthält kein Zertifikat im PEM-Format (-----BEGIN CERTIFICATE-----).</translation>
    </message>
    <message>
        <source>%1: the file &quot;%2&quot; holds no private key in PEM format (-----BEGIN PRIVATE KEY-----).</source>
        <translation>%1: Die Datei „%2“ enthält keinen privaten Schlüssel im PEM-Format (-----BEGIN PRIVATE KEY-----).</translation>
    </message>
    <message>
        <source>%1: the private key &quot;%2&quot; is protected by a passphrase, which the SIP engine cannot ask for. Use an unencrypted key readable only by you.</source>
        <translation>%1: Der private Schlüssel „%2“ ist mit einer Passphrase geschützt, die die SIP-Engine nicht abfragen kann. Verwenden Sie einen unverschlüsselten Schlüssel, den nur Sie lesen können.</translation>
    </message>
    <message>
        <source>Case %1 (%2) is overdue since %3</source>
        <translation>Vorgang %1 (%2) ist seit %3 überfällig</translation>
    </message>
    <message>
        <source>Deadline was %1</source>
        <translation>Frist war %1</translation>
    </message>
    <message>
        <source>Deadline: %1</source>
        <translation>Frist: %1</translation>
    </message>
    <message>
        <source>Case %1 is overdue</source>
        <translation>Vorgang %1 ist überfällig</translation>
    </message>
    <message>
        <source>Case %1 is due</source>
        <translation>Vorgang %1 ist fällig</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
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
    <name>desk::ChangePasswordDialog</name>
    <message>
        <source>Change my password</source>
        <translation>Mein Passwort ändern</translation>
    </message>
    <message>
        <source>New password for %1 on the shared server. It applies to every desk at the next sign-in; it needs at least 10 characters.</source>
        <translation>Neues Passwort für %1 auf dem gemeinsamen Server. Es gilt an jedem Arbeitsplatz ab der nächsten Anmeldung und braucht mindestens 10 Zeichen.</translation>
    </message>
    <message>
        <source>New password for %1. It needs at least 10 characters.</source>
        <translation>Neues Passwort für %1. Es braucht mindestens 10 Zeichen.</translation>
    </message>
    <message>
        <source>&amp;Current password:</source>
        <translation>&amp;Aktuelles Passwort:</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>&amp;Neues Passwort:</translation>
    </message>
    <message>
        <source>&amp;Repeat new password:</source>
        <translation>Neues Passwort &amp;wiederholen:</translation>
    </message>
    <message>
        <source>C&amp;hange password</source>
        <translation>Passwort &amp;ändern</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>Erläuterung</translation>
    </message>
    <message>
        <source>Password change error</source>
        <translation>Fehler bei der Passwortänderung</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>Aktuelles Passwort</translation>
    </message>
    <message>
        <source>The password you signed in with</source>
        <translation>Das Passwort, mit dem Sie sich angemeldet haben</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Neues Passwort</translation>
    </message>
    <message>
        <source>At least 10 characters</source>
        <translation>Mindestens 10 Zeichen</translation>
    </message>
    <message>
        <source>Repeat new password</source>
        <translation>Neues Passwort wiederholen</translation>
    </message>
    <message>
        <source>The new password once more</source>
        <translation>Das neue Passwort noch einmal</translation>
    </message>
    <message>
        <source>Nobody is signed in.</source>
        <translation>Niemand ist angemeldet.</translation>
    </message>
    <message>
        <source>Enter your current password.</source>
        <translation>Geben Sie Ihr aktuelles Passwort ein.</translation>
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation>Die beiden neuen Passwörter stimmen nicht überein.</translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation>Das aktuelle Passwort ist falsch.</translation>
    </message>
    <message>
        <source>Cannot change the password: %1</source>
        <translation>Das Passwort kann nicht geändert werden: %1</translation>
    </message>
    <message>
        <source>Checking the current password at the server…</source>
        <translation>Aktuelles Passwort wird beim Server geprüft …</translation>
    </message>
    <message>
        <source>Cannot reach the server: %1</source>
        <translation>Der Server ist nicht erreichbar: %1</translation>
    </message>
    <message>
        <source>Cannot change the password: not signed in at the server.</source>
        <translation>Das Passwort kann nicht geändert werden: nicht beim Server angemeldet.</translation>
    </message>
    <message>
        <source>Checks the current password and sets the new one</source>
        <translation>Prüft das aktuelle Passwort und setzt das neue</translation>
    </message>
    <message>
        <source>Keeps the current password</source>
        <translation>Behält das aktuelle Passwort</translation>
    </message>
</context>
<context>
    <name>desk::ConflictDialog</name>
    <message>
        <source>Take &amp;theirs</source>
        <translation>&amp;Deren übernehmen</translation>
    </message>
    <message>
        <source>&amp;Keep mine</source>
        <translation>&amp;Meine behalten</translation>
    </message>
    <message>
        <source>&amp;Merge by hand</source>
        <translation>Von &amp;Hand zusammenführen</translation>
    </message>
    <message>
        <source>Someone published “%1” meanwhile</source>
        <translation>Jemand hat „%1“ inzwischen veröffentlicht</translation>
    </message>
    <message>
        <source>A colleague published version %1 of this service while you were editing. Your text is kept as your draft. Compare both and decide; the published versions stay in the history either way.</source>
        <translation>Während Sie bearbeitet haben, hat jemand Fassung %1 dieser Dienstleistung veröffentlicht. Ihr Text bleibt als Ihr Entwurf erhalten. Vergleichen Sie beide und entscheiden Sie; die veröffentlichten Fassungen bleiben in jedem Fall in der Versionsgeschichte.</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>Erläuterung</translation>
    </message>
    <message>
        <source>Published now (theirs, version %1)</source>
        <translation>Jetzt veröffentlicht (deren, Fassung %1)</translation>
    </message>
    <message>
        <source>Yours</source>
        <translation>Ihre</translation>
    </message>
    <message>
        <source>Both versions side by side</source>
        <translation>Beide Fassungen nebeneinander</translation>
    </message>
    <message>
        <source>Each changed field: the published text on the left, your text on the right</source>
        <translation>Jedes geänderte Feld: links der veröffentlichte Text, rechts Ihr Text</translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation>Deren übernehmen</translation>
    </message>
    <message>
        <source>Discard your draft and continue from the published version</source>
        <translation>Ihren Entwurf verwerfen und mit der veröffentlichten Fassung weiterarbeiten</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Meine behalten</translation>
    </message>
    <message>
        <source>Save your version as a draft on top of the published one</source>
        <translation>Ihre Fassung als Entwurf auf Grundlage der veröffentlichten speichern</translation>
    </message>
    <message>
        <source>Merge by hand</source>
        <translation>Von Hand zusammenführen</translation>
    </message>
    <message>
        <source>Keep this comparison open and edit your draft, now based on the published version</source>
        <translation>Diesen Vergleich offen lassen und Ihren Entwurf bearbeiten, jetzt auf Grundlage der veröffentlichten Fassung</translation>
    </message>
</context>
<context>
    <name>desk::DeadlinesDialog</name>
    <message>
        <source>Working days (24 h a day)</source>
        <translation>Arbeitstage (24 h am Tag)</translation>
    </message>
    <message>
        <source>Working hours (service hours only)</source>
        <translation>Arbeitsstunden (nur Servicezeiten)</translation>
    </message>
    <message>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <source>Deadlines</source>
        <translation>Fristen</translation>
    </message>
    <message>
        <source>Deadlines of forwarded questions. A service&apos;s own rule wins over its office&apos;s rule, which wins over the default.</source>
        <translation>Fristen weitergeleiteter Anliegen. Die Regel einer Dienstleistung geht der Regel ihrer Dienststelle vor, diese der Standardregel.</translation>
    </message>
    <message>
        <source>&amp;Default rule:</source>
        <translation>Standard&amp;regel:</translation>
    </message>
    <message>
        <source>Default &amp;length:</source>
        <translation>Standard&amp;dauer:</translation>
    </message>
    <message>
        <source>Default rule</source>
        <translation>Standardregel</translation>
    </message>
    <message>
        <source>How the deadline of every other forward is counted</source>
        <translation>Wie die Frist aller übrigen Weiterleitungen gezählt wird</translation>
    </message>
    <message>
        <source>Default length in hours</source>
        <translation>Standarddauer in Stunden</translation>
    </message>
    <message>
        <source>24 hours of working days are the 115 service promise</source>
        <translation>24 Stunden an Arbeitstagen sind das Serviceversprechen der 115</translation>
    </message>
    <message>
        <source>Exceptions</source>
        <translation>Ausnahmen</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Geltung</translation>
    </message>
    <message>
        <source>Office or service</source>
        <translation>Dienststelle oder Dienstleistung</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Stunden</translation>
    </message>
    <message>
        <source>No exceptions: every forward gets the default rule.</source>
        <translation>Keine Ausnahmen: jede Weiterleitung erhält die Standardregel.</translation>
    </message>
    <message>
        <source>&amp;Add exception</source>
        <translation>Ausnahme &amp;hinzufügen</translation>
    </message>
    <message>
        <source>Add exception</source>
        <translation>Ausnahme hinzufügen</translation>
    </message>
    <message>
        <source>A new row for an office or a service with its own rule</source>
        <translation>Eine neue Zeile für eine Dienststelle oder Dienstleistung mit eigener Regel</translation>
    </message>
    <message>
        <source>Ctrl+Del removes the row with the focus.</source>
        <translation>Strg+Entf entfernt die Zeile mit dem Fokus.</translation>
    </message>
    <message>
        <source>Deadlines status</source>
        <translation>Status der Fristen</translation>
    </message>
    <message>
        <source>Saves the deadline rules for every desk</source>
        <translation>Speichert die Fristregeln für alle Arbeitsplätze</translation>
    </message>
    <message>
        <source>The deadline rules could not be read: %1</source>
        <translation>Die Fristregeln konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1 (not in the catalogue)</source>
        <translation>%1 (nicht im Katalog)</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Dienststelle</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienstleistung</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Exception %1: scope</source>
        <translation>Ausnahme %1: Geltung</translation>
    </message>
    <message>
        <source>Whether the rule is an office&apos;s or a service&apos;s</source>
        <translation>Ob die Regel für eine Dienststelle oder eine Dienstleistung gilt</translation>
    </message>
    <message>
        <source>Exception %1: office or service</source>
        <translation>Ausnahme %1: Dienststelle oder Dienstleistung</translation>
    </message>
    <message>
        <source>Type part of the name to pick it from the catalogue</source>
        <translation>Einen Teil des Namens tippen, um aus dem Katalog zu wählen</translation>
    </message>
    <message>
        <source>Exception %1: rule</source>
        <translation>Ausnahme %1: Regel</translation>
    </message>
    <message>
        <source>How the deadline is counted</source>
        <translation>Wie die Frist gezählt wird</translation>
    </message>
    <message>
        <source>Exception %1: length in hours</source>
        <translation>Ausnahme %1: Dauer in Stunden</translation>
    </message>
    <message>
        <source>Hours counted under the rule</source>
        <translation>Nach der Regel gezählte Stunden</translation>
    </message>
    <message>
        <source>Remove exception %1</source>
        <translation>Ausnahme %1 entfernen</translation>
    </message>
    <message>
        <source>Deletes this row; Ctrl+Del does the same</source>
        <translation>Löscht diese Zeile; Strg+Entf ebenso</translation>
    </message>
    <message>
        <source>Exception %1: &quot;%2&quot; matches %3 entries (%4); please type more of the name.</source>
        <translation>Ausnahme %1: „%2“ passt auf %3 Einträge (%4); bitte mehr vom Namen eingeben.</translation>
    </message>
    <message>
        <source>Exception %1: choose an office.</source>
        <translation>Ausnahme %1: Bitte eine Dienststelle wählen.</translation>
    </message>
    <message>
        <source>Exception %1: choose a service.</source>
        <translation>Ausnahme %1: Bitte eine Dienstleistung wählen.</translation>
    </message>
    <message>
        <source>Exception %1: &quot;%2&quot; is no office of the catalogue.</source>
        <translation>Ausnahme %1: „%2“ ist keine Dienststelle des Katalogs.</translation>
    </message>
    <message>
        <source>Exception %1: &quot;%2&quot; is no service of the catalogue.</source>
        <translation>Ausnahme %1: „%2“ ist keine Dienstleistung des Katalogs.</translation>
    </message>
    <message>
        <source>Exception %1: %2 already has a rule in exception %3.</source>
        <translation>Ausnahme %1: %2 hat schon eine Regel in Ausnahme %3.</translation>
    </message>
    <message>
        <source>The rules cannot be saved: %1</source>
        <translation>Die Regeln können nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>The server is not reachable: in shared mode the deadline rules are saved on the server. Nothing was saved; please try again later.</source>
        <translation>Der Server ist nicht erreichbar: Im gemeinsamen Betrieb werden die Fristregeln auf dem Server gespeichert. Nichts wurde gespeichert; bitte versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>The server refused the change: %1</source>
        <translation>Der Server hat die Änderung abgelehnt: %1</translation>
    </message>
    <message>
        <source>The call journal is not open.</source>
        <translation>Das Anrufjournal ist nicht geöffnet.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>The server is not reachable: this is the desk&apos;s copy of the deadline rules. They are saved on the server only; please try again when it is reachable.</source>
        <translation>Der Server ist nicht erreichbar: Dies ist die Kopie der Fristregeln auf diesem Arbeitsplatz. Gespeichert werden sie nur auf dem Server; bitte versuchen Sie es erneut, wenn er erreichbar ist.</translation>
    </message>
</context>
<context>
    <name>desk::EditorialActions</name>
    <message>
        <source>E&amp;ditorial</source>
        <translation>&amp;Redaktion</translation>
    </message>
    <message>
        <source>&amp;Flag this service as wrong or outdated…</source>
        <translation>Dienstleistung als falsch oder veraltet &amp;melden…</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>Melden</translation>
    </message>
    <message>
        <source>&amp;Edit the catalogue…</source>
        <translation>Katalog &amp;bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Sign out / switch user…</source>
        <translation>&amp;Abmelden / Benutzer wechseln…</translation>
    </message>
    <message>
        <source>F&amp;igures for team leads…</source>
        <translation>&amp;Kennzahlen für Teamleitungen…</translation>
    </message>
    <message>
        <source>Review marker</source>
        <translation>Prüfhinweis</translation>
    </message>
    <message>
        <source>Warns when the open service is due for review or its validity changes</source>
        <translation>Warnt, wenn die geöffnete Dienstleistung zur Prüfung fällig ist oder sich ihre Gültigkeit ändert</translation>
    </message>
    <message>
        <source>Signed-in user</source>
        <translation>Angemeldete Person</translation>
    </message>
    <message>
        <source>Who is signed in, and their role</source>
        <translation>Wer angemeldet ist, und mit welcher Rolle</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>team lead</source>
        <translation>Teamleitung</translation>
    </message>
    <message>
        <source>agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Nobody signed in</source>
        <translation>Niemand angemeldet</translation>
    </message>
    <message>
        <source>Validity ended – check before you answer</source>
        <translation>Gültigkeit abgelaufen – vor der Auskunft prüfen</translation>
    </message>
    <message>
        <source>Valid only from %1</source>
        <translation>Gilt erst ab %1</translation>
    </message>
    <message>
        <source>Changes on %1</source>
        <translation>Ändert sich am %1</translation>
    </message>
    <message>
        <source>Due for review</source>
        <translation>Prüfung fällig</translation>
    </message>
    <message>
        <source>Only team leads edit the catalogue.</source>
        <translation>Nur Teamleitungen bearbeiten den Katalog.</translation>
    </message>
    <message>
        <source>Only team leads see the figures.</source>
        <translation>Nur Teamleitungen sehen die Kennzahlen.</translation>
    </message>
    <message>
        <source>Open a service first, then flag it.</source>
        <translation>Öffnen Sie zuerst eine Dienstleistung, dann können Sie sie melden.</translation>
    </message>
    <message>
        <source>Flag “%1”</source>
        <translation>„%1“ melden</translation>
    </message>
    <message>
        <source>What is wrong or outdated? Team leads see your note in their list.</source>
        <translation>Was ist falsch oder veraltet? Die Teamleitungen sehen Ihre Notiz in ihrer Liste.</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>Erläuterung</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>What is wrong or outdated in this service</source>
        <translation>Was an dieser Dienstleistung falsch oder veraltet ist</translation>
    </message>
    <message>
        <source>&amp;Flag</source>
        <translation>&amp;Melden</translation>
    </message>
    <message>
        <source>Send the flag or cancel</source>
        <translation>Meldung absenden oder abbrechen</translation>
    </message>
    <message>
        <source>Please say what is wrong – the comment is required.</source>
        <translation>Bitte sagen Sie, was falsch ist – der Kommentar ist Pflicht.</translation>
    </message>
    <message>
        <source>Not flagged: %1</source>
        <translation>Nicht gemeldet: %1</translation>
    </message>
    <message>
        <source>Flagged: the team leads will check “%1”.</source>
        <translation>Gemeldet: Die Teamleitungen prüfen „%1“.</translation>
    </message>
    <message>
        <source>Change my &amp;password…</source>
        <translation>Mein &amp;Passwort ändern …</translation>
    </message>
    <message>
        <source>Change my password</source>
        <translation>Mein Passwort ändern</translation>
    </message>
    <message>
        <source>Your password has been changed.</source>
        <translation>Ihr Passwort wurde geändert.</translation>
    </message>
    <message>
        <source>Flag queued: the team leads will see “%1” flagged when the server is reachable.</source>
        <translation>Meldung vorgemerkt: Die Teamleitungen sehen „%1“ als gemeldet, sobald der Server erreichbar ist.</translation>
    </message>
</context>
<context>
    <name>desk::EditorialSession</name>
    <message>
        <source>the catalogue is not open</source>
        <translation>der Katalog ist nicht geöffnet</translation>
    </message>
    <message>
        <source>say what is wrong: the comment must not be empty</source>
        <translation>bitte sagen Sie, was falsch ist: Der Kommentar darf nicht leer sein</translation>
    </message>
    <message>
        <source>no article to flag</source>
        <translation>keine Dienstleistung zum Melden</translation>
    </message>
</context>
<context>
    <name>desk::EditorialWindow</name>
    <message>
        <source>%1 (new, draft)</source>
        <translation>%1 (neu, Entwurf)</translation>
    </message>
    <message>
        <source>Approve and publish</source>
        <translation>Freigeben und veröffentlichen</translation>
    </message>
    <message>
        <source>Change note (what changed, for the history):</source>
        <translation>Änderungsnotiz (was sich geändert hat, für die Versionsgeschichte):</translation>
    </message>
    <message>
        <source>Send back</source>
        <translation>Zurückgeben</translation>
    </message>
    <message>
        <source>What must the author change? (required)</source>
        <translation>Was muss die Autorin oder der Autor ändern? (Pflicht)</translation>
    </message>
    <message>
        <source>Four-eyes review is on: another team lead approves every change.</source>
        <translation>Vier-Augen-Prüfung ist an: Eine andere Teamleitung gibt jede Änderung frei.</translation>
    </message>
    <message>
        <source>Four-eyes review is off: team leads publish their own changes.</source>
        <translation>Vier-Augen-Prüfung ist aus: Teamleitungen veröffentlichen ihre Änderungen selbst.</translation>
    </message>
    <message>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <source>&lt;p&gt;No drafts are waiting for review.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Keine Entwürfe warten auf Prüfung.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Select a draft to compare it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Wählen Sie einen Entwurf, um ihn zu vergleichen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Published (version %1)</source>
        <translation>Veröffentlicht (Fassung %1)</translation>
    </message>
    <message>
        <source>Draft by %1</source>
        <translation>Entwurf von %1</translation>
    </message>
    <message>
        <source>Not published: the service changed since this draft was written. Its author must look at both versions first.</source>
        <translation>Nicht veröffentlicht: Die Dienstleistung hat sich geändert, seit dieser Entwurf geschrieben wurde. Die Autorin oder der Autor muss zuerst beide Fassungen ansehen.</translation>
    </message>
    <message>
        <source>Not published: %1</source>
        <translation>Nicht veröffentlicht: %1</translation>
    </message>
    <message>
        <source>Published as version %1.</source>
        <translation>Als Fassung %1 veröffentlicht.</translation>
    </message>
    <message>
        <source>Not sent back: %1</source>
        <translation>Nicht zurückgegeben: %1</translation>
    </message>
    <message>
        <source>Sent back to its author.</source>
        <translation>An die Autorin oder den Autor zurückgegeben.</translation>
    </message>
    <message>
        <source>Open a service in the editor and choose “History” to see its versions.</source>
        <translation>Öffnen Sie eine Dienstleistung im Editor und wählen Sie „Versionsgeschichte“, um ihre Fassungen zu sehen.</translation>
    </message>
    <message>
        <source>No published versions of %1 yet.</source>
        <translation>Noch keine veröffentlichten Fassungen von %1.</translation>
    </message>
    <message>
        <source>History of “%1”</source>
        <translation>Versionsgeschichte von „%1“</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Fassung %1</translation>
    </message>
    <message>
        <source>&lt;p&gt;Only one version: nothing to compare yet.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Nur eine Fassung: noch nichts zu vergleichen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;These versions are not in the history.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Diese Fassungen sind nicht in der Versionsgeschichte.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Not restored: %1</source>
        <translation>Nicht wiederhergestellt: %1</translation>
    </message>
    <message>
        <source>Version %1 is now your draft: check it and publish.</source>
        <translation>Fassung %1 ist jetzt Ihr Entwurf: prüfen und veröffentlichen.</translation>
    </message>
    <message>
        <source>review date reached</source>
        <translation>Prüfdatum erreicht</translation>
    </message>
    <message>
        <source>valid from %1</source>
        <translation>gültig ab %1</translation>
    </message>
    <message>
        <source>expired %1</source>
        <translation>abgelaufen am %1</translation>
    </message>
    <message>
        <source>validity ends %1</source>
        <translation>Gültigkeit endet am %1</translation>
    </message>
    <message numerus="yes">
        <source>%n open flag(s)</source>
        <translation>
            <numerusform>%n offene Meldung</numerusform>
            <numerusform>%n offene Meldungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Resolve flag</source>
        <translation>Meldung erledigen</translation>
    </message>
    <message>
        <source>What was done?</source>
        <translation>Was wurde getan?</translation>
    </message>
    <message>
        <source>Not resolved: %1</source>
        <translation>Nicht erledigt: %1</translation>
    </message>
    <message>
        <source>A synonym needs a term and at least one word it stands for.</source>
        <translation>Ein Synonym braucht einen Begriff und mindestens ein Wort, für das er steht.</translation>
    </message>
    <message>
        <source>Synonym not saved: %1</source>
        <translation>Synonym nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>“%1” now also finds %2.</source>
        <translation>„%1“ findet jetzt auch %2.</translation>
    </message>
    <message>
        <source>Synonym not removed: %1</source>
        <translation>Synonym nicht entfernt: %1</translation>
    </message>
    <message>
        <source>search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <source>flag: %1</source>
        <translation>Meldung: %1</translation>
    </message>
    <message numerus="yes">
        <source>Last 30 days: %n search(es) logged. Listed: queries that found nothing or whose results nobody opened, most frequent first, and the agents&apos; open flags.</source>
        <translation>
            <numerusform>Letzte 30 Tage: %n Suche protokolliert. Aufgeführt: Suchen ohne Treffer oder deren Treffer niemand geöffnet hat, häufigste zuerst, und die offenen Meldungen der Agents.</numerusform>
            <numerusform>Letzte 30 Tage: %n Suchen protokolliert. Aufgeführt: Suchen ohne Treffer oder deren Treffer niemand geöffnet hat, häufigste zuerst, und die offenen Meldungen der Agents.</numerusform>
        </translation>
    </message>
    <message>
        <source>Catalogue editing – Hotline Desk</source>
        <translation>Katalogpflege – Hotline Desk</translation>
    </message>
    <message>
        <source>&amp;Services</source>
        <translation>&amp;Dienstleistungen</translation>
    </message>
    <message>
        <source>Re&amp;view queue</source>
        <translation>&amp;Prüfliste</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Versionsgeschichte</translation>
    </message>
    <message>
        <source>Review &amp;dates</source>
        <translation>Prüf&amp;termine</translation>
    </message>
    <message>
        <source>&amp;Flags</source>
        <translation>&amp;Meldungen</translation>
    </message>
    <message>
        <source>S&amp;ynonyms</source>
        <translation>S&amp;ynonyme</translation>
    </message>
    <message>
        <source>Knowledge &amp;gaps</source>
        <translation>&amp;Wissenslücken</translation>
    </message>
    <message>
        <source>Catalogue editing</source>
        <translation>Katalogpflege</translation>
    </message>
    <message>
        <source>Editor, review queue, history, review dates, flags, synonyms, knowledge gaps and audit log</source>
        <translation>Editor, Prüfliste, Versionsgeschichte, Prüftermine, Meldungen, Synonyme, Wissenslücken und Protokoll</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>The result of the last action</source>
        <translation>Das Ergebnis der letzten Aktion</translation>
    </message>
    <message>
        <source>Filter services</source>
        <translation>Dienstleistungen filtern</translation>
    </message>
    <message>
        <source>Type part of a title to narrow the list</source>
        <translation>Teil eines Titels eingeben, um die Liste einzugrenzen</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Dienstleistungen</translation>
    </message>
    <message>
        <source>Enter opens the service in the editor</source>
        <translation>Eingabetaste öffnet die Dienstleistung im Editor</translation>
    </message>
    <message>
        <source>&amp;New service</source>
        <translation>&amp;Neue Dienstleistung</translation>
    </message>
    <message>
        <source>New service</source>
        <translation>Neue Dienstleistung</translation>
    </message>
    <message>
        <source>Starts a draft of a new service</source>
        <translation>Beginnt einen Entwurf für eine neue Dienstleistung</translation>
    </message>
    <message>
        <source>History of this service</source>
        <translation>Versionsgeschichte dieser Dienstleistung</translation>
    </message>
    <message>
        <source>Shows the published versions of the open service</source>
        <translation>Zeigt die veröffentlichten Fassungen der geöffneten Dienstleistung</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienstleistung</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autor/in</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Eingereicht</translation>
    </message>
    <message>
        <source>Based on version</source>
        <translation>Beruht auf Fassung</translation>
    </message>
    <message>
        <source>Drafts in review</source>
        <translation>Entwürfe in Prüfung</translation>
    </message>
    <message>
        <source>Drafts waiting for a team lead&apos;s approval</source>
        <translation>Entwürfe, die auf die Freigabe einer Teamleitung warten</translation>
    </message>
    <message>
        <source>Changes of the draft</source>
        <translation>Änderungen des Entwurfs</translation>
    </message>
    <message>
        <source>The published text on the left, the draft on the right</source>
        <translation>Links der veröffentlichte Text, rechts der Entwurf</translation>
    </message>
    <message>
        <source>A&amp;pprove and publish</source>
        <translation>&amp;Freigeben und veröffentlichen</translation>
    </message>
    <message>
        <source>Publishes the selected draft as a new version</source>
        <translation>Veröffentlicht den ausgewählten Entwurf als neue Fassung</translation>
    </message>
    <message>
        <source>Send &amp;back…</source>
        <translation>&amp;Zurückgeben…</translation>
    </message>
    <message>
        <source>Returns the selected draft to its author with a comment</source>
        <translation>Gibt den ausgewählten Entwurf mit einem Kommentar zurück</translation>
    </message>
    <message>
        <source>F&amp;our-eyes review (a second team lead approves every change)</source>
        <translation>Vier-&amp;Augen-Prüfung (eine zweite Teamleitung gibt jede Änderung frei)</translation>
    </message>
    <message>
        <source>Four-eyes review</source>
        <translation>Vier-Augen-Prüfung</translation>
    </message>
    <message>
        <source>On: another team lead approves each change. Off: team leads publish their own changes</source>
        <translation>An: Eine andere Teamleitung gibt jede Änderung frei. Aus: Teamleitungen veröffentlichen selbst</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Fassung</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Veröffentlicht</translation>
    </message>
    <message>
        <source>Published by</source>
        <translation>Veröffentlicht von</translation>
    </message>
    <message>
        <source>Change note</source>
        <translation>Änderungsnotiz</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Versionsgeschichte</translation>
    </message>
    <message>
        <source>Which service&apos;s history is shown</source>
        <translation>Von welcher Dienstleistung die Versionsgeschichte gezeigt wird</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Fassungen</translation>
    </message>
    <message>
        <source>Every published version, newest first</source>
        <translation>Jede veröffentlichte Fassung, neueste zuerst</translation>
    </message>
    <message>
        <source>Compare from</source>
        <translation>Vergleichen von</translation>
    </message>
    <message>
        <source>The older version of the comparison</source>
        <translation>Die ältere Fassung des Vergleichs</translation>
    </message>
    <message>
        <source>Compare to</source>
        <translation>Vergleichen mit</translation>
    </message>
    <message>
        <source>The newer version of the comparison</source>
        <translation>Die neuere Fassung des Vergleichs</translation>
    </message>
    <message>
        <source>Differences</source>
        <translation>Unterschiede</translation>
    </message>
    <message>
        <source>Removed text struck through on the left, added text underlined on the right</source>
        <translation>Links entfernter Text durchgestrichen, rechts hinzugefügter Text unterstrichen</translation>
    </message>
    <message>
        <source>&amp;Restore as draft</source>
        <translation>Als &amp;Entwurf wiederherstellen</translation>
    </message>
    <message>
        <source>Restore as draft</source>
        <translation>Als Entwurf wiederherstellen</translation>
    </message>
    <message>
        <source>Makes the selected version your draft, to check and publish</source>
        <translation>Macht die ausgewählte Fassung zu Ihrem Entwurf, zum Prüfen und Veröffentlichen</translation>
    </message>
    <message>
        <source>Review by</source>
        <translation>Prüfen bis</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Services to review</source>
        <translation>Zu prüfende Dienstleistungen</translation>
    </message>
    <message>
        <source>Past their review date, validity changing soon, or flagged; Enter opens the editor</source>
        <translation>Prüfdatum überschritten, Gültigkeit ändert sich bald oder gemeldet; Eingabetaste öffnet den Editor</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>Raised by</source>
        <translation>Gemeldet von</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>Gemeldet am</translation>
    </message>
    <message>
        <source>Open flags</source>
        <translation>Offene Meldungen</translation>
    </message>
    <message>
        <source>What agents reported as wrong or outdated; Enter opens the editor</source>
        <translation>Was Agents als falsch oder veraltet gemeldet haben; Eingabetaste öffnet den Editor</translation>
    </message>
    <message>
        <source>&amp;Resolve…</source>
        <translation>&amp;Erledigen…</translation>
    </message>
    <message>
        <source>Marks the selected flag as dealt with</source>
        <translation>Markiert die ausgewählte Meldung als erledigt</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>Begriff</translation>
    </message>
    <message>
        <source>Also searches for</source>
        <translation>Sucht auch nach</translation>
    </message>
    <message>
        <source>Synonym table</source>
        <translation>Synonymtabelle</translation>
    </message>
    <message>
        <source>Words callers use and what they stand for</source>
        <translation>Wörter der Anrufenden und wofür sie stehen</translation>
    </message>
    <message>
        <source>Term, e.g. Perso</source>
        <translation>Begriff, z. B. Perso</translation>
    </message>
    <message>
        <source>Synonym term</source>
        <translation>Synonym-Begriff</translation>
    </message>
    <message>
        <source>The word callers use</source>
        <translation>Das Wort, das Anrufende benutzen</translation>
    </message>
    <message>
        <source>Stands for, e.g. Personalausweis (comma-separated)</source>
        <translation>Steht für, z. B. Personalausweis (durch Kommas getrennt)</translation>
    </message>
    <message>
        <source>Synonym expansions</source>
        <translation>Synonym-Bedeutungen</translation>
    </message>
    <message>
        <source>The words the term also searches for, comma-separated</source>
        <translation>Die Wörter, nach denen der Begriff auch sucht, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>Save syno&amp;nym</source>
        <translation>Synonym &amp;speichern</translation>
    </message>
    <message>
        <source>Save synonym</source>
        <translation>Synonym speichern</translation>
    </message>
    <message>
        <source>Adds or replaces the term; effective in search at once</source>
        <translation>Fügt den Begriff hinzu oder ersetzt ihn; wirkt sofort in der Suche</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>Ent&amp;fernen</translation>
    </message>
    <message>
        <source>Remove synonym</source>
        <translation>Synonym entfernen</translation>
    </message>
    <message>
        <source>Removes the selected term</source>
        <translation>Entfernt den ausgewählten Begriff</translation>
    </message>
    <message>
        <source>Query or service</source>
        <translation>Suchanfrage oder Dienstleistung</translation>
    </message>
    <message>
        <source>Searches</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Without results</source>
        <translation>Ohne Treffer</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>Zuletzt</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Knowledge gaps summary</source>
        <translation>Zusammenfassung der Wissenslücken</translation>
    </message>
    <message>
        <source>The period and how many searches were logged</source>
        <translation>Der Zeitraum und wie viele Suchen protokolliert wurden</translation>
    </message>
    <message>
        <source>Knowledge gaps</source>
        <translation>Wissenslücken</translation>
    </message>
    <message>
        <source>What to write next: unanswered queries and agents&apos; flags</source>
        <translation>Was als Nächstes zu schreiben ist: unbeantwortete Suchen und Meldungen der Agents</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Who changed what and when, newest first</source>
        <translation>Wer was wann geändert hat, neueste zuerst</translation>
    </message>
    <message>
        <source>team lead</source>
        <translation>Teamleitung</translation>
    </message>
    <message>
        <source>agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>gesperrt</translation>
    </message>
    <message>
        <source>User not added: %1</source>
        <translation>Benutzer nicht angelegt: %1</translation>
    </message>
    <message>
        <source>%1 can sign in now.</source>
        <translation>%1 kann sich jetzt anmelden.</translation>
    </message>
    <message>
        <source>Role not changed: %1</source>
        <translation>Rolle nicht geändert: %1</translation>
    </message>
    <message>
        <source>Account not changed: %1</source>
        <translation>Konto nicht geändert: %1</translation>
    </message>
    <message>
        <source>&amp;Users</source>
        <translation>&amp;Benutzer</translation>
    </message>
    <message>
        <source>Login name</source>
        <translation>Anmeldename</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Angezeigter Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Everyone who can sign in to this catalogue</source>
        <translation>Alle, die sich bei diesem Katalog anmelden können</translation>
    </message>
    <message>
        <source>New user&apos;s login name</source>
        <translation>Anmeldename der neuen Person</translation>
    </message>
    <message>
        <source>Letters, digits, dot, underscore, hyphen or @</source>
        <translation>Buchstaben, Ziffern, Punkt, Unterstrich, Bindestrich oder @</translation>
    </message>
    <message>
        <source>New user&apos;s display name</source>
        <translation>Angezeigter Name der neuen Person</translation>
    </message>
    <message>
        <source>The name colleagues see</source>
        <translation>Der Name, den andere sehen</translation>
    </message>
    <message>
        <source>Initial password</source>
        <translation>Erstes Passwort</translation>
    </message>
    <message>
        <source>New user&apos;s password</source>
        <translation>Passwort der neuen Person</translation>
    </message>
    <message>
        <source>At least 10 characters; the user can change it later</source>
        <translation>Mindestens 10 Zeichen; die Person kann es später ändern</translation>
    </message>
    <message>
        <source>Team lead</source>
        <translation>Teamleitung</translation>
    </message>
    <message>
        <source>Checked: the new user may edit and publish</source>
        <translation>Angehakt: Die neue Person darf bearbeiten und veröffentlichen</translation>
    </message>
    <message>
        <source>Add us&amp;er</source>
        <translation>Benutzer &amp;anlegen</translation>
    </message>
    <message>
        <source>Add user</source>
        <translation>Benutzer anlegen</translation>
    </message>
    <message>
        <source>Creates the account</source>
        <translation>Legt das Konto an</translation>
    </message>
    <message>
        <source>Agent ↔ team lead</source>
        <translation>Agent ↔ Teamleitung</translation>
    </message>
    <message>
        <source>Change role</source>
        <translation>Rolle ändern</translation>
    </message>
    <message>
        <source>Makes the selected agent a team lead, or a team lead an agent</source>
        <translation>Macht den ausgewählten Agenten zur Teamleitung oder eine Teamleitung zum Agenten</translation>
    </message>
    <message>
        <source>Enable / disable</source>
        <translation>Aktivieren / sperren</translation>
    </message>
    <message>
        <source>Enable or disable</source>
        <translation>Aktivieren oder sperren</translation>
    </message>
    <message>
        <source>A disabled account cannot sign in</source>
        <translation>Ein gesperrtes Konto kann sich nicht anmelden</translation>
    </message>
    <message>
        <source>On the shared server everyone signs in with their server login. The administrator adds logins and changes roles with &quot;hotline-admin user add NAME --role agent|lead&quot;; here you can disable an account.</source>
        <translation>Auf dem gemeinsamen Server meldet sich jede und jeder mit der eigenen Server-Kennung an. Kennungen und Rollen legt die Administration mit &quot;hotline-admin user add NAME --role agent|lead&quot; an; hier können Sie ein Konto deaktivieren.</translation>
    </message>
    <message>
        <source>Users on the shared server</source>
        <translation>Benutzer auf dem gemeinsamen Server</translation>
    </message>
    <message>
        <source>Audit &amp;log</source>
        <translation>Pr&amp;otokoll</translation>
    </message>
    <message>
        <source>H&amp;istory of this service</source>
        <translation>Vers&amp;ionsgeschichte dieser Dienstleistung</translation>
    </message>
    <message>
        <source>&amp;Team lead</source>
        <translation>Team&amp;leitung</translation>
    </message>
    <message>
        <source>Words the catalogue does not &amp;know (last 30 days, most searched first):</source>
        <translation>Im Katalog &amp;unbekannte Wörter (letzte 30 Tage, häufigste zuerst):</translation>
    </message>
    <message>
        <source>Word</source>
        <translation>Wort</translation>
    </message>
    <message>
        <source>Words the catalogue does not know</source>
        <translation>Im Katalog unbekannte Wörter</translation>
    </message>
    <message>
        <source>Searched words no service, keyword or synonym matches, with how often they were searched. Enter adds one to the synonym table.</source>
        <translation>Gesuchte Wörter, zu denen keine Dienstleistung, kein Schlagwort und kein Synonym passt, mit der Zahl der Suchen. Die Eingabetaste übernimmt eines in die Synonymtabelle.</translation>
    </message>
    <message>
        <source>Filter synonyms</source>
        <translation>Synonyme filtern</translation>
    </message>
    <message>
        <source>Type part of a term or of what it stands for to narrow the list</source>
        <translation>Einen Teil eines Begriffs oder dessen, wofür er steht, eingeben, um die Liste einzugrenzen</translation>
    </message>
    <message numerus="yes">
        <source>%n built-in synonym(s) added; the entries the table had are unchanged.</source>
        <translation>
            <numerusform>%n eingebautes Synonym ergänzt; die vorhandenen Einträge sind unverändert.</numerusform>
            <numerusform>%n eingebaute Synonyme ergänzt; die vorhandenen Einträge sind unverändert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Built-in synonyms: %n added, then: %1</source>
        <translation>
            <numerusform>Eingebaute Synonyme: %n ergänzt, dann: %1</numerusform>
            <numerusform>Eingebaute Synonyme: %n ergänzt, dann: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n built-in synonym(s) added; adding the built-in example questions failed: %1</source>
        <translation>
            <numerusform>%n eingebautes Synonym ergänzt; das Ergänzen der eingebauten Beispielfragen ist fehlgeschlagen: %1</numerusform>
            <numerusform>%n eingebaute Synonyme ergänzt; das Ergänzen der eingebauten Beispielfragen ist fehlgeschlagen: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Built-in example questions added to %n article(s) that had none.</source>
        <translation>
            <numerusform>Eingebaute Beispielfragen bei %n Artikel ohne Fragen ergänzt.</numerusform>
            <numerusform>Eingebaute Beispielfragen bei %n Artikeln ohne Fragen ergänzt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Add &amp;built-in synonyms and questions</source>
        <translation>&amp;Eingebaute Synonyme und Fragen ergänzen</translation>
    </message>
    <message>
        <source>Add built-in synonyms and example questions</source>
        <translation>Eingebaute Synonyme und Beispielfragen ergänzen</translation>
    </message>
    <message>
        <source>Adds the synonyms this version ships whose terms the table lacks, and its example questions to the articles of the built-in catalogue that have none; changes no entry or question there is</source>
        <translation>Ergänzt die mitgelieferten Synonyme, deren Begriffe in der Tabelle fehlen, und die mitgelieferten Beispielfragen bei den Artikeln des eingebauten Katalogs, die keine haben; ändert keinen vorhandenen Eintrag und keine vorhandene Frage</translation>
    </message>
    <message>
        <source>Add to the &amp;example questions of the edited service</source>
        <translation>&amp;Zu den Beispielfragen der bearbeiteten Dienstleistung</translation>
    </message>
    <message>
        <source>Add to the example questions of the edited service</source>
        <translation>Zu den Beispielfragen der bearbeiteten Dienstleistung</translation>
    </message>
    <message>
        <source>Adds the selected search, as typed, as an example question of the service open in the editor; open a service on the Services tab first. Save or publish there to keep it</source>
        <translation>Übernimmt die gewählte Suche, wie sie eingegeben wurde, als Beispielfrage der im Editor geöffneten Dienstleistung; zuerst auf der Seite Dienstleistungen eine öffnen. Zum Behalten dort speichern oder veröffentlichen</translation>
    </message>
    <message>
        <source>Add to the &amp;example questions of “%1”</source>
        <translation>&amp;Zu den Beispielfragen von „%1“</translation>
    </message>
    <message>
        <source>Add to the example questions of “%1”</source>
        <translation>Zu den Beispielfragen von „%1“</translation>
    </message>
    <message>
        <source>Adds the selected search, as typed, as an example question of the service open in the editor; save or publish there to keep it</source>
        <translation>Übernimmt die gewählte Suche, wie sie eingegeben wurde, als Beispielfrage der im Editor geöffneten Dienstleistung; zum Behalten dort speichern oder veröffentlichen</translation>
    </message>
    <message>
        <source>Select a search (not a flag) in the knowledge gaps first.</source>
        <translation>Zuerst in den Wissenslücken eine Suche (keine Meldung) auswählen.</translation>
    </message>
    <message>
        <source>Open a service in the editor first (Services tab), then add the search to its example questions.</source>
        <translation>Zuerst eine Dienstleistung im Editor öffnen (Seite Dienstleistungen), dann die Suche zu ihren Beispielfragen hinzufügen.</translation>
    </message>
    <message>
        <source>“%1” is already one of the example questions of “%2”.</source>
        <translation>„%1“ ist schon eine Beispielfrage von „%2“.</translation>
    </message>
    <message>
        <source>“%1” added to the example questions of “%2”; save or publish to keep it.</source>
        <translation>„%1“ zu den Beispielfragen von „%2“ hinzugefügt; zum Behalten speichern oder veröffentlichen.</translation>
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
        <translation>Dienst&amp;leistung</translation>
    </message>
    <message>
        <source>The service the question is about</source>
        <translation>Die Dienstleistung, um die es geht</translation>
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
        <translation>Ein&amp;willigung</translation>
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
    <message>
        <source>Deadline rule</source>
        <translation>Fristregel</translation>
    </message>
    <message numerus="yes">
        <source>%n working day(s)</source>
        <translation>
            <numerusform>%n Arbeitstag</numerusform>
            <numerusform>%n Arbeitstage</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) of working days</source>
        <translation>
            <numerusform>%n Stunde an Arbeitstagen</numerusform>
            <numerusform>%n Stunden an Arbeitstagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n working hour(s)</source>
        <translation>
            <numerusform>%n Arbeitsstunde</numerusform>
            <numerusform>%n Arbeitsstunden</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (rule of the service %2)</source>
        <translation>%1 (Regel der Dienstleistung %2)</translation>
    </message>
    <message>
        <source>%1 (rule of the office %2)</source>
        <translation>%1 (Regel der Dienststelle %2)</translation>
    </message>
    <message>
        <source>%1 (default rule)</source>
        <translation>%1 (Standardregel)</translation>
    </message>
    <message>
        <source>Deadline rule: %1</source>
        <translation>Fristregel: %1</translation>
    </message>
    <message>
        <source>How the deadline was counted; tell the citizen</source>
        <translation>Wie die Frist gezählt wurde; das können Sie der anrufenden Person sagen</translation>
    </message>
</context>
<context>
    <name>desk::LoginDialog</name>
    <message>
        <source>&amp;Login name:</source>
        <translation>An&amp;meldename:</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>Angezeigter &amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>Passwort &amp;wiederholen:</translation>
    </message>
    <message>
        <source>Create the first team lead</source>
        <translation>Erste Teamleitung anlegen</translation>
    </message>
    <message>
        <source>Nobody has an account on this catalogue yet. Create the first team lead: they can then add agents and further team leads. The password needs at least 10 characters.</source>
        <translation>Für diesen Katalog gibt es noch kein Konto. Legen Sie die erste Teamleitung an: Sie kann danach Agents und weitere Teamleitungen hinzufügen. Das Passwort braucht mindestens 10 Zeichen.</translation>
    </message>
    <message>
        <source>&amp;Create and sign in</source>
        <translation>&amp;Anlegen und anmelden</translation>
    </message>
    <message>
        <source>Sign in to Hotline Desk</source>
        <translation>Bei Hotline Desk anmelden</translation>
    </message>
    <message>
        <source>Sign in with your login name and password.</source>
        <translation>Melden Sie sich mit Anmeldename und Passwort an.</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>Erläuterung</translation>
    </message>
    <message>
        <source>Sign-in error</source>
        <translation>Anmeldefehler</translation>
    </message>
    <message>
        <source>Login name</source>
        <translation>Anmeldename</translation>
    </message>
    <message>
        <source>Your login name, for example m.mueller</source>
        <translation>Ihr Anmeldename, zum Beispiel m.mueller</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Angezeigter Name</translation>
    </message>
    <message>
        <source>The name colleagues see in the review queue and history</source>
        <translation>Der Name, den andere in Prüfliste und Versionsgeschichte sehen</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>At least 10 characters</source>
        <translation>Mindestens 10 Zeichen</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>Passwort wiederholen</translation>
    </message>
    <message>
        <source>The same password once more</source>
        <translation>Dasselbe Passwort noch einmal</translation>
    </message>
    <message>
        <source>Create the account</source>
        <translation>Konto anlegen</translation>
    </message>
    <message>
        <source>Sign in or cancel</source>
        <translation>Anmelden oder abbrechen</translation>
    </message>
    <message>
        <source>The catalogue is unavailable, so nobody can sign in.</source>
        <translation>Der Katalog ist nicht verfügbar, daher kann sich niemand anmelden.</translation>
    </message>
    <message>
        <source>Enter your login name.</source>
        <translation>Geben Sie Ihren Anmeldenamen ein.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Die beiden Passwörter unterscheiden sich.</translation>
    </message>
    <message>
        <source>Cannot create the team lead: %1</source>
        <translation>Die Teamleitung kann nicht angelegt werden: %1</translation>
    </message>
    <message>
        <source>Sign in with your login for the shared server %1:%2 (database %3).</source>
        <translation>Melden Sie sich mit Ihrer Kennung für den gemeinsamen Server %1:%2 (Datenbank %3) an.</translation>
    </message>
    <message>
        <source>&amp;Work offline</source>
        <translation>&amp;Offline arbeiten</translation>
    </message>
    <message>
        <source>Work offline</source>
        <translation>Offline arbeiten</translation>
    </message>
    <message>
        <source>Start without signing in: search and calls work, editing the catalogue does not</source>
        <translation>Ohne Anmeldung starten: Suche und Anrufe funktionieren, das Bearbeiten des Katalogs nicht</translation>
    </message>
    <message>
        <source>Your password for the shared server</source>
        <translation>Ihr Passwort für den gemeinsamen Server</translation>
    </message>
    <message>
        <source>Signing in at %1…</source>
        <translation>Anmeldung bei %1 …</translation>
    </message>
    <message>
        <source>The server refused the sign-in: wrong login name or password.
(%1)</source>
        <translation>Der Server hat die Anmeldung abgelehnt: Kennung oder Passwort falsch.
(%1)</translation>
    </message>
    <message>
        <source>Cannot sign in at the server: %1
You can work offline: search and calls keep working, editing the catalogue needs the server.</source>
        <translation>Anmeldung beim Server nicht möglich: %1
Sie können offline arbeiten: Suche und Anrufe funktionieren weiter, zum Bearbeiten des Katalogs braucht es den Server.</translation>
    </message>
    <message>
        <source>Cannot sign in at the server: %1</source>
        <translation>Anmeldung beim Server nicht möglich: %1</translation>
    </message>
    <message>
        <source>The server knows the login %1 but has no editorial user of that name. Ask the administrator to run &quot;hotline-admin user add %1&quot; again.</source>
        <translation>Der Server kennt die Kennung %1, hat aber keinen Redaktionsbenutzer dieses Namens. Bitten Sie die Administration, &quot;hotline-admin user add %1&quot; noch einmal auszuführen.</translation>
    </message>
    <message>
        <source>The account %1 is disabled.</source>
        <translation>Das Konto %1 ist deaktiviert.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Geben Sie Ihr Passwort ein.</translation>
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
        <source>Se&amp;curity:</source>
        <translation>S&amp;icherheit:</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>An&amp;meldename:</translation>
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
        <source>Public holidays of s&amp;tate:</source>
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
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>Delete caller numbers a&amp;fter:</source>
        <translation>Anrufernummern lösc&amp;hen nach:</translation>
    </message>
    <message>
        <source>Mask (keep the area code)</source>
        <translation>Maskieren (Vorwahl bleibt)</translation>
    </message>
    <message>
        <source>Remove completely</source>
        <translation>Vollständig löschen</translation>
    </message>
    <message>
        <source>Old caller numbers a&amp;re:</source>
        <translation>Alte Anrufernummern we&amp;rden:</translation>
    </message>
    <message>
        <source>Privacy period</source>
        <translation>Löschfrist</translation>
    </message>
    <message>
        <source>Caller numbers and citizens&apos; details older than this are deleted at every start</source>
        <translation>Ältere Anrufernummern und Bürgerdaten werden bei jedem Start gelöscht</translation>
    </message>
    <message>
        <source>Privacy purge</source>
        <translation>Datenschutz-Löschung</translation>
    </message>
    <message>
        <source>Mask keeps the area code for statistics; remove deletes all</source>
        <translation>Maskieren behält die Vorwahl für die Statistik; Löschen entfernt alles</translation>
    </message>
    <message>
        <source>Show due cases as &amp;desktop notifications</source>
        <translation>Fällige Vorgänge als &amp;Desktop-Benachrichtigung zeigen</translation>
    </message>
    <message>
        <source>Desktop notifications</source>
        <translation>Desktop-Benachrichtigungen</translation>
    </message>
    <message>
        <source>On: a case whose reminder is due also shows as a notification of the desktop, with a button that opens it, while the desk is in the background</source>
        <translation>Ein: Ein Vorgang, dessen Erinnerung fällig ist, erscheint auch als Benachrichtigung des Desktops, mit einer Schaltfläche, die ihn öffnet – auch wenn Hotline Desk im Hintergrund ist</translation>
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
        <source>Search r&amp;esults</source>
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
        <source>Go to the ar&amp;ticle</source>
        <translation>Zur &amp;Dienstleistung</translation>
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
    <name>desk::OfficeScheduleDialog</name>
    <message>
        <source>Office hours for appointments</source>
        <translation>Öffnungszeiten für Termine</translation>
    </message>
    <message>
        <source>&amp;Office</source>
        <translation>&amp;Dienststelle</translation>
    </message>
    <message>
        <source>Office of the catalogue whose appointment hours you edit</source>
        <translation>Dienststelle des Katalogs, deren Terminzeiten Sie bearbeiten</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>geschlossen</translation>
    </message>
    <message>
        <source>Hours on %1</source>
        <translation>Zeiten am %1</translation>
    </message>
    <message>
        <source>Intervals such as 08:00-12:00, 13:00-16:00; empty: closed</source>
        <translation>Zeiträume wie 08:00-12:00, 13:00-16:00; leer: geschlossen</translation>
    </message>
    <message>
        <source>&amp;Parallel appointments per slot</source>
        <translation>&amp;Parallele Termine je Zeitfenster</translation>
    </message>
    <message>
        <source>Counters serving citizens at the same time</source>
        <translation>Schalter, die gleichzeitig Bürgerinnen und Bürger bedienen</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>Slot &amp;grid</source>
        <translation>Termin&amp;raster</translation>
    </message>
    <message>
        <source>Appointments start on this grid, in minutes</source>
        <translation>Termine beginnen in diesem Raster, in Minuten</translation>
    </message>
    <message>
        <source>Schedule status</source>
        <translation>Status des Terminplans</translation>
    </message>
    <message>
        <source>Saves the office&apos;s hours and capacity</source>
        <translation>Speichert Zeiten und Kapazität der Dienststelle</translation>
    </message>
    <message>
        <source>The catalogue has no offices.</source>
        <translation>Der Katalog enthält keine Dienststellen.</translation>
    </message>
    <message>
        <source>This office takes no appointments yet.</source>
        <translation>Diese Dienststelle vergibt noch keine Termine.</translation>
    </message>
    <message>
        <source>Choose an office.</source>
        <translation>Wählen Sie eine Dienststelle.</translation>
    </message>
    <message>
        <source>Hours on %1: %2</source>
        <translation>Zeiten am %1: %2</translation>
    </message>
    <message>
        <source>The server is not reachable: this is the desk&apos;s copy of the office hours. They are saved on the server only; please try again when it is reachable.</source>
        <translation>Server nicht erreichbar: Das ist die Kopie der Öffnungszeiten an diesem Arbeitsplatz. Gespeichert wird nur auf dem Server; bitte erneut versuchen, sobald er erreichbar ist.</translation>
    </message>
    <message>
        <source>The server is not reachable: in shared mode office hours are saved on the server. Nothing was saved; please try again later.</source>
        <translation>Server nicht erreichbar: Im gemeinsamen Betrieb werden Öffnungszeiten auf dem Server gespeichert. Es wurde nichts gespeichert; bitte später erneut versuchen.</translation>
    </message>
    <message>
        <source>The server refused the change: %1</source>
        <translation>Der Server hat die Änderung abgelehnt: %1</translation>
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
    <name>desk::ReportView</name>
    <message>
        <source>Export figures</source>
        <translation>Kennzahlen exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>The call journal cannot be opened: %1</source>
        <translation>Das Anrufjournal lässt sich nicht öffnen: %1</translation>
    </message>
    <message>
        <source>Calls per hour</source>
        <translation>Anrufe pro Stunde</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Anrufe</translation>
    </message>
    <message>
        <source>Calls per weekday</source>
        <translation>Anrufe pro Wochentag</translation>
    </message>
    <message>
        <source>Answered directly</source>
        <translation>Direkt beantwortet</translation>
    </message>
    <message>
        <source>Forwarded</source>
        <translation>Weitergeleitet</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>Termin</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstige</translation>
    </message>
    <message>
        <source>Outcomes</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <source>No call journal yet on this desk.</source>
        <translation>Auf diesem Arbeitsplatz gibt es noch kein Anrufjournal.</translation>
    </message>
    <message>
        <source>meets the promise of 65 %</source>
        <translation>erfüllt das Versprechen von 65 %</translation>
    </message>
    <message>
        <source>below the promise of 65 %</source>
        <translation>unter dem Versprechen von 65 %</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Figures – Hotline Desk</source>
        <translation>Kennzahlen – Hotline Desk</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Anzeigen</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>CSV e&amp;xportieren…</translation>
    </message>
    <message>
        <source>No calls in this period yet. Figures appear once calls are recorded in the journal.</source>
        <translation>In diesem Zeitraum gibt es noch keine Anrufe. Kennzahlen erscheinen, sobald Anrufe im Journal stehen.</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>First day of the period</source>
        <translation>Erster Tag des Zeitraums</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Last day of the period</source>
        <translation>Letzter Tag des Zeitraums</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Computes the figures for the period</source>
        <translation>Berechnet die Kennzahlen für den Zeitraum</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>CSV exportieren</translation>
    </message>
    <message>
        <source>Saves the figures of the period as a CSV file</source>
        <translation>Speichert die Kennzahlen des Zeitraums als CSV-Datei</translation>
    </message>
    <message>
        <source>Key figures</source>
        <translation>Kennzahlen</translation>
    </message>
    <message>
        <source>First-contact resolution, deadlines kept and talk time</source>
        <translation>Erstlösungsquote, eingehaltene Fristen und Gesprächsdauer</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>Keine Daten</translation>
    </message>
    <message>
        <source>Shown when the period has no calls</source>
        <translation>Erscheint, wenn der Zeitraum keine Anrufe hat</translation>
    </message>
    <message>
        <source>Bar chart of the calls by hour of the day</source>
        <translation>Balkendiagramm der Anrufe nach Tagesstunde</translation>
    </message>
    <message>
        <source>Bar chart of the calls by weekday</source>
        <translation>Balkendiagramm der Anrufe nach Wochentag</translation>
    </message>
    <message>
        <source>Pie chart: answered directly, forwarded, appointment</source>
        <translation>Kreisdiagramm: direkt beantwortet, weitergeleitet, Termin</translation>
    </message>
    <message>
        <source>All lines</source>
        <translation>Alle Leitungen</translation>
    </message>
    <message>
        <source>All municipalities</source>
        <translation>Alle Gemeinden</translation>
    </message>
    <message>
        <source>Services asked most</source>
        <translation>Am häufigsten erfragte Dienstleistungen</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s). First-contact resolution %1 % (%2). Forwarded cases answered by their deadline: %3 % (%4 of %5; %6 open, %7 overdue). Average talk time %8 s, time to answer %9 s.</source>
        <translation>
            <numerusform>%n Anruf. Erstlösungsquote %1 % (%2). Weitergeleitete Vorgänge fristgerecht beantwortet: %3 % (%4 von %5; %6 offen, %7 überfällig). Mittlere Gesprächsdauer %8 s, Annahmezeit %9 s.</numerusform>
            <numerusform>%n Anrufe. Erstlösungsquote %1 % (%2). Weitergeleitete Vorgänge fristgerecht beantwortet: %3 % (%4 von %5; %6 offen, %7 überfällig). Mittlere Gesprächsdauer %8 s, Annahmezeit %9 s.</numerusform>
        </translation>
    </message>
    <message>
        <source>Bar chart of the services callers asked about most</source>
        <translation>Balkendiagramm der am häufigsten erfragten Dienstleistungen</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Leitung</translation>
    </message>
    <message>
        <source>Count the calls of one line only</source>
        <translation>Nur die Anrufe einer Leitung zählen</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>Gemeinde</translation>
    </message>
    <message>
        <source>Count the calls of one municipality only</source>
        <translation>Nur die Anrufe einer Gemeinde zählen</translation>
    </message>
    <message>
        <source>Appointments booked per office</source>
        <translation>Gebuchte Termine pro Dienststelle</translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation>Termine</translation>
    </message>
    <message>
        <source>Bar chart of the appointments booked per office</source>
        <translation>Balkendiagramm der gebuchten Termine pro Dienststelle</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Bis:</translation>
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
    <name>desk::SavingDialog</name>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Saved on the server.</source>
        <translation>Auf dem Server gespeichert.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>Closes the window without saving</source>
        <translation>Schließt das Fenster, ohne zu speichern</translation>
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
        <source>Search (Ctrl+K), e.g. “perso”, “ummelden”</source>
        <translation>Suchen (Strg+K), z. B. „perso“, „ummelden“</translation>
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
    <message>
        <source>No service opened yet. The services you open appear here, newest first.</source>
        <translation>Noch keine Dienstleistung geöffnet. Geöffnete Dienstleistungen erscheinen hier, die neueste zuerst.</translation>
    </message>
    <message>
        <source>No favourites yet. Ctrl+D adds the service on screen.</source>
        <translation>Noch keine Favoriten. Strg+D fügt die angezeigte Dienstleistung hinzu.</translation>
    </message>
    <message>
        <source>Not in the catalogue: %1</source>
        <translation>Nicht im Katalog: %1</translation>
    </message>
    <message>
        <source>Words not in the catalogue</source>
        <translation>Wörter, die nicht im Katalog stehen</translation>
    </message>
    <message>
        <source>Words of the search that no service in the catalogue contains: the results come from the other words. Rephrase them or look in the A–Z index.</source>
        <translation>Wörter der Suche, die in keiner Dienstleistung des Katalogs vorkommen: Die Ergebnisse stammen von den übrigen Wörtern. Formulieren Sie sie um oder suchen Sie im A–Z-Verzeichnis.</translation>
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
    <message>
        <source>validity ended</source>
        <translation>Gültigkeit abgelaufen</translation>
    </message>
    <message>
        <source>valid from %1</source>
        <translation>gültig ab %1</translation>
    </message>
    <message>
        <source>changes on %1</source>
        <translation>ändert sich am %1</translation>
    </message>
    <message>
        <source>due for review</source>
        <translation>Prüfung fällig</translation>
    </message>
</context>
<context>
    <name>desk::ServerSettingsPage</name>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung zu %1 wird aufgebaut…</translation>
    </message>
    <message>
        <source>Connection succeeded: %1</source>
        <translation>Verbindung erfolgreich: %1</translation>
    </message>
    <message>
        <source>Connection failed: %1</source>
        <translation>Verbindung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA-Zertifikat</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt);;All files (*)</source>
        <translation>Zertifikate (*.pem *.crt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>&amp;Catalogue source:</source>
        <translation>&amp;Katalogquelle:</translation>
    </message>
    <message>
        <source>Off: this desk only (local database)</source>
        <translation>Aus: nur dieser Arbeitsplatz (lokale Datenbank)</translation>
    </message>
    <message>
        <source>Shared server (PostgreSQL)</source>
        <translation>Gemeinsamer Server (PostgreSQL)</translation>
    </message>
    <message>
        <source>Catalogue source</source>
        <translation>Katalogquelle</translation>
    </message>
    <message>
        <source>Off keeps the catalogue on this desk; a shared server keeps every desk in step and stores calls, forwards and bookings centrally</source>
        <translation>„Aus“ hält den Katalog an diesem Arbeitsplatz; ein gemeinsamer Server hält alle Plätze auf demselben Stand und speichert Anrufe, Weiterleitungen und Termine zentral</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>Server host</source>
        <translation>Server-Host</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>Server port</source>
        <translation>Server-Port</translation>
    </message>
    <message>
        <source>Data&amp;base:</source>
        <translation>Daten&amp;bank:</translation>
    </message>
    <message>
        <source>Database name</source>
        <translation>Datenbankname</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>Ben&amp;utzer:</translation>
    </message>
    <message>
        <source>Server user</source>
        <translation>Server-Benutzer</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <source>Server password</source>
        <translation>Server-Passwort</translation>
    </message>
    <message>
        <source>Stored in the system keychain, never in the settings file</source>
        <translation>Wird im Schlüsselbund des Systems gespeichert, nie in der Einstellungsdatei</translation>
    </message>
    <message>
        <source>&amp;TLS:</source>
        <translation>&amp;TLS:</translation>
    </message>
    <message>
        <source>Off (disable)</source>
        <translation>Aus (disable)</translation>
    </message>
    <message>
        <source>Encrypted (require)</source>
        <translation>Verschlüsselt (require)</translation>
    </message>
    <message>
        <source>Encrypted, server verified (verify-full)</source>
        <translation>Verschlüsselt, Server geprüft (verify-full)</translation>
    </message>
    <message>
        <source>TLS mode</source>
        <translation>TLS-Modus</translation>
    </message>
    <message>
        <source>C&amp;A file:</source>
        <translation>C&amp;A-Datei:</translation>
    </message>
    <message>
        <source>CA certificate file</source>
        <translation>CA-Zertifikatsdatei</translation>
    </message>
    <message>
        <source>Certificate of the authority that signed the server&apos;s certificate</source>
        <translation>Zertifikat der Stelle, die das Zertifikat des Servers ausgestellt hat</translation>
    </message>
    <message>
        <source>B&amp;rowse…</source>
        <translation>Du&amp;rchsuchen…</translation>
    </message>
    <message>
        <source>Browse for the CA certificate</source>
        <translation>CA-Zertifikat auswählen</translation>
    </message>
    <message>
        <source>Test co&amp;nnection</source>
        <translation>Verbindu&amp;ng testen</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>Logs in to the server with these values and shows the result</source>
        <translation>Meldet sich mit diesen Angaben am Server an und zeigt das Ergebnis</translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation>Ergebnis des Verbindungstests</translation>
    </message>
    <message>
        <source>OK reconnects the desk with a new host, port, database, user, password or TLS setting; changes waiting to be sent stay queued and go to the server once connected. Switching between this desk only and the shared server applies at the next start. The password is kept in the system keychain.</source>
        <translation>Mit OK verbindet sich der Arbeitsplatz mit neuem Host, Port, Datenbank, Benutzer, Passwort oder TLS sofort neu; noch nicht gesendete Änderungen bleiben in der Warteschlange und gehen an den Server, sobald er verbunden ist. Der Wechsel zwischen „nur dieser Arbeitsplatz“ und gemeinsamem Server gilt ab dem nächsten Start. Das Passwort liegt im Schlüsselbund des Systems.</translation>
    </message>
</context>
<context>
    <name>desk::ServerStatusLabel</name>
    <message>
        <source>The server refused a booking.</source>
        <translation>Der Server hat eine Terminbuchung abgelehnt.</translation>
    </message>
    <message>
        <source>The server refused a call record.</source>
        <translation>Der Server hat einen Anrufeintrag abgelehnt.</translation>
    </message>
    <message>
        <source>The server refused a forward.</source>
        <translation>Der Server hat eine Weiterleitung abgelehnt.</translation>
    </message>
    <message>
        <source>The server refused a change.</source>
        <translation>Der Server hat eine Änderung abgelehnt.</translation>
    </message>
    <message>
        <source>Change refused by the server</source>
        <translation>Änderung vom Server abgelehnt</translation>
    </message>
    <message>
        <source>Connecting to the server…</source>
        <translation>Verbindung zum Server wird aufgebaut…</translation>
    </message>
    <message>
        <source>Server connected</source>
        <translation>Server verbunden</translation>
    </message>
    <message>
        <source>Server unreachable – changes will be sent as soon as it is back</source>
        <translation>Server nicht erreichbar – Änderungen werden gesendet, sobald er wieder da ist</translation>
    </message>
    <message>
        <source>Connection to the shared catalogue server</source>
        <translation>Verbindung zum gemeinsamen Katalogserver</translation>
    </message>
    <message>
        <source>The catalogue is kept up to date from the server.</source>
        <translation>Der Katalog wird vom Server aktuell gehalten.</translation>
    </message>
    <message>
        <source>Shared store unavailable: %1</source>
        <translation>Gemeinsamer Server nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>The server refused several changes.</source>
        <translation>Der Server hat mehrere Änderungen abgelehnt.</translation>
    </message>
    <message>
        <source>The server refused a flag of a service.</source>
        <translation>Der Server hat die Meldung einer Dienstleistung abgelehnt.</translation>
    </message>
    <message>
        <source>The server refused an entry of the search log.</source>
        <translation>Der Server hat einen Eintrag des Suchprotokolls abgelehnt.</translation>
    </message>
    <message>
        <source>Searching works on this desk&apos;s copy of the catalogue. Calls, forwards, bookings, searches and flags are kept on this desk and sent when the server is reachable again.</source>
        <translation>Die Suche arbeitet mit der Katalogkopie dieses Arbeitsplatzes. Anrufe, Weiterleitungen, Termine, Suchen und Meldungen bleiben an diesem Arbeitsplatz und werden gesendet, sobald der Server wieder erreichbar ist.</translation>
    </message>
    <message>
        <source>Connecting to %1 with the new server settings…</source>
        <translation>Verbindung zu %1 mit den neuen Servereinstellungen wird aufgebaut…</translation>
    </message>
    <message>
        <source>Server settings not applied: %1</source>
        <translation>Servereinstellungen nicht übernommen: %1</translation>
    </message>
</context>
<context>
    <name>desk::ServerStores</name>
    <message>
        <source>Server not reachable – only the entries of this desk</source>
        <translation>Server nicht erreichbar – nur die Einträge dieses Arbeitsplatzes</translation>
    </message>
    <message>
        <source>The shared store is not running.</source>
        <translation>Die Verbindung zum gemeinsamen Server läuft nicht.</translation>
    </message>
    <message>
        <source>The server is not reachable.</source>
        <translation>Der Server ist nicht erreichbar.</translation>
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
        <translation>S&amp;tandard</translation>
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
        <source>Open lin&amp;ks in:</source>
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
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
</context>
<context>
    <name>desk::SharedStoreConnector</name>
    <message>
        <source>The folder %1 for the local replica could not be created.</source>
        <translation>Der Ordner %1 für die lokale Katalogkopie konnte nicht angelegt werden.</translation>
    </message>
    <message>
        <source>The shared store is not running.</source>
        <translation>Die Verbindung zum gemeinsamen Server läuft nicht.</translation>
    </message>
    <message>
        <source>The server is not reachable.</source>
        <translation>Der Server ist nicht erreichbar.</translation>
    </message>
    <message>
        <source>Switching the shared server off applies at the next start of the desk.</source>
        <translation>Das Abschalten des gemeinsamen Servers gilt ab dem nächsten Start des Arbeitsplatzes.</translation>
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
        <source> s</source>
        <translation> s</translation>
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
    <message>
        <source>Empty: the system&apos;s certificate authorities</source>
        <translation>Leer: die Zertifizierungsstellen des Systems</translation>
    </message>
    <message>
        <source>TLS &amp;CA file:</source>
        <translation>TLS-&amp;CA-Datei:</translation>
    </message>
    <message>
        <source>&amp;Verify the phone system&apos;s TLS certificate</source>
        <translation>TLS-Zertifikat der Telefonanlage &amp;verifizieren</translation>
    </message>
    <message>
        <source>TLS CA file</source>
        <translation>TLS-CA-Datei</translation>
    </message>
    <message>
        <source>PEM file of the authority that signed the phone system&apos;s certificate (transport TLS only)</source>
        <translation>PEM-Datei der Stelle, die das Zertifikat der Telefonanlage signiert hat (nur bei Transport TLS)</translation>
    </message>
    <message>
        <source>Verify TLS certificate</source>
        <translation>TLS-Zertifikat prüfen</translation>
    </message>
    <message>
        <source>Off only for tests: without verification anyone on the network can pose as the phone system</source>
        <translation>Nur für Tests ausschalten: Ohne Prüfung kann sich jeder im Netz als Telefonanlage ausgeben</translation>
    </message>
    <message>
        <source>Empty: no client certificate</source>
        <translation>Leer: kein Client-Zertifikat</translation>
    </message>
    <message>
        <source>Br&amp;owse…</source>
        <translation>Durchs&amp;uchen…</translation>
    </message>
    <message>
        <source>Client c&amp;ertificate:</source>
        <translation>Client-&amp;Zertifikat:</translation>
    </message>
    <message>
        <source>Brow&amp;se…</source>
        <translation>Durchsuch&amp;en…</translation>
    </message>
    <message>
        <source>Private &amp;key:</source>
        <translation>Privater &amp;Schlüssel:</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>Client-Zertifikat</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt);;All files (*)</source>
        <translation>Zertifikate (*.pem *.crt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Private key</source>
        <translation>Privater Schlüssel</translation>
    </message>
    <message>
        <source>Private keys (*.pem *.key);;All files (*)</source>
        <translation>Private Schlüssel (*.pem *.key);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>PEM file of this desk&apos;s own certificate, for phone systems that require one (transport TLS only)</source>
        <translation>PEM-Datei mit dem eigenen Zertifikat dieses Arbeitsplatzes, für Telefonanlagen, die eines verlangen (nur Transport TLS)</translation>
    </message>
    <message>
        <source>Choose the client certificate</source>
        <translation>Client-Zertifikat auswählen</translation>
    </message>
    <message>
        <source>Opens a file dialog to choose the PEM file</source>
        <translation>Öffnet einen Dateidialog zur Auswahl der PEM-Datei</translation>
    </message>
    <message>
        <source>Unencrypted PEM file of the client certificate&apos;s private key (transport TLS only)</source>
        <translation>Unverschlüsselte PEM-Datei mit dem privaten Schlüssel des Client-Zertifikats (nur Transport TLS)</translation>
    </message>
    <message>
        <source>Choose the private key</source>
        <translation>Privaten Schlüssel auswählen</translation>
    </message>
    <message>
        <source>&amp;Lines → municipalities:</source>
        <translation>Leitungen → &amp;Gemeinden:</translation>
    </message>
    <message>
        <source>Wrap-up t&amp;ime:</source>
        <translation>&amp;Nachbearbeitungszeit:</translation>
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
        <translation>Dienstleistungen zum Anliegen</translation>
    </message>
    <message>
        <source>Services this call was about; Ctrl+Shift+A adds the one on screen</source>
        <translation>Dienstleistungen, um die es ging; Strg+Umschalt+A fügt die angezeigte hinzu</translation>
    </message>
    <message>
        <source>Remove service</source>
        <translation>Dienstleistung entfernen</translation>
    </message>
    <message>
        <source>Removes the selected service from this call</source>
        <translation>Entfernt die gewählte Dienstleistung aus diesem Anruf</translation>
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
        <translation>Dienstleistung</translation>
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

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
        <translation>Aus: nur dieser Platz (lokale Datenbank)</translation>
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
        <translation>„Aus“ hält den Katalog auf diesem Platz; ein gemeinsamer Server hält alle Plätze auf demselben Stand und speichert Anrufe, Weiterleitungen und Termine zentral</translation>
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
        <source>The server settings apply at the next start of the desk. The password is kept in the system keychain.</source>
        <translation>Die Server-Einstellungen gelten ab dem nächsten Start des Platzes. Das Passwort wird im Schlüsselbund des Systems aufbewahrt.</translation>
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
        <source>Searching works on this desk&apos;s copy of the catalogue. Calls, forwards and bookings are kept on this desk and sent when the server is reachable again.</source>
        <translation>Die Suche arbeitet mit der Katalogkopie dieses Platzes. Anrufe, Weiterleitungen und Termine bleiben auf diesem Platz und werden gesendet, sobald der Server wieder erreichbar ist.</translation>
    </message>
    <message>
        <source>Shared store unavailable: %1</source>
        <translation>Gemeinsamer Server nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>The server refused several changes.</source>
        <translation>Der Server hat mehrere Änderungen abgelehnt.</translation>
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
        <source>&lt;b&gt;Telephony&lt;/b&gt;&lt;p&gt;Not yet available: the connection to the telephone system (SIP account, agent state) will be configured here.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Telefonie&lt;/b&gt;&lt;p&gt;Noch nicht verfügbar: Hier wird die Anbindung an die Telefonanlage (SIP-Konto, Agentenstatus) eingerichtet.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Mail&lt;/b&gt;&lt;p&gt;Not yet available: the mail server for forwarding calls to the responsible office will be configured here.&lt;/p&gt;</source>
        <translation>&lt;b&gt;E-Mail&lt;/b&gt;&lt;p&gt;Noch nicht verfügbar: Hier wird der Mailserver für die Weiterleitung von Anliegen an die zuständige Stelle eingerichtet.&lt;/p&gt;</translation>
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
</TS>

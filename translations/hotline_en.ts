<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en">
<context>
    <name>ArticleHtml</name>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Opening hours</source>
        <translation>Opening hours</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>Favourite</source>
        <translation>Favourite</translation>
    </message>
    <message>
        <source>Use the online service</source>
        <translation>Use the online service</translation>
    </message>
    <message>
        <source>Documents to bring</source>
        <translation>Documents to bring</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>Fees</translation>
    </message>
    <message>
        <source>Processing time</source>
        <translation>Processing time</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Responsible office</source>
        <translation>Responsible office</translation>
    </message>
    <message>
        <source>Responsible offices</source>
        <translation>Responsible offices</translation>
    </message>
    <message>
        <source>Page in the city portal</source>
        <translation>Page in the city portal</translation>
    </message>
    <message>
        <source>Forms and links</source>
        <translation>Forms and links</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <source>Last reviewed: %1</source>
        <translation>Last reviewed: %1</translation>
    </message>
    <message>
        <source>Last updated: %1</source>
        <translation>Last updated: %1</translation>
    </message>
    <message>
        <source>Review overdue since %1</source>
        <translation>Review overdue since %1</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>Source: %1</translation>
    </message>
    <message>
        <source>LeiKa key: %1</source>
        <translation>LeiKa key: %1</translation>
    </message>
    <message>
        <source>Documents to bring:</source>
        <translation>Documents to bring:</translation>
    </message>
    <message>
        <source>Fees: %1</source>
        <translation>Fees: %1</translation>
    </message>
    <message>
        <source>Processing time: %1</source>
        <translation>Processing time: %1</translation>
    </message>
    <message>
        <source>Responsible office: %1</source>
        <translation>Responsible office: %1</translation>
    </message>
    <message>
        <source>Office: %1</source>
        <translation>Office: %1</translation>
    </message>
    <message>
        <source>Opening hours: %1</source>
        <translation>Opening hours: %1</translation>
    </message>
    <message>
        <source>Phone: %1</source>
        <translation>Phone: %1</translation>
    </message>
    <message>
        <source>E-mail: %1</source>
        <translation>E-mail: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n further offices handle this service.</source>
        <translation>
            <numerusform>%n further offices handle this service.</numerusform>
            <numerusform>%n further offices handle this service.</numerusform>
        </translation>
    </message>
    <message>
        <source>Online service: %1</source>
        <translation>Online service: %1</translation>
    </message>
    <message>
        <source>More information: %1</source>
        <translation>More information: %1</translation>
    </message>
</context>
<context>
    <name>DeskCatalogue</name>
    <message>
        <source>Cannot open the catalogue %1: %2</source>
        <translation>Cannot open the catalogue %1: %2</translation>
    </message>
    <message>
        <source>Cannot install the built-in catalogue into %1: %2</source>
        <translation>Cannot install the built-in catalogue into %1: %2</translation>
    </message>
</context>
<context>
    <name>desk::ArticleView</name>
    <message>
        <source>Article and browser tabs</source>
        <translation>Article and browser tabs</translation>
    </message>
    <message>
        <source>The article tab and web pages opened from its links</source>
        <translation>The article tab and web pages opened from its links</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>Article</translation>
    </message>
    <message>
        <source>The selected service: documents to bring, fees, offices and links</source>
        <translation>The selected service: documents to bring, fees, offices and links</translation>
    </message>
    <message>
        <source>Web page</source>
        <translation>Web page</translation>
    </message>
    <message>
        <source>A page opened from a link in the article</source>
        <translation>A page opened from a link in the article</translation>
    </message>
    <message>
        <source>Type a few letters of a service in the search box, then press Enter to open it.</source>
        <translation>Type a few letters of a service in the search box, then press Enter to open it.</translation>
    </message>
    <message>
        <source>Shows more tabs</source>
        <translation>Shows more tabs</translation>
    </message>
</context>
<context>
    <name>desk::AzIndex</name>
    <message>
        <source>Letter %1</source>
        <translation>Letter %1</translation>
    </message>
    <message>
        <source>Jump to the first service starting with %1</source>
        <translation>Jump to the first service starting with %1</translation>
    </message>
    <message>
        <source>Services starting with %1</source>
        <translation>Services starting with %1</translation>
    </message>
    <message>
        <source>All services A to Z</source>
        <translation>All services A to Z</translation>
    </message>
    <message>
        <source>Every service of the catalogue in alphabetical order. Type a letter to jump, Enter opens the service.</source>
        <translation>Every service of the catalogue in alphabetical order. Type a letter to jump, Enter opens the service.</translation>
    </message>
</context>
<context>
    <name>desk::CallerPanel</name>
    <message>
        <source>Call in progress</source>
        <translation>Call in progress</translation>
    </message>
    <message>
        <source>No call</source>
        <translation>No call</translation>
    </message>
    <message>
        <source>Recorded by hand since %1</source>
        <translation>Recorded by hand since %1</translation>
    </message>
    <message>
        <source>Telephony is not connected yet. Start a call record by hand when a call comes in.</source>
        <translation>Telephony is not connected yet. Start a call record by hand when a call comes in.</translation>
    </message>
    <message>
        <source>End call record</source>
        <translation>End call record</translation>
    </message>
    <message>
        <source>Start call record</source>
        <translation>Start call record</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <source>Ends the current call record with the services viewed and your notes</source>
        <translation>Ends the current call record with the services viewed and your notes</translation>
    </message>
    <message>
        <source>Starts a record of the current call: the services you open are noted in it</source>
        <translation>Starts a record of the current call: the services you open are noted in it</translation>
    </message>
    <message>
        <source>Services viewed in this call</source>
        <translation>Services viewed in this call</translation>
    </message>
    <message>
        <source>Services opened since the call record started</source>
        <translation>Services opened since the call record started</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Notes</translation>
    </message>
    <message>
        <source>Call notes</source>
        <translation>Call notes</translation>
    </message>
    <message>
        <source>Free notes for the current call record</source>
        <translation>Free notes for the current call record</translation>
    </message>
    <message>
        <source>What does the caller need?</source>
        <translation>What does the caller need?</translation>
    </message>
    <message>
        <source>Call duration</source>
        <translation>Call duration</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>Caller</translation>
    </message>
    <message>
        <source>Who is calling, as far as known</source>
        <translation>Who is calling, as far as known</translation>
    </message>
</context>
<context>
    <name>desk::MainWindow</name>
    <message>
        <source>About Hotline Desk</source>
        <translation>About Hotline Desk</translation>
    </message>
    <message>
        <source>&lt;b&gt;Hotline Desk&lt;/b&gt; %1&lt;p&gt;The workstation for the agents of citizen hotlines.&lt;/p&gt;&lt;p&gt;Catalogue texts: Landeshauptstadt München (MIT).&lt;/p&gt;</source>
        <translation>&lt;b&gt;Hotline Desk&lt;/b&gt; %1&lt;p&gt;The workstation for the agents of citizen hotlines.&lt;/p&gt;&lt;p&gt;Catalogue texts: Landeshauptstadt München (MIT).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Hotline Desk</source>
        <translation>Hotline Desk</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Service</source>
        <translation>&amp;Service</translation>
    </message>
    <message>
        <source>&amp;Call</source>
        <translation>&amp;Call</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <source>Put the cursor into the search box</source>
        <translation>Put the cursor into the search box</translation>
    </message>
    <message>
        <source>Search &amp;results</source>
        <translation>Search &amp;results</translation>
    </message>
    <message>
        <source>&amp;A–Z index</source>
        <translation>&amp;A–Z index</translation>
    </message>
    <message>
        <source>&amp;Categories</source>
        <translation>&amp;Categories</translation>
    </message>
    <message>
        <source>&amp;Recently viewed</source>
        <translation>&amp;Recently viewed</translation>
    </message>
    <message>
        <source>&amp;Favourites</source>
        <translation>&amp;Favourites</translation>
    </message>
    <message>
        <source>Go to the &amp;article</source>
        <translation>Go to the &amp;article</translation>
    </message>
    <message>
        <source>&amp;Copy essentials for an e-mail</source>
        <translation>&amp;Copy essentials for an e-mail</translation>
    </message>
    <message>
        <source>Copies title, documents, fees, office and links as plain text</source>
        <translation>Copies title, documents, fees, office and links as plain text</translation>
    </message>
    <message>
        <source>Add to or remove from &amp;favourites</source>
        <translation>Add to or remove from &amp;favourites</translation>
    </message>
    <message>
        <source>Open in the city &amp;portal</source>
        <translation>Open in the city &amp;portal</translation>
    </message>
    <message>
        <source>Start or end a call &amp;record</source>
        <translation>Start or end a call &amp;record</translation>
    </message>
    <message>
        <source>S&amp;ettings…</source>
        <translation>S&amp;ettings…</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <source>&amp;About Hotline Desk</source>
        <translation>&amp;About Hotline Desk</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>Desk</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>Caller</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Catalogue status</source>
        <translation>Catalogue status</translation>
    </message>
    <message numerus="yes">
        <source>%n service(s) in the catalogue</source>
        <translation>
            <numerusform>%n service(s) in the catalogue</numerusform>
            <numerusform>%n service(s) in the catalogue</numerusform>
        </translation>
    </message>
    <message>
        <source>Catalogue unavailable</source>
        <translation>Catalogue unavailable</translation>
    </message>
    <message>
        <source>Catalogue unavailable: %1</source>
        <translation>Catalogue unavailable: %1</translation>
    </message>
    <message>
        <source>Loading the catalogue…</source>
        <translation>Loading the catalogue…</translation>
    </message>
    <message>
        <source>The catalogue is unavailable: %1

Check the database path in the settings (Ctrl+,). Telephony keeps working.</source>
        <translation>The catalogue is unavailable: %1

Check the database path in the settings (Ctrl+,). Telephony keeps working.</translation>
    </message>
    <message>
        <source>Essentials of “%1” copied</source>
        <translation>Essentials of “%1” copied</translation>
    </message>
    <message>
        <source>Added to favourites</source>
        <translation>Added to favourites</translation>
    </message>
    <message>
        <source>Removed from favourites</source>
        <translation>Removed from favourites</translation>
    </message>
    <message>
        <source>No application could open %1</source>
        <translation>No application could open %1</translation>
    </message>
    <message>
        <source>Close the browser &amp;tab</source>
        <translation>Close the browser &amp;tab</translation>
    </message>
    <message>
        <source>Call record</source>
        <translation>Call record</translation>
    </message>
    <message>
        <source>Copy for e-mail</source>
        <translation>Copy for e-mail</translation>
    </message>
    <message>
        <source>Favourite</source>
        <translation>Favourite</translation>
    </message>
    <message>
        <source>City portal</source>
        <translation>City portal</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Shortcuts</source>
        <translation>Shortcuts</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>Toolbar</translation>
    </message>
</context>
<context>
    <name>desk::ResultDelegate</name>
    <message numerus="yes">
        <source>%1 (+%n more)</source>
        <translation>
            <numerusform>%1 (+%n more)</numerusform>
            <numerusform>%1 (+%n more)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>desk::SearchPanel</name>
    <message>
        <source>Other services</source>
        <translation>Other services</translation>
    </message>
    <message>
        <source>No service found for “%1”</source>
        <translation>No service found for “%1”</translation>
    </message>
    <message numerus="yes">
        <source>%n service(s) found</source>
        <translation>
            <numerusform>%n service(s) found</numerusform>
            <numerusform>%n service(s) found</numerusform>
        </translation>
    </message>
    <message>
        <source>Search took %1 ms</source>
        <translation>Search took %1 ms</translation>
    </message>
    <message>
        <source>Search services (Ctrl+K) – e.g. “perso”, “ummelden”</source>
        <translation>Search services (Ctrl+K) – e.g. “perso”, “ummelden”</translation>
    </message>
    <message>
        <source>Search services</source>
        <translation>Search services</translation>
    </message>
    <message>
        <source>Results update while you type. Down arrow moves into the results, Enter opens the first result.</source>
        <translation>Results update while you type. Down arrow moves into the results, Enter opens the first result.</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Results</translation>
    </message>
    <message>
        <source>A–Z</source>
        <translation>A–Z</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Categories</translation>
    </message>
    <message>
        <source>Recent</source>
        <translation>Recent</translation>
    </message>
    <message>
        <source>Favourites</source>
        <translation>Favourites</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>Lists</translation>
    </message>
    <message>
        <source>Search results, A–Z index, categories, recently viewed, favourites</source>
        <translation>Search results, A–Z index, categories, recently viewed, favourites</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Search results</translation>
    </message>
    <message>
        <source>Services matching the search. Enter opens the selected service.</source>
        <translation>Services matching the search. Enter opens the selected service.</translation>
    </message>
    <message>
        <source>Services grouped by category. Enter opens the selected service.</source>
        <translation>Services grouped by category. Enter opens the selected service.</translation>
    </message>
    <message>
        <source>Recently viewed</source>
        <translation>Recently viewed</translation>
    </message>
    <message>
        <source>The services you opened last, newest first</source>
        <translation>The services you opened last, newest first</translation>
    </message>
    <message>
        <source>Services you marked as favourite (Ctrl+D)</source>
        <translation>Services you marked as favourite (Ctrl+D)</translation>
    </message>
    <message>
        <source>Search status</source>
        <translation>Search status</translation>
    </message>
    <message>
        <source>Shows more tabs</source>
        <translation>Shows more tabs</translation>
    </message>
</context>
<context>
    <name>desk::SearchWorker</name>
    <message>
        <source>The catalogue could not be opened.</source>
        <translation>The catalogue could not be opened.</translation>
    </message>
    <message>
        <source>The catalogue is not available.</source>
        <translation>The catalogue is not available.</translation>
    </message>
    <message>
        <source>The service %1 is no longer in the catalogue.</source>
        <translation>The service %1 is no longer in the catalogue.</translation>
    </message>
</context>
<context>
    <name>desk::ServerSettingsPage</name>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connecting to %1…</translation>
    </message>
    <message>
        <source>Connection succeeded: %1</source>
        <translation>Connection succeeded: %1</translation>
    </message>
    <message>
        <source>Connection failed: %1</source>
        <translation>Connection failed: %1</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA certificate</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt);;All files (*)</source>
        <translation>Certificates (*.pem *.crt);;All files (*)</translation>
    </message>
    <message>
        <source>&amp;Catalogue source:</source>
        <translation>&amp;Catalogue source:</translation>
    </message>
    <message>
        <source>Off: this desk only (local database)</source>
        <translation>Off: this desk only (local database)</translation>
    </message>
    <message>
        <source>Shared server (PostgreSQL)</source>
        <translation>Shared server (PostgreSQL)</translation>
    </message>
    <message>
        <source>Catalogue source</source>
        <translation>Catalogue source</translation>
    </message>
    <message>
        <source>Off keeps the catalogue on this desk; a shared server keeps every desk in step and stores calls, forwards and bookings centrally</source>
        <translation>Off keeps the catalogue on this desk; a shared server keeps every desk in step and stores calls, forwards and bookings centrally</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>Server host</source>
        <translation>Server host</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>Server port</source>
        <translation>Server port</translation>
    </message>
    <message>
        <source>Data&amp;base:</source>
        <translation>Data&amp;base:</translation>
    </message>
    <message>
        <source>Database name</source>
        <translation>Database name</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;User:</translation>
    </message>
    <message>
        <source>Server user</source>
        <translation>Server user</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;word:</translation>
    </message>
    <message>
        <source>Server password</source>
        <translation>Server password</translation>
    </message>
    <message>
        <source>Stored in the system keychain, never in the settings file</source>
        <translation>Stored in the system keychain, never in the settings file</translation>
    </message>
    <message>
        <source>&amp;TLS:</source>
        <translation>&amp;TLS:</translation>
    </message>
    <message>
        <source>Off (disable)</source>
        <translation>Off (disable)</translation>
    </message>
    <message>
        <source>Encrypted (require)</source>
        <translation>Encrypted (require)</translation>
    </message>
    <message>
        <source>Encrypted, server verified (verify-full)</source>
        <translation>Encrypted, server verified (verify-full)</translation>
    </message>
    <message>
        <source>TLS mode</source>
        <translation>TLS mode</translation>
    </message>
    <message>
        <source>C&amp;A file:</source>
        <translation>C&amp;A file:</translation>
    </message>
    <message>
        <source>CA certificate file</source>
        <translation>CA certificate file</translation>
    </message>
    <message>
        <source>Certificate of the authority that signed the server&apos;s certificate</source>
        <translation>Certificate of the authority that signed the server&apos;s certificate</translation>
    </message>
    <message>
        <source>B&amp;rowse…</source>
        <translation>B&amp;rowse…</translation>
    </message>
    <message>
        <source>Browse for the CA certificate</source>
        <translation>Browse for the CA certificate</translation>
    </message>
    <message>
        <source>Test co&amp;nnection</source>
        <translation>Test co&amp;nnection</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <source>Logs in to the server with these values and shows the result</source>
        <translation>Logs in to the server with these values and shows the result</translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation>Connection test result</translation>
    </message>
    <message>
        <source>The server settings apply at the next start of the desk. The password is kept in the system keychain.</source>
        <translation>The server settings apply at the next start of the desk. The password is kept in the system keychain.</translation>
    </message>
</context>
<context>
    <name>desk::ServerStatusLabel</name>
    <message>
        <source>The server refused a booking.</source>
        <translation>The server refused a booking.</translation>
    </message>
    <message>
        <source>The server refused a call record.</source>
        <translation>The server refused a call record.</translation>
    </message>
    <message>
        <source>The server refused a forward.</source>
        <translation>The server refused a forward.</translation>
    </message>
    <message>
        <source>The server refused a change.</source>
        <translation>The server refused a change.</translation>
    </message>
    <message>
        <source>Change refused by the server</source>
        <translation>Change refused by the server</translation>
    </message>
    <message>
        <source>Connecting to the server…</source>
        <translation>Connecting to the server…</translation>
    </message>
    <message>
        <source>Server connected</source>
        <translation>Server connected</translation>
    </message>
    <message>
        <source>Server unreachable – changes will be sent as soon as it is back</source>
        <translation>Server unreachable – changes will be sent as soon as it is back</translation>
    </message>
    <message>
        <source>Connection to the shared catalogue server</source>
        <translation>Connection to the shared catalogue server</translation>
    </message>
    <message>
        <source>The catalogue is kept up to date from the server.</source>
        <translation>The catalogue is kept up to date from the server.</translation>
    </message>
    <message>
        <source>Searching works on this desk&apos;s copy of the catalogue. Calls, forwards and bookings are kept on this desk and sent when the server is reachable again.</source>
        <translation>Searching works on this desk&apos;s copy of the catalogue. Calls, forwards and bookings are kept on this desk and sent when the server is reachable again.</translation>
    </message>
    <message>
        <source>Shared store unavailable: %1</source>
        <translation>Shared store unavailable: %1</translation>
    </message>
    <message>
        <source>The server refused several changes.</source>
        <translation>The server refused several changes.</translation>
    </message>
</context>
<context>
    <name>desk::SettingsDialog</name>
    <message>
        <source>Save the settings</source>
        <translation>Save the settings</translation>
    </message>
    <message>
        <source>Close without saving</source>
        <translation>Close without saving</translation>
    </message>
    <message>
        <source>Catalogue database</source>
        <translation>Catalogue database</translation>
    </message>
    <message>
        <source>SQLite databases (*.sqlite *.db);;All files (*)</source>
        <translation>SQLite databases (*.sqlite *.db);;All files (*)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <source>Telephony</source>
        <translation>Telephony</translation>
    </message>
    <message>
        <source>Mail</source>
        <translation>Mail</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>Settings pages</translation>
    </message>
    <message>
        <source>Choose a page of settings</source>
        <translation>Choose a page of settings</translation>
    </message>
    <message>
        <source>&amp;Catalogue database:</source>
        <translation>&amp;Catalogue database:</translation>
    </message>
    <message>
        <source>Default: %1</source>
        <translation>Default: %1</translation>
    </message>
    <message>
        <source>Path of the SQLite catalogue. Empty uses the default location.</source>
        <translation>Path of the SQLite catalogue. Empty uses the default location.</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <source>Browse for the catalogue database</source>
        <translation>Browse for the catalogue database</translation>
    </message>
    <message>
        <source>Opens a file dialog to choose the database file</source>
        <translation>Opens a file dialog to choose the database file</translation>
    </message>
    <message>
        <source>&amp;Default</source>
        <translation>&amp;Default</translation>
    </message>
    <message>
        <source>Use the default database</source>
        <translation>Use the default database</translation>
    </message>
    <message>
        <source>Clears the path so the default location is used</source>
        <translation>Clears the path so the default location is used</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Language of the desk; applies at once</source>
        <translation>Language of the desk; applies at once</translation>
    </message>
    <message>
        <source>Open &amp;links in:</source>
        <translation>Open &amp;links in:</translation>
    </message>
    <message>
        <source>System web browser</source>
        <translation>System web browser</translation>
    </message>
    <message>
        <source>Tab inside the desk</source>
        <translation>Tab inside the desk</translation>
    </message>
    <message>
        <source>Open links in</source>
        <translation>Open links in</translation>
    </message>
    <message>
        <source>Where links to online services open when you click them</source>
        <translation>Where links to online services open when you click them</translation>
    </message>
    <message>
        <source>Language and link handling apply at once. A new database path is opened when you press OK; a new, empty database is filled with the built-in catalogue.</source>
        <translation>Language and link handling apply at once. A new database path is opened when you press OK; a new, empty database is filled with the built-in catalogue.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Telephony&lt;/b&gt;&lt;p&gt;Not yet available: the connection to the telephone system (SIP account, agent state) will be configured here.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Telephony&lt;/b&gt;&lt;p&gt;Not yet available: the connection to the telephone system (SIP account, agent state) will be configured here.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Mail&lt;/b&gt;&lt;p&gt;Not yet available: the mail server for forwarding calls to the responsible office will be configured here.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Mail&lt;/b&gt;&lt;p&gt;Not yet available: the mail server for forwarding calls to the responsible office will be configured here.&lt;/p&gt;</translation>
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
        <translation>The folder %1 for the local replica could not be created.</translation>
    </message>
    <message>
        <source>The shared store is not running.</source>
        <translation>The shared store is not running.</translation>
    </message>
</context>
<context>
    <name>desk::ShortcutsOverlay</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Lists every action with its shortcut. Esc or F1 closes it.</source>
        <translation>Lists every action with its shortcut. Esc or F1 closes it.</translation>
    </message>
    <message>
        <source>Down / Up</source>
        <translation>Down / Up</translation>
    </message>
    <message>
        <source>Move between the search box and the results</source>
        <translation>Move between the search box and the results</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Open the selected service</source>
        <translation>Open the selected service</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Back to the search box; clears it when already there</source>
        <translation>Back to the search box; clears it when already there</translation>
    </message>
    <message>
        <source>Letter in the A–Z list</source>
        <translation>Letter in the A–Z list</translation>
    </message>
    <message>
        <source>Jump to services starting with that letter</source>
        <translation>Jump to services starting with that letter</translation>
    </message>
    <message>
        <source>Press Esc or F1 to close.</source>
        <translation>Press Esc or F1 to close.</translation>
    </message>
</context>
</TS>

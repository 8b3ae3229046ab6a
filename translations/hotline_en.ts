<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en">
<context>
    <name>ArticleHtml</name>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Website</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Favourite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the online service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents to bring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processing time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Responsible office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Responsible offices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page in the city portal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forms and links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last reviewed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last updated: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review overdue since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LeiKa key: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents to bring:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fees: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processing time: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Responsible office: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Office: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening hours: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n further offices handle this service.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Online service: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More information: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskCatalogue</name>
    <message>
        <source>Cannot open the catalogue %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot install the built-in catalogue into %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>desk::ArticleView</name>
    <message>
        <source>Article and browser tabs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The article tab and web pages opened from its links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selected service: documents to bring, fees, offices and links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Web page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A page opened from a link in the article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a few letters of a service in the search box, then press Enter to open it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>desk::AzIndex</name>
    <message>
        <source>Letter %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jump to the first service starting with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Services starting with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All services A to Z</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every service of the catalogue in alphabetical order. Type a letter to jump, Enter opens the service.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>desk::CallerPanel</name>
    <message>
        <source>Call in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded by hand since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telephony is not connected yet. Start a call record by hand when a call comes in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End call record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start call record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ends the current call record with the services viewed and your notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starts a record of the current call: the services you open are noted in it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Services viewed in this call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Services opened since the call record started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free notes for the current call record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What does the caller need?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call duration</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>desk::MainWindow</name>
    <message>
        <source>About Hotline Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Hotline Desk&lt;/b&gt; %1&lt;p&gt;The workstation for the agents of citizen hotlines.&lt;/p&gt;&lt;p&gt;Catalogue texts: Landeshauptstadt München (MIT).&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hotline Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the cursor into the search box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search &amp;results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;A–Z index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Recently viewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Favourites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the &amp;article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy essentials for an e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copies title, documents, fees, office and links as plain text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add to or remove from &amp;favourites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in the city &amp;portal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start or end a call &amp;record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ettings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Hotline Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalogue status</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n service(s) in the catalogue</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Catalogue unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalogue unavailable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the catalogue…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalogue is unavailable: %1

Check the database path in the settings (Ctrl+,). Telephony keeps working.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Essentials of “%1” copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added to favourites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed from favourites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No application could open %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>desk::ResultDelegate</name>
    <message numerus="yes">
        <source>%1 (+%n more)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>desk::SearchPanel</name>
    <message>
        <source>Other services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No service found for “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n service(s) found</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Search took %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search services (Ctrl+K) – e.g. “perso”, “ummelden”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results update while you type. Down arrow moves into the results, Enter opens the first result.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A–Z</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Favourites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search results, A–Z index, categories, recently viewed, favourites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Services matching the search. Enter opens the selected service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Services grouped by category. Enter opens the selected service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recently viewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The services you opened last, newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Services you marked as favourite (Ctrl+D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>desk::SearchWorker</name>
    <message>
        <source>The catalogue could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalogue is not available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service %1 is no longer in the catalogue.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>desk::SettingsDialog</name>
    <message>
        <source>Save the settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close without saving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalogue database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite databases (*.sqlite *.db);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telephony</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a page of settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Catalogue database:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path of the SQLite catalogue. Empty uses the default location.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse for the catalogue database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opens a file dialog to choose the database file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the default database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clears the path so the default location is used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language of the desk; applies at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;links in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System web browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tab inside the desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open links in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where links to online services open when you click them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language and link handling apply at once. A new database path is opened when you press OK; a new, empty database is filled with the built-in catalogue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Telephony&lt;/b&gt;&lt;p&gt;Not yet available: the connection to the telephone system (SIP account, agent state) will be configured here.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Mail&lt;/b&gt;&lt;p&gt;Not yet available: the mail server for forwarding calls to the responsible office will be configured here.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>desk::ShortcutsOverlay</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lists every action with its shortcut. Esc or F1 closes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Down / Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move between the search box and the results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the selected service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Esc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the search box; clears it when already there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letter in the A–Z list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jump to services starting with that letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Esc or F1 to close.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

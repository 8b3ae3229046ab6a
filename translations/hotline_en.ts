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
    <name>DiffView</name>
    <message>
        <source>The two versions are the same.</source>
        <translation>The two versions are the same.</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Call journal unavailable: %1</source>
        <translation>Call journal unavailable: %1</translation>
    </message>
</context>
<context>
    <name>QShortcut</name>
    <message>
        <source>Return</source>
        <translation>Return</translation>
    </message>
</context>
<context>
    <name>appointments::AppointmentStore</name>
    <message>
        <source>The office has no id.</source>
        <translation>The office has no id.</translation>
    </message>
    <message>
        <source>The number of citizens served in parallel must be between 1 and 500 (got %1).</source>
        <translation>The number of citizens served in parallel must be between 1 and 500 (got %1).</translation>
    </message>
    <message>
        <source>The slot grid must divide a day into whole minutes between 5 and 240 (got %1).</source>
        <translation>The slot grid must divide a day into whole minutes between 5 and 240 (got %1).</translation>
    </message>
    <message>
        <source>Invalid opening hours on weekday %1.</source>
        <translation>Invalid opening hours on weekday %1.</translation>
    </message>
    <message>
        <source>Office %1 has no appointment schedule.</source>
        <translation>Office %1 has no appointment schedule.</translation>
    </message>
    <message>
        <source>The appointment length must be positive.</source>
        <translation>The appointment length must be positive.</translation>
    </message>
    <message>
        <source>The appointment needs a start time and a length.</source>
        <translation>The appointment needs a start time and a length.</translation>
    </message>
    <message>
        <source>The citizen&apos;s e-mail address &quot;%1&quot; is not valid for the confirmation.</source>
        <translation>The citizen&apos;s e-mail address &quot;%1&quot; is not valid for the confirmation.</translation>
    </message>
    <message>
        <source>The slot lies in the past.</source>
        <translation>The slot lies in the past.</translation>
    </message>
    <message>
        <source>%1 is not a bookable time at %2.</source>
        <translation>%1 is not a bookable time at %2.</translation>
    </message>
    <message>
        <source>This slot has just been taken (all %1 counters are booked). Please offer one of the next free slots.</source>
        <translation>This slot has just been taken (all %1 counters are booked). Please offer one of the next free slots.</translation>
    </message>
    <message>
        <source>This slot has just been taken by another desk.</source>
        <translation>This slot has just been taken by another desk.</translation>
    </message>
    <message>
        <source>There is no booked appointment %1.</source>
        <translation>There is no booked appointment %1.</translation>
    </message>
</context>
<context>
    <name>appointments::OfficeSchedule</name>
    <message>
        <source>Cannot read the days in &quot;%1&quot; (expected e.g. &quot;Mo-Fr 08:00-12:00, 13:00-16:00&quot;).</source>
        <translation>Cannot read the days in &quot;%1&quot; (expected e.g. &quot;Mo-Fr 08:00-12:00, 13:00-16:00&quot;).</translation>
    </message>
    <message>
        <source>Cannot read the hours &quot;%1&quot; in &quot;%2&quot;.</source>
        <translation>Cannot read the hours &quot;%1&quot; in &quot;%2&quot;.</translation>
    </message>
</context>
<context>
    <name>appointments::ServerWrites</name>
    <message>
        <source>Booking at %1 on %2 refused: %3</source>
        <translation>Booking at %1 on %2 refused: %3</translation>
    </message>
</context>
<context>
    <name>cti::AgentSession</name>
    <message>
        <source>Ready</source>
        <translation>Ready</translation>
    </message>
    <message>
        <source>Not ready</source>
        <translation>Not ready</translation>
    </message>
    <message>
        <source>Talking</source>
        <translation>Talking</translation>
    </message>
    <message>
        <source>Wrap-up</source>
        <translation>Wrap-up</translation>
    </message>
</context>
<context>
    <name>cti::Call</name>
    <message>
        <source>Completed</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>Missed</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Declined</translation>
    </message>
    <message>
        <source>Refused (busy)</source>
        <translation>Refused (busy)</translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation>Transferred</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>Dropped</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Ringing</source>
        <translation>Ringing</translation>
    </message>
    <message>
        <source>Talking</source>
        <translation>Talking</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>On hold</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Ended</translation>
    </message>
</context>
<context>
    <name>cti::LineMap</name>
    <message>
        <source>Line map is not a JSON object: %1</source>
        <translation>Line map is not a JSON object: %1</translation>
    </message>
    <message>
        <source>Line map: &quot;lines&quot; must be an object</source>
        <translation>Line map: &quot;lines&quot; must be an object</translation>
    </message>
    <message>
        <source>Line map: line &quot;%1&quot; needs a municipality name</source>
        <translation>Line map: line &quot;%1&quot; needs a municipality name</translation>
    </message>
    <message>
        <source>Cannot read line map %1: %2</source>
        <translation>Cannot read line map %1: %2</translation>
    </message>
</context>
<context>
    <name>cti::ManualProvider</name>
    <message>
        <source>Not possible in the call&apos;s current state.</source>
        <translation>Not possible in the call&apos;s current state.</translation>
    </message>
    <message>
        <source>No active call with id &quot;%1&quot;.</source>
        <translation>No active call with id &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Manual call records cannot send tones.</source>
        <translation>Manual call records cannot send tones.</translation>
    </message>
</context>
<context>
    <name>cti::SipProvider</name>
    <message>
        <source>Cannot create the telephony data folder &quot;%1&quot;.</source>
        <translation>Cannot create the telephony data folder &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The SIP engine &quot;%1&quot; is missing or not executable.</source>
        <translation>The SIP engine &quot;%1&quot; is missing or not executable.</translation>
    </message>
    <message>
        <source>Cannot open the local socket for the SIP engine: %1</source>
        <translation>Cannot open the local socket for the SIP engine: %1</translation>
    </message>
    <message>
        <source>No active call with id &quot;%1&quot;.</source>
        <translation>No active call with id &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The phone is reconnecting; try again in a moment.</source>
        <translation>The phone is reconnecting; try again in a moment.</translation>
    </message>
    <message>
        <source>No transfer target given.</source>
        <translation>No transfer target given.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is neither a phone number nor a SIP address.</source>
        <translation>&quot;%1&quot; is neither a phone number nor a SIP address.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a DTMF digit (0-9, *, #, A-D).</source>
        <translation>&quot;%1&quot; is not a DTMF digit (0-9, *, #, A-D).</translation>
    </message>
    <message>
        <source>SIP over TLS needs a registrar: the SIP engine cannot accept incoming TLS connections. Enter the registrar or choose UDP or TCP.</source>
        <translation>SIP over TLS needs a registrar: the SIP engine cannot accept incoming TLS connections. Enter the registrar or choose UDP or TCP.</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA certificate</translation>
    </message>
    <message>
        <source>client certificate</source>
        <translation>client certificate</translation>
    </message>
    <message>
        <source>client key</source>
        <translation>client key</translation>
    </message>
    <message>
        <source>The TLS %1 file &quot;%2&quot; does not exist or is not readable.</source>
        <translation>The TLS %1 file &quot;%2&quot; does not exist or is not readable.</translation>
    </message>
    <message>
        <source>A TLS client certificate needs its key and the other way round.</source>
        <translation>A TLS client certificate needs its key and the other way round.</translation>
    </message>
</context>
<context>
    <name>desk::AppointmentDialog</name>
    <message>
        <source>Book an appointment: %1</source>
        <translation>Book an appointment: %1</translation>
    </message>
    <message>
        <source>&amp;Office</source>
        <translation>&amp;Office</translation>
    </message>
    <message>
        <source>Offices that take appointments for this service</source>
        <translation>Offices that take appointments for this service</translation>
    </message>
    <message>
        <source>Free &amp;slots</source>
        <translation>Free &amp;slots</translation>
    </message>
    <message>
        <source>Free times, the less busy ones first</source>
        <translation>Free times, the less busy ones first</translation>
    </message>
    <message>
        <source>Citizen&apos;s &amp;name</source>
        <translation>Citizen&apos;s &amp;name</translation>
    </message>
    <message>
        <source>Name of the citizen for the appointment</source>
        <translation>Name of the citizen for the appointment</translation>
    </message>
    <message>
        <source>&amp;E-mail for the confirmation</source>
        <translation>&amp;E-mail for the confirmation</translation>
    </message>
    <message>
        <source>The confirmation with a calendar file goes here</source>
        <translation>The confirmation with a calendar file goes here</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>&amp;Phone</translation>
    </message>
    <message>
        <source>Phone number of the citizen</source>
        <translation>Phone number of the citizen</translation>
    </message>
    <message>
        <source>Booking status</source>
        <translation>Booking status</translation>
    </message>
    <message>
        <source>&amp;Book</source>
        <translation>&amp;Book</translation>
    </message>
    <message>
        <source>Book</source>
        <translation>Book</translation>
    </message>
    <message>
        <source>Books the selected slot</source>
        <translation>Books the selected slot</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Back to the wrap-up</source>
        <translation>Back to the wrap-up</translation>
    </message>
    <message>
        <source>None of this service&apos;s offices has opening hours for appointments in the desk yet.</source>
        <translation>None of this service&apos;s offices has opening hours for appointments in the desk yet.</translation>
    </message>
    <message numerus="yes">
        <source>%1, %2 (%n seat(s) free)</source>
        <translation>
            <numerusform>%1, %2 (%n seat free)</numerusform>
            <numerusform>%1, %2 (%n seats free)</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a free slot first.</source>
        <translation>Choose a free slot first.</translation>
    </message>
    <message>
        <source>This slot was just taken at another desk. Here are the next free slots.</source>
        <translation>This slot was just taken at another desk. Here are the next free slots.</translation>
    </message>
    <message>
        <source>Booking on the server…</source>
        <translation>Booking on the server…</translation>
    </message>
    <message>
        <source>The server refused the booking: %1</source>
        <translation>The server refused the booking: %1</translation>
    </message>
</context>
<context>
    <name>desk::AppointmentsView</name>
    <message>
        <source>Appointments</source>
        <translation>Appointments</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Citizen</source>
        <translation>Citizen</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Booked appointments of the coming weeks</source>
        <translation>Booked appointments of the coming weeks</translation>
    </message>
    <message>
        <source>&amp;Cancel appointment</source>
        <translation>&amp;Cancel appointment</translation>
    </message>
    <message>
        <source>Cancel appointment</source>
        <translation>Cancel appointment</translation>
    </message>
    <message>
        <source>Frees the slot and sends the citizen a cancellation</source>
        <translation>Frees the slot and sends the citizen a cancellation</translation>
    </message>
    <message>
        <source>&amp;Find another time</source>
        <translation>&amp;Find another time</translation>
    </message>
    <message>
        <source>Find another time</source>
        <translation>Find another time</translation>
    </message>
    <message>
        <source>Lists free slots at the same office, the less busy ones first</source>
        <translation>Lists free slots at the same office, the less busy ones first</translation>
    </message>
    <message>
        <source>Free slots</source>
        <translation>Free slots</translation>
    </message>
    <message>
        <source>Free slots to move the selected appointment to</source>
        <translation>Free slots to move the selected appointment to</translation>
    </message>
    <message>
        <source>&amp;Move the appointment here</source>
        <translation>&amp;Move the appointment here</translation>
    </message>
    <message>
        <source>Move the appointment</source>
        <translation>Move the appointment</translation>
    </message>
    <message>
        <source>Moves the selected appointment to the selected free slot</source>
        <translation>Moves the selected appointment to the selected free slot</translation>
    </message>
    <message>
        <source>Appointments status</source>
        <translation>Appointments status</translation>
    </message>
    <message numerus="yes">
        <source>%n appointment(s)</source>
        <translation>
            <numerusform>%n appointment</numerusform>
            <numerusform>%n appointments</numerusform>
        </translation>
    </message>
    <message>
        <source>Select an appointment first.</source>
        <translation>Select an appointment first.</translation>
    </message>
    <message>
        <source>Appointment on %1 cancelled.</source>
        <translation>Appointment on %1 cancelled.</translation>
    </message>
    <message numerus="yes">
        <source>%n free slot(s)</source>
        <translation>
            <numerusform>%n free slot</numerusform>
            <numerusform>%n free slots</numerusform>
        </translation>
    </message>
    <message>
        <source>Select an appointment and a free slot first.</source>
        <translation>Select an appointment and a free slot first.</translation>
    </message>
    <message>
        <source>This slot was just taken at another desk. Here are the next free slots.</source>
        <translation>This slot was just taken at another desk. Here are the next free slots.</translation>
    </message>
    <message>
        <source>Appointment moved to %1.</source>
        <translation>Appointment moved to %1.</translation>
    </message>
</context>
<context>
    <name>desk::ArticleEditor</name>
    <message>
        <source>Insert link</source>
        <translation>Insert link</translation>
    </message>
    <message>
        <source>Web address (https://…), e-mail (mailto:…) or phone (tel:…):</source>
        <translation>Web address (https://…), e-mail (mailto:…) or phone (tel:…):</translation>
    </message>
    <message>
        <source>Only https, http, mailto and tel links are allowed.</source>
        <translation>Only https, http, mailto and tel links are allowed.</translation>
    </message>
    <message>
        <source>New document</source>
        <translation>New document</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Title:</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Publish</translation>
    </message>
    <message>
        <source>Change note (what changed, for the history):</source>
        <translation>Change note (what changed, for the history):</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>I</source>
        <translation>I</translation>
    </message>
    <message>
        <source>• List</source>
        <translation>• List</translation>
    </message>
    <message>
        <source>1. List</source>
        <translation>1. List</translation>
    </message>
    <message>
        <source>Heading</source>
        <translation>Heading</translation>
    </message>
    <message>
        <source>Link…</source>
        <translation>Link…</translation>
    </message>
    <message>
        <source>Bold</source>
        <translation>Bold</translation>
    </message>
    <message>
        <source>Italic</source>
        <translation>Italic</translation>
    </message>
    <message>
        <source>Bulleted list</source>
        <translation>Bulleted list</translation>
    </message>
    <message>
        <source>Numbered list</source>
        <translation>Numbered list</translation>
    </message>
    <message>
        <source>Bold text (Ctrl+B)</source>
        <translation>Bold text (Ctrl+B)</translation>
    </message>
    <message>
        <source>Italic text (Ctrl+I)</source>
        <translation>Italic text (Ctrl+I)</translation>
    </message>
    <message>
        <source>Turn the paragraph into a bulleted list item, or back</source>
        <translation>Turn the paragraph into a bulleted list item, or back</translation>
    </message>
    <message>
        <source>Turn the paragraph into a numbered list item, or back</source>
        <translation>Turn the paragraph into a numbered list item, or back</translation>
    </message>
    <message>
        <source>Turn the paragraph into a section heading, or back</source>
        <translation>Turn the paragraph into a section heading, or back</translation>
    </message>
    <message>
        <source>Link the selected text to a web address, e-mail or phone number</source>
        <translation>Link the selected text to a web address, e-mail or phone number</translation>
    </message>
    <message>
        <source>&amp;Add document</source>
        <translation>&amp;Add document</translation>
    </message>
    <message>
        <source>Submit for revie&amp;w</source>
        <translation>Submit for revie&amp;w</translation>
    </message>
    <message>
        <source>Comma-separated, e.g. Perso, ID card</source>
        <translation>Comma-separated, e.g. Perso, ID card</translation>
    </message>
    <message>
        <source>Editing</source>
        <translation>Editing</translation>
    </message>
    <message>
        <source>Which service is open in the editor</source>
        <translation>Which service is open in the editor</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>The service&apos;s name as agents search for it</source>
        <translation>The service&apos;s name as agents search for it</translation>
    </message>
    <message>
        <source>Synonyms</source>
        <translation>Synonyms</translation>
    </message>
    <message>
        <source>Other words callers use, separated by commas; they find the service too</source>
        <translation>Other words callers use, separated by commas; they find the service too</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>One or two plain sentences shown first</source>
        <translation>One or two plain sentences shown first</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Rich text: use the buttons above for bold, italic, lists, headings and links</source>
        <translation>Rich text: use the buttons above for bold, italic, lists, headings and links</translation>
    </message>
    <message>
        <source>Documents to bring</source>
        <translation>Documents to bring</translation>
    </message>
    <message>
        <source>One document per entry; F2 or double-click edits an entry</source>
        <translation>One document per entry; F2 or double-click edits an entry</translation>
    </message>
    <message>
        <source>Add document</source>
        <translation>Add document</translation>
    </message>
    <message>
        <source>Adds an entry to the documents to bring</source>
        <translation>Adds an entry to the documents to bring</translation>
    </message>
    <message>
        <source>Remove document</source>
        <translation>Remove document</translation>
    </message>
    <message>
        <source>Removes the selected document</source>
        <translation>Removes the selected document</translation>
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
        <source>How long the office takes</source>
        <translation>How long the office takes</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <source>The law or statute</source>
        <translation>The law or statute</translation>
    </message>
    <message>
        <source>Responsible office</source>
        <translation>Responsible office</translation>
    </message>
    <message>
        <source>The office that handles the service</source>
        <translation>The office that handles the service</translation>
    </message>
    <message>
        <source>Online service</source>
        <translation>Online service</translation>
    </message>
    <message>
        <source>Web address where citizens apply online</source>
        <translation>Web address where citizens apply online</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>The group in the category list</source>
        <translation>The group in the category list</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Valid from</translation>
    </message>
    <message>
        <source>First day this text applies; – for no limit</source>
        <translation>First day this text applies; – for no limit</translation>
    </message>
    <message>
        <source>Valid to</source>
        <translation>Valid to</translation>
    </message>
    <message>
        <source>Last day this text applies; – for no limit</source>
        <translation>Last day this text applies; – for no limit</translation>
    </message>
    <message>
        <source>Review by</source>
        <translation>Review by</translation>
    </message>
    <message>
        <source>When a team lead must check the text again</source>
        <translation>When a team lead must check the text again</translation>
    </message>
    <message>
        <source>Draft status</source>
        <translation>Draft status</translation>
    </message>
    <message>
        <source>Whether your draft is saved, in review or published</source>
        <translation>Whether your draft is saved, in review or published</translation>
    </message>
    <message>
        <source>Submit for review</source>
        <translation>Submit for review</translation>
    </message>
    <message>
        <source>Sends your draft to another team lead for approval</source>
        <translation>Sends your draft to another team lead for approval</translation>
    </message>
    <message>
        <source>Publishes your draft at once (four-eyes review is off)</source>
        <translation>Publishes your draft at once (four-eyes review is off)</translation>
    </message>
    <message>
        <source>Discard draft</source>
        <translation>Discard draft</translation>
    </message>
    <message>
        <source>Throws your draft away; the published version stays</source>
        <translation>Throws your draft away; the published version stays</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>The service exactly as agents will see it</source>
        <translation>The service exactly as agents will see it</translation>
    </message>
    <message>
        <source>New service</source>
        <translation>New service</translation>
    </message>
    <message>
        <source>Editing “%1” (published version %2)</source>
        <translation>Editing “%1” (published version %2)</translation>
    </message>
    <message>
        <source>Choose a service to edit, or create a new one.</source>
        <translation>Choose a service to edit, or create a new one.</translation>
    </message>
    <message>
        <source>Your draft is in review.</source>
        <translation>Your draft is in review.</translation>
    </message>
    <message>
        <source>Your draft, last saved %1.</source>
        <translation>Your draft, last saved %1.</translation>
    </message>
    <message>
        <source>Sent back by %1: %2</source>
        <translation>Sent back by %1: %2</translation>
    </message>
    <message>
        <source>The service %1 does not exist.</source>
        <translation>The service %1 does not exist.</translation>
    </message>
    <message>
        <source>Published version %1. Your changes are saved as a draft as you type.</source>
        <translation>Published version %1. Your changes are saved as a draft as you type.</translation>
    </message>
    <message>
        <source>New service: give it a title; it is saved as a draft as you type.</source>
        <translation>New service: give it a title; it is saved as a draft as you type.</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>Changed: saving…</source>
        <translation>Changed: saving…</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <source>Draft saved %1.</source>
        <translation>Draft saved %1.</translation>
    </message>
    <message>
        <source>Not submitted: %1</source>
        <translation>Not submitted: %1</translation>
    </message>
    <message>
        <source>Submitted for review: another team lead approves it.</source>
        <translation>Submitted for review: another team lead approves it.</translation>
    </message>
    <message>
        <source>Not published: %1</source>
        <translation>Not published: %1</translation>
    </message>
    <message>
        <source>Published as version %1: agents find it now.</source>
        <translation>Published as version %1: agents find it now.</translation>
    </message>
    <message>
        <source>Cannot discard the draft: %1</source>
        <translation>Cannot discard the draft: %1</translation>
    </message>
    <message>
        <source>Draft discarded; this is the published version.</source>
        <translation>Draft discarded; this is the published version.</translation>
    </message>
    <message>
        <source>Draft discarded.</source>
        <translation>Draft discarded.</translation>
    </message>
    <message>
        <source>Conflict: version %1 was published meanwhile.</source>
        <translation>Conflict: version %1 was published meanwhile.</translation>
    </message>
    <message>
        <source>You continue from the published version %1.</source>
        <translation>You continue from the published version %1.</translation>
    </message>
    <message>
        <source>Your version is saved as a draft on top of version %1.</source>
        <translation>Your version is saved as a draft on top of version %1.</translation>
    </message>
    <message>
        <source>Merge by hand: the comparison stays open; your draft is now based on version %1.</source>
        <translation>Merge by hand: the comparison stays open; your draft is now based on version %1.</translation>
    </message>
    <message>
        <source>Syn&amp;onyms:</source>
        <translation>Syn&amp;onyms:</translation>
    </message>
    <message>
        <source>Su&amp;mmary:</source>
        <translation>Su&amp;mmary:</translation>
    </message>
    <message>
        <source>Des&amp;cription:</source>
        <translation>Des&amp;cription:</translation>
    </message>
    <message>
        <source>Documents to &amp;bring:</source>
        <translation>Documents to &amp;bring:</translation>
    </message>
    <message>
        <source>F&amp;ees:</source>
        <translation>F&amp;ees:</translation>
    </message>
    <message>
        <source>Processing time:</source>
        <translation>Processing time:</translation>
    </message>
    <message>
        <source>Legal basis:</source>
        <translation>Legal basis:</translation>
    </message>
    <message>
        <source>&amp;Responsible office:</source>
        <translation>&amp;Responsible office:</translation>
    </message>
    <message>
        <source>Online service:</source>
        <translation>Online service:</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>Category:</translation>
    </message>
    <message>
        <source>Valid from / to:</source>
        <translation>Valid from / to:</translation>
    </message>
    <message>
        <source>Review by:</source>
        <translation>Review by:</translation>
    </message>
    <message>
        <source>&amp;Publish</source>
        <translation>&amp;Publish</translation>
    </message>
    <message>
        <source>e.g. 37 euros; a blank line starts a new paragraph, “– ” at the start of lines makes a list</source>
        <translation>e.g. 37 euros; a blank line starts a new paragraph, “– ” at the start of lines makes a list</translation>
    </message>
    <message>
        <source>What the service costs; a blank line starts a new paragraph, lines starting with “– ” form a list</source>
        <translation>What the service costs; a blank line starts a new paragraph, lines starting with “– ” form a list</translation>
    </message>
    <message>
        <source>Example &amp;questions:</source>
        <translation>Example &amp;questions:</translation>
    </message>
    <message>
        <source>One question per line, in the caller&apos;s words, e.g. “I lost my wallet, what now?”</source>
        <translation>One question per line, in the caller&apos;s words, e.g. “I lost my wallet, what now?”</translation>
    </message>
    <message>
        <source>Example questions</source>
        <translation>Example questions</translation>
    </message>
    <message>
        <source>How callers ask for this service in their own words, one question per line; the search finds the service by them, agents do not see them</source>
        <translation>How callers ask for this service in their own words, one question per line; the search finds the service by them, agents do not see them</translation>
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
    <name>desk::CallControls</name>
    <message>
        <source>Open case %1: %2, due %3</source>
        <translation>Open case %1: %2, due %3</translation>
    </message>
    <message>
        <source>answered directly</source>
        <translation>answered directly</translation>
    </message>
    <message>
        <source>forwarded (%1)</source>
        <translation>forwarded (%1)</translation>
    </message>
    <message>
        <source>appointment</source>
        <translation>appointment</translation>
    </message>
    <message>
        <source>no outcome</source>
        <translation>no outcome</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>No earlier calls from this number</source>
        <translation>No earlier calls from this number</translation>
    </message>
    <message>
        <source>Your availability for calls; now: %1</source>
        <translation>Your availability for calls; now: %1</translation>
    </message>
    <message>
        <source>Call duration %1</source>
        <translation>Call duration %1</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Ready</translation>
    </message>
    <message>
        <source>Not ready: break</source>
        <translation>Not ready: break</translation>
    </message>
    <message>
        <source>Not ready: back office</source>
        <translation>Not ready: back office</translation>
    </message>
    <message>
        <source>Not ready: training</source>
        <translation>Not ready: training</translation>
    </message>
    <message>
        <source>Agent state</source>
        <translation>Agent state</translation>
    </message>
    <message>
        <source>Your availability for calls</source>
        <translation>Your availability for calls</translation>
    </message>
    <message>
        <source>Telephony connection</source>
        <translation>Telephony connection</translation>
    </message>
    <message>
        <source>Unknown number</source>
        <translation>Unknown number</translation>
    </message>
    <message>
        <source>Call recorded by hand</source>
        <translation>Call recorded by hand</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Line %1 – %2</source>
        <translation>Line %1 – %2</translation>
    </message>
    <message>
        <source>Line %1</source>
        <translation>Line %1</translation>
    </message>
    <message>
        <source>Ended: %1</source>
        <translation>Ended: %1</translation>
    </message>
    <message>
        <source>%1, muted</source>
        <translation>%1, muted</translation>
    </message>
    <message>
        <source>No call</source>
        <translation>No call</translation>
    </message>
    <message>
        <source>Waiting for calls</source>
        <translation>Waiting for calls</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>Caller</translation>
    </message>
    <message>
        <source>Number and name of the caller</source>
        <translation>Number and name of the caller</translation>
    </message>
    <message>
        <source>Line and municipality</source>
        <translation>Line and municipality</translation>
    </message>
    <message>
        <source>Call state</source>
        <translation>Call state</translation>
    </message>
    <message>
        <source>Call duration</source>
        <translation>Call duration</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Answer</translation>
    </message>
    <message>
        <source>Answers the ringing call</source>
        <translation>Answers the ringing call</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>Decline</translation>
    </message>
    <message>
        <source>Declines the ringing call</source>
        <translation>Declines the ringing call</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Resume</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>Hold</translation>
    </message>
    <message>
        <source>Puts the call on hold or resumes it</source>
        <translation>Puts the call on hold or resumes it</translation>
    </message>
    <message>
        <source>Unmute</source>
        <translation>Unmute</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Mute</translation>
    </message>
    <message>
        <source>Switches your microphone off or on</source>
        <translation>Switches your microphone off or on</translation>
    </message>
    <message>
        <source>Hang up</source>
        <translation>Hang up</translation>
    </message>
    <message>
        <source>Ends the call</source>
        <translation>Ends the call</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <source>Hands the call on to the number on the left</source>
        <translation>Hands the call on to the number on the left</translation>
    </message>
    <message>
        <source>Transfer to number…</source>
        <translation>Transfer to number…</translation>
    </message>
    <message>
        <source>Transfer target</source>
        <translation>Transfer target</translation>
    </message>
    <message>
        <source>Number of the office or colleague to hand the call on to</source>
        <translation>Number of the office or colleague to hand the call on to</translation>
    </message>
    <message>
        <source>Dial tones (DTMF)…</source>
        <translation>Dial tones (DTMF)…</translation>
    </message>
    <message>
        <source>Dial tones</source>
        <translation>Dial tones</translation>
    </message>
    <message>
        <source>Each digit typed here is sent as a tone into the call</source>
        <translation>Each digit typed here is sent as a tone into the call</translation>
    </message>
    <message>
        <source>Earlier calls and open cases</source>
        <translation>Earlier calls and open cases</translation>
    </message>
    <message>
        <source>Earlier calls from this number with how they ended, and its open cases</source>
        <translation>Earlier calls from this number with how they ended, and its open cases</translation>
    </message>
</context>
<context>
    <name>desk::CallDesk</name>
    <message>
        <source>Transfer failed: %1</source>
        <translation>Transfer failed: %1</translation>
    </message>
    <message>
        <source>The draft could not be saved: %1</source>
        <translation>The draft could not be saved: %1</translation>
    </message>
    <message>
        <source>Telephony unavailable: %1</source>
        <translation>Telephony unavailable: %1</translation>
    </message>
    <message>
        <source>No telephony: record calls by hand (Ctrl+N)</source>
        <translation>No telephony: record calls by hand (Ctrl+N)</translation>
    </message>
    <message>
        <source>E-mail sent: %1</source>
        <translation>E-mail sent: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n e-mail(s) failed</source>
        <translation>
            <numerusform>%n e-mail failed</numerusform>
            <numerusform>%n e-mails failed</numerusform>
        </translation>
    </message>
    <message>
        <source>Outbox: all sent</source>
        <translation>Outbox: all sent</translation>
    </message>
    <message>
        <source>E-mail %1 not sent yet, retry at %2: %3</source>
        <translation>E-mail %1 not sent yet, retry at %2: %3</translation>
    </message>
    <message>
        <source>Outbox: waiting to retry</source>
        <translation>Outbox: waiting to retry</translation>
    </message>
    <message>
        <source>E-mail %1 failed (%2): %3</source>
        <translation>E-mail %1 failed (%2): %3</translation>
    </message>
    <message>
        <source>Outbox problem: %1</source>
        <translation>Outbox problem: %1</translation>
    </message>
    <message>
        <source>Outbox problem</source>
        <translation>Outbox problem</translation>
    </message>
    <message numerus="yes">
        <source>%n unsaved wrap-up(s) from an earlier session: please finish this one.</source>
        <translation>
            <numerusform>%n unsaved wrap-up from an earlier session: please finish this one.</numerusform>
            <numerusform>%n unsaved wrap-ups from an earlier session: please finish this one.</numerusform>
        </translation>
    </message>
    <message>
        <source>Wrap-up</source>
        <translation>Wrap-up</translation>
    </message>
    <message>
        <source>unknown number</source>
        <translation>unknown number</translation>
    </message>
    <message>
        <source>Incoming call from %1</source>
        <translation>Incoming call from %1</translation>
    </message>
    <message>
        <source>Incoming call from %1 on the %2 line</source>
        <translation>Incoming call from %1 on the %2 line</translation>
    </message>
    <message>
        <source>%1 call from %2</source>
        <translation>%1 call from %2</translation>
    </message>
    <message>
        <source>Call dropped (the phone engine restarted).</source>
        <translation>Call dropped (the phone engine restarted).</translation>
    </message>
    <message>
        <source>The call could not be recorded: %1</source>
        <translation>The call could not be recorded: %1</translation>
    </message>
    <message>
        <source>The call was lost when the phone engine restarted. Please record what you can.</source>
        <translation>The call was lost when the phone engine restarted. Please record what you can.</translation>
    </message>
    <message>
        <source>Call ended. Wrap-up: Alt+1 answered directly, Alt+2 forward by e-mail, Alt+3 appointment.</source>
        <translation>Call ended. Wrap-up: Alt+1 answered directly, Alt+2 forward by e-mail, Alt+3 appointment.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <source>Call saved: %1</source>
        <translation>Call saved: %1</translation>
    </message>
    <message>
        <source>Not forwarded: %1</source>
        <translation>Not forwarded: %1</translation>
    </message>
    <message>
        <source>Outbox: mail not configured</source>
        <translation>Outbox: mail not configured</translation>
    </message>
    <message>
        <source>Case %1 forwarded, due %2</source>
        <translation>Case %1 forwarded, due %2</translation>
    </message>
    <message>
        <source>Open the service first: the appointment is booked for the service on screen.</source>
        <translation>Open the service first: the appointment is booked for the service on screen.</translation>
    </message>
    <message>
        <source>The appointment is booked, but the call was not saved: %1</source>
        <translation>The appointment is booked, but the call was not saved: %1</translation>
    </message>
    <message>
        <source>Appointment booked for %1</source>
        <translation>Appointment booked for %1</translation>
    </message>
    <message>
        <source>Phone ready (port %1)</source>
        <translation>Phone ready (port %1)</translation>
    </message>
    <message>
        <source>Phone reconnected</source>
        <translation>Phone reconnected</translation>
    </message>
    <message>
        <source>Phone unavailable, retrying: %1</source>
        <translation>Phone unavailable, retrying: %1</translation>
    </message>
    <message>
        <source>Phone registered</source>
        <translation>Phone registered</translation>
    </message>
    <message>
        <source>Registration: %1</source>
        <translation>Registration: %1</translation>
    </message>
    <message>
        <source>Phone: %1</source>
        <translation>Phone: %1</translation>
    </message>
    <message>
        <source>Phone stopped</source>
        <translation>Phone stopped</translation>
    </message>
    <message>
        <source>Case %1 (%2) is due %3</source>
        <translation>Case %1 (%2) is due %3</translation>
    </message>
    <message>
        <source>&amp;Answer the call</source>
        <translation>&amp;Answer the call</translation>
    </message>
    <message>
        <source>&amp;Decline the call</source>
        <translation>&amp;Decline the call</translation>
    </message>
    <message>
        <source>&amp;Hang up</source>
        <translation>&amp;Hang up</translation>
    </message>
    <message>
        <source>Hold or res&amp;ume</source>
        <translation>Hold or res&amp;ume</translation>
    </message>
    <message>
        <source>&amp;Mute or unmute</source>
        <translation>&amp;Mute or unmute</translation>
    </message>
    <message>
        <source>&amp;Transfer the call</source>
        <translation>&amp;Transfer the call</translation>
    </message>
    <message>
        <source>Ready for calls</source>
        <translation>Ready for calls</translation>
    </message>
    <message>
        <source>Not ready (break)</source>
        <translation>Not ready (break)</translation>
    </message>
    <message>
        <source>Wrap-up: answered directly</source>
        <translation>Wrap-up: answered directly</translation>
    </message>
    <message>
        <source>Wrap-up: forward by e-mail</source>
        <translation>Wrap-up: forward by e-mail</translation>
    </message>
    <message>
        <source>Wrap-up: appointment</source>
        <translation>Wrap-up: appointment</translation>
    </message>
    <message>
        <source>Add the service on screen to the wrap-up</source>
        <translation>Add the service on screen to the wrap-up</translation>
    </message>
    <message>
        <source>Open &amp;cases</source>
        <translation>Open &amp;cases</translation>
    </message>
    <message>
        <source>Phone status</source>
        <translation>Phone status</translation>
    </message>
    <message>
        <source>Outbox status</source>
        <translation>Outbox status</translation>
    </message>
    <message>
        <source>&amp;Outbox (sent and failed e-mails)</source>
        <translation>&amp;Outbox (sent and failed e-mails)</translation>
    </message>
    <message>
        <source>A&amp;ppointments (cancel, move)</source>
        <translation>A&amp;ppointments (cancel, move)</translation>
    </message>
    <message>
        <source>O&amp;ffice hours and capacity for appointments…</source>
        <translation>O&amp;ffice hours and capacity for appointments…</translation>
    </message>
    <message>
        <source>Export the call &amp;journal as CSV…</source>
        <translation>Export the call &amp;journal as CSV…</translation>
    </message>
    <message>
        <source>Call journal unavailable: office hours cannot be edited.</source>
        <translation>Call journal unavailable: office hours cannot be edited.</translation>
    </message>
    <message>
        <source>Only team leads may edit office hours.</source>
        <translation>Only team leads may edit office hours.</translation>
    </message>
    <message>
        <source>The catalogue&apos;s offices could not be read: %1</source>
        <translation>The catalogue&apos;s offices could not be read: %1</translation>
    </message>
    <message>
        <source>The call journal is not open.</source>
        <translation>The call journal is not open.</translation>
    </message>
    <message>
        <source>The date range is invalid: the last day is before the first.</source>
        <translation>The date range is invalid: the last day is before the first.</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>%1 cannot be written: %2</translation>
    </message>
    <message>
        <source>Export the call journal</source>
        <translation>Export the call journal</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;From:</translation>
    </message>
    <message>
        <source>&amp;To (inclusive):</source>
        <translation>&amp;To (inclusive):</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>First day</translation>
    </message>
    <message>
        <source>Calls offered on or after this day are exported</source>
        <translation>Calls offered on or after this day are exported</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Last day</translation>
    </message>
    <message>
        <source>Calls offered up to the end of this day are exported</source>
        <translation>Calls offered up to the end of this day are exported</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Export…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>The export failed: %1</translation>
    </message>
    <message>
        <source>Call journal exported to %1</source>
        <translation>Call journal exported to %1</translation>
    </message>
    <message>
        <source>Outbox: sent from the server</source>
        <translation>Outbox: sent from the server</translation>
    </message>
    <message>
        <source>In shared mode the server&apos;s outbox sends forwards and confirmations.</source>
        <translation>In shared mode the server&apos;s outbox sends forwards and confirmations.</translation>
    </message>
    <message>
        <source>The booking could not be queued for the server: %1</source>
        <translation>The booking could not be queued for the server: %1</translation>
    </message>
    <message>
        <source>Appointment for %1 queued: it will be confirmed when the server is reachable.</source>
        <translation>Appointment for %1 queued: it will be confirmed when the server is reachable.</translation>
    </message>
    <message>
        <source>Appointment booked for %1 (confirmed by the server)</source>
        <translation>Appointment booked for %1 (confirmed by the server)</translation>
    </message>
    <message>
        <source>The server is not reachable: in shared mode this is done on the server. Please try again later.</source>
        <translation>The server is not reachable: in shared mode this is done on the server. Please try again later.</translation>
    </message>
    <message>
        <source>Saved on this desk, but not queued for the server: %1</source>
        <translation>Saved on this desk, but not queued for the server: %1</translation>
    </message>
    <message>
        <source>Forward queued for the server, due %1: the server gives the case number when it is reachable (this desk&apos;s reference: %2).</source>
        <translation>Forward queued for the server, due %1: the server gives the case number when it is reachable (this desk&apos;s reference: %2).</translation>
    </message>
    <message>
        <source>Call journal of all desks exported from the server to %1</source>
        <translation>Call journal of all desks exported from the server to %1</translation>
    </message>
    <message>
        <source>Booking refused by the server</source>
        <translation>Booking refused by the server</translation>
    </message>
    <message>
        <source>the citizen</source>
        <translation>the citizen</translation>
    </message>
    <message>
        <source>The server refused the appointment for %1 that was queued earlier: the call names a booking that does not exist. Please book again or call the citizen back.</source>
        <translation>The server refused the appointment for %1 that was queued earlier: the call names a booking that does not exist. Please book again or call the citizen back.</translation>
    </message>
    <message>
        <source>&amp;Book again…</source>
        <translation>&amp;Book again…</translation>
    </message>
    <message>
        <source>Book again</source>
        <translation>Book again</translation>
    </message>
    <message>
        <source>Opens the booking dialog with the office and citizen of the refused booking; the server decides the new booking</source>
        <translation>Opens the booking dialog with the office and citizen of the refused booking; the server decides the new booking</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Finish the open booking first.</source>
        <translation>Finish the open booking first.</translation>
    </message>
    <message>
        <source>The service %1 is not in the catalogue: it cannot be booked again.</source>
        <translation>The service %1 is not in the catalogue: it cannot be booked again.</translation>
    </message>
    <message>
        <source>Appointment for %1 queued again: it will be confirmed when the server is reachable.</source>
        <translation>Appointment for %1 queued again: it will be confirmed when the server is reachable.</translation>
    </message>
    <message>
        <source>Appointment booked again for %1 (confirmed by the server)</source>
        <translation>Appointment booked again for %1 (confirmed by the server)</translation>
    </message>
    <message>
        <source>Dead&amp;lines of forwards (team leads)…</source>
        <translation>Dead&amp;lines of forwards (team leads)…</translation>
    </message>
    <message>
        <source>Call journal unavailable: deadlines cannot be edited.</source>
        <translation>Call journal unavailable: deadlines cannot be edited.</translation>
    </message>
    <message>
        <source>Only team leads may edit deadlines.</source>
        <translation>Only team leads may edit deadlines.</translation>
    </message>
    <message>
        <source>The catalogue could not be read: %1</source>
        <translation>The catalogue could not be read: %1</translation>
    </message>
    <message>
        <source>Deadline rules saved: every new forward uses them.</source>
        <translation>Deadline rules saved: every new forward uses them.</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>Client certificate</translation>
    </message>
    <message>
        <source>Private key</source>
        <translation>Private key</translation>
    </message>
    <message>
        <source>%1: the client certificate &quot;%2&quot; needs its private key. Choose the key file under &quot;%3&quot; or clear the certificate.</source>
        <translation>%1: the client certificate &quot;%2&quot; needs its private key. Choose the key file under &quot;%3&quot; or clear the certificate.</translation>
    </message>
    <message>
        <source>%1: the private key &quot;%2&quot; needs its client certificate. Choose the certificate file under &quot;%3&quot; or clear the key.</source>
        <translation>%1: the private key &quot;%2&quot; needs its client certificate. Choose the certificate file under &quot;%3&quot; or clear the key.</translation>
    </message>
    <message>
        <source>TLS CA file</source>
        <translation>TLS CA file</translation>
    </message>
    <message>
        <source>%1: the file &quot;%2&quot; does not exist or cannot be read.</source>
        <translation>%1: the file &quot;%2&quot; does not exist or cannot be read.</translation>
    </message>
    <message>
        <source>%1: the file &quot;%2&quot; holds no certificate in PEM format (-----BEGIN CERTIFICATE-----).</source>
        <translation>%1: the file &quot;%2&quot; holds no certificate in PEM format (-----BEGIN CERTIFICATE-----).</translation>
    </message>
    <message>
        <source>%1: the file &quot;%2&quot; holds no private key in PEM format (-----BEGIN PRIVATE KEY-----).</source>
        <translation>%1: the file &quot;%2&quot; holds no private key in PEM format (-----BEGIN PRIVATE KEY-----).</translation>
    </message>
    <message>
        <source>%1: the private key &quot;%2&quot; is protected by a passphrase, which the SIP engine cannot ask for. Use an unencrypted key readable only by you.</source>
        <translation>%1: the private key &quot;%2&quot; is protected by a passphrase, which the SIP engine cannot ask for. Use an unencrypted key readable only by you.</translation>
    </message>
    <message>
        <source>Case %1 (%2) is overdue since %3</source>
        <translation>Case %1 (%2) is overdue since %3</translation>
    </message>
    <message>
        <source>Deadline was %1</source>
        <translation>Deadline was %1</translation>
    </message>
    <message>
        <source>Deadline: %1</source>
        <translation>Deadline: %1</translation>
    </message>
    <message>
        <source>Case %1 is overdue</source>
        <translation>Case %1 is overdue</translation>
    </message>
    <message>
        <source>Case %1 is due</source>
        <translation>Case %1 is due</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
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
    <name>desk::CasesView</name>
    <message>
        <source>Open cases</source>
        <translation>Open cases</translation>
    </message>
    <message>
        <source>Search by case number or phone number…</source>
        <translation>Search by case number or phone number…</translation>
    </message>
    <message>
        <source>Search cases</source>
        <translation>Search cases</translation>
    </message>
    <message>
        <source>Case number or phone number of the citizen</source>
        <translation>Case number or phone number of the citizen</translation>
    </message>
    <message>
        <source>Forwarded questions by deadline; overdue ones are highlighted</source>
        <translation>Forwarded questions by deadline; overdue ones are highlighted</translation>
    </message>
    <message>
        <source>Mark &amp;answered</source>
        <translation>Mark &amp;answered</translation>
    </message>
    <message>
        <source>Mark answered</source>
        <translation>Mark answered</translation>
    </message>
    <message>
        <source>The office answered the citizen: closes the selected case</source>
        <translation>The office answered the citizen: closes the selected case</translation>
    </message>
    <message>
        <source>Mark &amp;called back</source>
        <translation>Mark &amp;called back</translation>
    </message>
    <message>
        <source>Mark called back</source>
        <translation>Mark called back</translation>
    </message>
    <message>
        <source>The citizen was called back: closes the selected case</source>
        <translation>The citizen was called back: closes the selected case</translation>
    </message>
    <message>
        <source>Cases status</source>
        <translation>Cases status</translation>
    </message>
    <message numerus="yes">
        <source>%n open case(s)</source>
        <translation>
            <numerusform>%n open case</numerusform>
            <numerusform>%n open cases</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a case first.</source>
        <translation>Select a case first.</translation>
    </message>
    <message>
        <source>Case %1 closed.</source>
        <translation>Case %1 closed.</translation>
    </message>
</context>
<context>
    <name>desk::ChangePasswordDialog</name>
    <message>
        <source>Change my password</source>
        <translation>Change my password</translation>
    </message>
    <message>
        <source>New password for %1 on the shared server. It applies to every desk at the next sign-in; it needs at least 10 characters.</source>
        <translation>New password for %1 on the shared server. It applies to every desk at the next sign-in; it needs at least 10 characters.</translation>
    </message>
    <message>
        <source>New password for %1. It needs at least 10 characters.</source>
        <translation>New password for %1. It needs at least 10 characters.</translation>
    </message>
    <message>
        <source>&amp;Current password:</source>
        <translation>&amp;Current password:</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>&amp;New password:</translation>
    </message>
    <message>
        <source>&amp;Repeat new password:</source>
        <translation>&amp;Repeat new password:</translation>
    </message>
    <message>
        <source>C&amp;hange password</source>
        <translation>C&amp;hange password</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <source>Password change error</source>
        <translation>Password change error</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>Current password</translation>
    </message>
    <message>
        <source>The password you signed in with</source>
        <translation>The password you signed in with</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>At least 10 characters</source>
        <translation>At least 10 characters</translation>
    </message>
    <message>
        <source>Repeat new password</source>
        <translation>Repeat new password</translation>
    </message>
    <message>
        <source>The new password once more</source>
        <translation>The new password once more</translation>
    </message>
    <message>
        <source>Nobody is signed in.</source>
        <translation>Nobody is signed in.</translation>
    </message>
    <message>
        <source>Enter your current password.</source>
        <translation>Enter your current password.</translation>
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation>The two new passwords differ.</translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation>The current password is wrong.</translation>
    </message>
    <message>
        <source>Cannot change the password: %1</source>
        <translation>Cannot change the password: %1</translation>
    </message>
    <message>
        <source>Checking the current password at the server…</source>
        <translation>Checking the current password at the server…</translation>
    </message>
    <message>
        <source>Cannot reach the server: %1</source>
        <translation>Cannot reach the server: %1</translation>
    </message>
    <message>
        <source>Cannot change the password: not signed in at the server.</source>
        <translation>Cannot change the password: not signed in at the server.</translation>
    </message>
    <message>
        <source>Checks the current password and sets the new one</source>
        <translation>Checks the current password and sets the new one</translation>
    </message>
    <message>
        <source>Keeps the current password</source>
        <translation>Keeps the current password</translation>
    </message>
</context>
<context>
    <name>desk::ConflictDialog</name>
    <message>
        <source>Take &amp;theirs</source>
        <translation>Take &amp;theirs</translation>
    </message>
    <message>
        <source>&amp;Keep mine</source>
        <translation>&amp;Keep mine</translation>
    </message>
    <message>
        <source>&amp;Merge by hand</source>
        <translation>&amp;Merge by hand</translation>
    </message>
    <message>
        <source>Someone published “%1” meanwhile</source>
        <translation>Someone published “%1” meanwhile</translation>
    </message>
    <message>
        <source>A colleague published version %1 of this service while you were editing. Your text is kept as your draft. Compare both and decide; the published versions stay in the history either way.</source>
        <translation>A colleague published version %1 of this service while you were editing. Your text is kept as your draft. Compare both and decide; the published versions stay in the history either way.</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <source>Published now (theirs, version %1)</source>
        <translation>Published now (theirs, version %1)</translation>
    </message>
    <message>
        <source>Yours</source>
        <translation>Yours</translation>
    </message>
    <message>
        <source>Both versions side by side</source>
        <translation>Both versions side by side</translation>
    </message>
    <message>
        <source>Each changed field: the published text on the left, your text on the right</source>
        <translation>Each changed field: the published text on the left, your text on the right</translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation>Take theirs</translation>
    </message>
    <message>
        <source>Discard your draft and continue from the published version</source>
        <translation>Discard your draft and continue from the published version</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Keep mine</translation>
    </message>
    <message>
        <source>Save your version as a draft on top of the published one</source>
        <translation>Save your version as a draft on top of the published one</translation>
    </message>
    <message>
        <source>Merge by hand</source>
        <translation>Merge by hand</translation>
    </message>
    <message>
        <source>Keep this comparison open and edit your draft, now based on the published version</source>
        <translation>Keep this comparison open and edit your draft, now based on the published version</translation>
    </message>
</context>
<context>
    <name>desk::DeadlinesDialog</name>
    <message>
        <source>Working days (24 h a day)</source>
        <translation>Working days (24 h a day)</translation>
    </message>
    <message>
        <source>Working hours (service hours only)</source>
        <translation>Working hours (service hours only)</translation>
    </message>
    <message>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <source>Deadlines</source>
        <translation>Deadlines</translation>
    </message>
    <message>
        <source>Deadlines of forwarded questions. A service&apos;s own rule wins over its office&apos;s rule, which wins over the default.</source>
        <translation>Deadlines of forwarded questions. A service&apos;s own rule wins over its office&apos;s rule, which wins over the default.</translation>
    </message>
    <message>
        <source>&amp;Default rule:</source>
        <translation>&amp;Default rule:</translation>
    </message>
    <message>
        <source>Default &amp;length:</source>
        <translation>Default &amp;length:</translation>
    </message>
    <message>
        <source>Default rule</source>
        <translation>Default rule</translation>
    </message>
    <message>
        <source>How the deadline of every other forward is counted</source>
        <translation>How the deadline of every other forward is counted</translation>
    </message>
    <message>
        <source>Default length in hours</source>
        <translation>Default length in hours</translation>
    </message>
    <message>
        <source>24 hours of working days are the 115 service promise</source>
        <translation>24 hours of working days are the 115 service promise</translation>
    </message>
    <message>
        <source>Exceptions</source>
        <translation>Exceptions</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>Office or service</source>
        <translation>Office or service</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Rule</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>No exceptions: every forward gets the default rule.</source>
        <translation>No exceptions: every forward gets the default rule.</translation>
    </message>
    <message>
        <source>&amp;Add exception</source>
        <translation>&amp;Add exception</translation>
    </message>
    <message>
        <source>Add exception</source>
        <translation>Add exception</translation>
    </message>
    <message>
        <source>A new row for an office or a service with its own rule</source>
        <translation>A new row for an office or a service with its own rule</translation>
    </message>
    <message>
        <source>Ctrl+Del removes the row with the focus.</source>
        <translation>Ctrl+Del removes the row with the focus.</translation>
    </message>
    <message>
        <source>Deadlines status</source>
        <translation>Deadlines status</translation>
    </message>
    <message>
        <source>Saves the deadline rules for every desk</source>
        <translation>Saves the deadline rules for every desk</translation>
    </message>
    <message>
        <source>The deadline rules could not be read: %1</source>
        <translation>The deadline rules could not be read: %1</translation>
    </message>
    <message>
        <source>%1 (not in the catalogue)</source>
        <translation>%1 (not in the catalogue)</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Exception %1: scope</source>
        <translation>Exception %1: scope</translation>
    </message>
    <message>
        <source>Whether the rule is an office&apos;s or a service&apos;s</source>
        <translation>Whether the rule is an office&apos;s or a service&apos;s</translation>
    </message>
    <message>
        <source>Exception %1: office or service</source>
        <translation>Exception %1: office or service</translation>
    </message>
    <message>
        <source>Type part of the name to pick it from the catalogue</source>
        <translation>Type part of the name to pick it from the catalogue</translation>
    </message>
    <message>
        <source>Exception %1: rule</source>
        <translation>Exception %1: rule</translation>
    </message>
    <message>
        <source>How the deadline is counted</source>
        <translation>How the deadline is counted</translation>
    </message>
    <message>
        <source>Exception %1: length in hours</source>
        <translation>Exception %1: length in hours</translation>
    </message>
    <message>
        <source>Hours counted under the rule</source>
        <translation>Hours counted under the rule</translation>
    </message>
    <message>
        <source>Remove exception %1</source>
        <translation>Remove exception %1</translation>
    </message>
    <message>
        <source>Deletes this row; Ctrl+Del does the same</source>
        <translation>Deletes this row; Ctrl+Del does the same</translation>
    </message>
    <message>
        <source>Exception %1: &quot;%2&quot; matches %3 entries (%4); please type more of the name.</source>
        <translation>Exception %1: &quot;%2&quot; matches %3 entries (%4); please type more of the name.</translation>
    </message>
    <message>
        <source>Exception %1: choose an office.</source>
        <translation>Exception %1: choose an office.</translation>
    </message>
    <message>
        <source>Exception %1: choose a service.</source>
        <translation>Exception %1: choose a service.</translation>
    </message>
    <message>
        <source>Exception %1: &quot;%2&quot; is no office of the catalogue.</source>
        <translation>Exception %1: &quot;%2&quot; is no office of the catalogue.</translation>
    </message>
    <message>
        <source>Exception %1: &quot;%2&quot; is no service of the catalogue.</source>
        <translation>Exception %1: &quot;%2&quot; is no service of the catalogue.</translation>
    </message>
    <message>
        <source>Exception %1: %2 already has a rule in exception %3.</source>
        <translation>Exception %1: %2 already has a rule in exception %3.</translation>
    </message>
    <message>
        <source>The rules cannot be saved: %1</source>
        <translation>The rules cannot be saved: %1</translation>
    </message>
    <message>
        <source>The server is not reachable: in shared mode the deadline rules are saved on the server. Nothing was saved; please try again later.</source>
        <translation>The server is not reachable: in shared mode the deadline rules are saved on the server. Nothing was saved; please try again later.</translation>
    </message>
    <message>
        <source>The server refused the change: %1</source>
        <translation>The server refused the change: %1</translation>
    </message>
    <message>
        <source>The call journal is not open.</source>
        <translation>The call journal is not open.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <source>The server is not reachable: this is the desk&apos;s copy of the deadline rules. They are saved on the server only; please try again when it is reachable.</source>
        <translation>The server is not reachable: this is the desk&apos;s copy of the deadline rules. They are saved on the server only; please try again when it is reachable.</translation>
    </message>
</context>
<context>
    <name>desk::EditorialActions</name>
    <message>
        <source>E&amp;ditorial</source>
        <translation>E&amp;ditorial</translation>
    </message>
    <message>
        <source>&amp;Flag this service as wrong or outdated…</source>
        <translation>&amp;Flag this service as wrong or outdated…</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>Flag</translation>
    </message>
    <message>
        <source>&amp;Edit the catalogue…</source>
        <translation>&amp;Edit the catalogue…</translation>
    </message>
    <message>
        <source>&amp;Sign out / switch user…</source>
        <translation>&amp;Sign out / switch user…</translation>
    </message>
    <message>
        <source>F&amp;igures for team leads…</source>
        <translation>F&amp;igures for team leads…</translation>
    </message>
    <message>
        <source>Review marker</source>
        <translation>Review marker</translation>
    </message>
    <message>
        <source>Warns when the open service is due for review or its validity changes</source>
        <translation>Warns when the open service is due for review or its validity changes</translation>
    </message>
    <message>
        <source>Signed-in user</source>
        <translation>Signed-in user</translation>
    </message>
    <message>
        <source>Who is signed in, and their role</source>
        <translation>Who is signed in, and their role</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>team lead</source>
        <translation>team lead</translation>
    </message>
    <message>
        <source>agent</source>
        <translation>agent</translation>
    </message>
    <message>
        <source>Nobody signed in</source>
        <translation>Nobody signed in</translation>
    </message>
    <message>
        <source>Validity ended – check before you answer</source>
        <translation>Validity ended – check before you answer</translation>
    </message>
    <message>
        <source>Valid only from %1</source>
        <translation>Valid only from %1</translation>
    </message>
    <message>
        <source>Changes on %1</source>
        <translation>Changes on %1</translation>
    </message>
    <message>
        <source>Due for review</source>
        <translation>Due for review</translation>
    </message>
    <message>
        <source>Only team leads edit the catalogue.</source>
        <translation>Only team leads edit the catalogue.</translation>
    </message>
    <message>
        <source>Only team leads see the figures.</source>
        <translation>Only team leads see the figures.</translation>
    </message>
    <message>
        <source>Open a service first, then flag it.</source>
        <translation>Open a service first, then flag it.</translation>
    </message>
    <message>
        <source>Flag “%1”</source>
        <translation>Flag “%1”</translation>
    </message>
    <message>
        <source>What is wrong or outdated? Team leads see your note in their list.</source>
        <translation>What is wrong or outdated? Team leads see your note in their list.</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>What is wrong or outdated in this service</source>
        <translation>What is wrong or outdated in this service</translation>
    </message>
    <message>
        <source>&amp;Flag</source>
        <translation>&amp;Flag</translation>
    </message>
    <message>
        <source>Send the flag or cancel</source>
        <translation>Send the flag or cancel</translation>
    </message>
    <message>
        <source>Please say what is wrong – the comment is required.</source>
        <translation>Please say what is wrong – the comment is required.</translation>
    </message>
    <message>
        <source>Not flagged: %1</source>
        <translation>Not flagged: %1</translation>
    </message>
    <message>
        <source>Flagged: the team leads will check “%1”.</source>
        <translation>Flagged: the team leads will check “%1”.</translation>
    </message>
    <message>
        <source>Change my &amp;password…</source>
        <translation>Change my &amp;password…</translation>
    </message>
    <message>
        <source>Change my password</source>
        <translation>Change my password</translation>
    </message>
    <message>
        <source>Your password has been changed.</source>
        <translation>Your password has been changed.</translation>
    </message>
    <message>
        <source>Flag queued: the team leads will see “%1” flagged when the server is reachable.</source>
        <translation>Flag queued: the team leads will see “%1” flagged when the server is reachable.</translation>
    </message>
</context>
<context>
    <name>desk::EditorialSession</name>
    <message>
        <source>the catalogue is not open</source>
        <translation>the catalogue is not open</translation>
    </message>
    <message>
        <source>say what is wrong: the comment must not be empty</source>
        <translation>say what is wrong: the comment must not be empty</translation>
    </message>
    <message>
        <source>no article to flag</source>
        <translation>no article to flag</translation>
    </message>
</context>
<context>
    <name>desk::EditorialWindow</name>
    <message>
        <source>%1 (new, draft)</source>
        <translation>%1 (new, draft)</translation>
    </message>
    <message>
        <source>Approve and publish</source>
        <translation>Approve and publish</translation>
    </message>
    <message>
        <source>Change note (what changed, for the history):</source>
        <translation>Change note (what changed, for the history):</translation>
    </message>
    <message>
        <source>Send back</source>
        <translation>Send back</translation>
    </message>
    <message>
        <source>What must the author change? (required)</source>
        <translation>What must the author change? (required)</translation>
    </message>
    <message>
        <source>Four-eyes review is on: another team lead approves every change.</source>
        <translation>Four-eyes review is on: another team lead approves every change.</translation>
    </message>
    <message>
        <source>Four-eyes review is off: team leads publish their own changes.</source>
        <translation>Four-eyes review is off: team leads publish their own changes.</translation>
    </message>
    <message>
        <source>new</source>
        <translation>new</translation>
    </message>
    <message>
        <source>&lt;p&gt;No drafts are waiting for review.&lt;/p&gt;</source>
        <translation>&lt;p&gt;No drafts are waiting for review.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Select a draft to compare it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Select a draft to compare it.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Published (version %1)</source>
        <translation>Published (version %1)</translation>
    </message>
    <message>
        <source>Draft by %1</source>
        <translation>Draft by %1</translation>
    </message>
    <message>
        <source>Not published: the service changed since this draft was written. Its author must look at both versions first.</source>
        <translation>Not published: the service changed since this draft was written. Its author must look at both versions first.</translation>
    </message>
    <message>
        <source>Not published: %1</source>
        <translation>Not published: %1</translation>
    </message>
    <message>
        <source>Published as version %1.</source>
        <translation>Published as version %1.</translation>
    </message>
    <message>
        <source>Not sent back: %1</source>
        <translation>Not sent back: %1</translation>
    </message>
    <message>
        <source>Sent back to its author.</source>
        <translation>Sent back to its author.</translation>
    </message>
    <message>
        <source>Open a service in the editor and choose “History” to see its versions.</source>
        <translation>Open a service in the editor and choose “History” to see its versions.</translation>
    </message>
    <message>
        <source>No published versions of %1 yet.</source>
        <translation>No published versions of %1 yet.</translation>
    </message>
    <message>
        <source>History of “%1”</source>
        <translation>History of “%1”</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>&lt;p&gt;Only one version: nothing to compare yet.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Only one version: nothing to compare yet.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;These versions are not in the history.&lt;/p&gt;</source>
        <translation>&lt;p&gt;These versions are not in the history.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Not restored: %1</source>
        <translation>Not restored: %1</translation>
    </message>
    <message>
        <source>Version %1 is now your draft: check it and publish.</source>
        <translation>Version %1 is now your draft: check it and publish.</translation>
    </message>
    <message>
        <source>review date reached</source>
        <translation>review date reached</translation>
    </message>
    <message>
        <source>valid from %1</source>
        <translation>valid from %1</translation>
    </message>
    <message>
        <source>expired %1</source>
        <translation>expired %1</translation>
    </message>
    <message>
        <source>validity ends %1</source>
        <translation>validity ends %1</translation>
    </message>
    <message numerus="yes">
        <source>%n open flag(s)</source>
        <translation>
            <numerusform>%n open flag</numerusform>
            <numerusform>%n open flags</numerusform>
        </translation>
    </message>
    <message>
        <source>Resolve flag</source>
        <translation>Resolve flag</translation>
    </message>
    <message>
        <source>What was done?</source>
        <translation>What was done?</translation>
    </message>
    <message>
        <source>Not resolved: %1</source>
        <translation>Not resolved: %1</translation>
    </message>
    <message>
        <source>A synonym needs a term and at least one word it stands for.</source>
        <translation>A synonym needs a term and at least one word it stands for.</translation>
    </message>
    <message>
        <source>Synonym not saved: %1</source>
        <translation>Synonym not saved: %1</translation>
    </message>
    <message>
        <source>“%1” now also finds %2.</source>
        <translation>“%1” now also finds %2.</translation>
    </message>
    <message>
        <source>Synonym not removed: %1</source>
        <translation>Synonym not removed: %1</translation>
    </message>
    <message>
        <source>search</source>
        <translation>search</translation>
    </message>
    <message>
        <source>flag: %1</source>
        <translation>flag: %1</translation>
    </message>
    <message numerus="yes">
        <source>Last 30 days: %n search(es) logged. Listed: queries that found nothing or whose results nobody opened, most frequent first, and the agents&apos; open flags.</source>
        <translation>
            <numerusform>Last 30 days: %n search logged. Listed: queries that found nothing or whose results nobody opened, most frequent first, and the agents&apos; open flags.</numerusform>
            <numerusform>Last 30 days: %n searches logged. Listed: queries that found nothing or whose results nobody opened, most frequent first, and the agents&apos; open flags.</numerusform>
        </translation>
    </message>
    <message>
        <source>Catalogue editing – Hotline Desk</source>
        <translation>Catalogue editing – Hotline Desk</translation>
    </message>
    <message>
        <source>&amp;Services</source>
        <translation>&amp;Services</translation>
    </message>
    <message>
        <source>Re&amp;view queue</source>
        <translation>Re&amp;view queue</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;History</translation>
    </message>
    <message>
        <source>Review &amp;dates</source>
        <translation>Review &amp;dates</translation>
    </message>
    <message>
        <source>&amp;Flags</source>
        <translation>&amp;Flags</translation>
    </message>
    <message>
        <source>S&amp;ynonyms</source>
        <translation>S&amp;ynonyms</translation>
    </message>
    <message>
        <source>Knowledge &amp;gaps</source>
        <translation>Knowledge &amp;gaps</translation>
    </message>
    <message>
        <source>Catalogue editing</source>
        <translation>Catalogue editing</translation>
    </message>
    <message>
        <source>Editor, review queue, history, review dates, flags, synonyms, knowledge gaps and audit log</source>
        <translation>Editor, review queue, history, review dates, flags, synonyms, knowledge gaps and audit log</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>The result of the last action</source>
        <translation>The result of the last action</translation>
    </message>
    <message>
        <source>Filter services</source>
        <translation>Filter services</translation>
    </message>
    <message>
        <source>Type part of a title to narrow the list</source>
        <translation>Type part of a title to narrow the list</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>Enter opens the service in the editor</source>
        <translation>Enter opens the service in the editor</translation>
    </message>
    <message>
        <source>&amp;New service</source>
        <translation>&amp;New service</translation>
    </message>
    <message>
        <source>New service</source>
        <translation>New service</translation>
    </message>
    <message>
        <source>Starts a draft of a new service</source>
        <translation>Starts a draft of a new service</translation>
    </message>
    <message>
        <source>History of this service</source>
        <translation>History of this service</translation>
    </message>
    <message>
        <source>Shows the published versions of the open service</source>
        <translation>Shows the published versions of the open service</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Author</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>Based on version</source>
        <translation>Based on version</translation>
    </message>
    <message>
        <source>Drafts in review</source>
        <translation>Drafts in review</translation>
    </message>
    <message>
        <source>Drafts waiting for a team lead&apos;s approval</source>
        <translation>Drafts waiting for a team lead&apos;s approval</translation>
    </message>
    <message>
        <source>Changes of the draft</source>
        <translation>Changes of the draft</translation>
    </message>
    <message>
        <source>The published text on the left, the draft on the right</source>
        <translation>The published text on the left, the draft on the right</translation>
    </message>
    <message>
        <source>A&amp;pprove and publish</source>
        <translation>A&amp;pprove and publish</translation>
    </message>
    <message>
        <source>Publishes the selected draft as a new version</source>
        <translation>Publishes the selected draft as a new version</translation>
    </message>
    <message>
        <source>Send &amp;back…</source>
        <translation>Send &amp;back…</translation>
    </message>
    <message>
        <source>Returns the selected draft to its author with a comment</source>
        <translation>Returns the selected draft to its author with a comment</translation>
    </message>
    <message>
        <source>F&amp;our-eyes review (a second team lead approves every change)</source>
        <translation>F&amp;our-eyes review (a second team lead approves every change)</translation>
    </message>
    <message>
        <source>Four-eyes review</source>
        <translation>Four-eyes review</translation>
    </message>
    <message>
        <source>On: another team lead approves each change. Off: team leads publish their own changes</source>
        <translation>On: another team lead approves each change. Off: team leads publish their own changes</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Published</translation>
    </message>
    <message>
        <source>Published by</source>
        <translation>Published by</translation>
    </message>
    <message>
        <source>Change note</source>
        <translation>Change note</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Which service&apos;s history is shown</source>
        <translation>Which service&apos;s history is shown</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versions</translation>
    </message>
    <message>
        <source>Every published version, newest first</source>
        <translation>Every published version, newest first</translation>
    </message>
    <message>
        <source>Compare from</source>
        <translation>Compare from</translation>
    </message>
    <message>
        <source>The older version of the comparison</source>
        <translation>The older version of the comparison</translation>
    </message>
    <message>
        <source>Compare to</source>
        <translation>Compare to</translation>
    </message>
    <message>
        <source>The newer version of the comparison</source>
        <translation>The newer version of the comparison</translation>
    </message>
    <message>
        <source>Differences</source>
        <translation>Differences</translation>
    </message>
    <message>
        <source>Removed text struck through on the left, added text underlined on the right</source>
        <translation>Removed text struck through on the left, added text underlined on the right</translation>
    </message>
    <message>
        <source>&amp;Restore as draft</source>
        <translation>&amp;Restore as draft</translation>
    </message>
    <message>
        <source>Restore as draft</source>
        <translation>Restore as draft</translation>
    </message>
    <message>
        <source>Makes the selected version your draft, to check and publish</source>
        <translation>Makes the selected version your draft, to check and publish</translation>
    </message>
    <message>
        <source>Review by</source>
        <translation>Review by</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>Services to review</source>
        <translation>Services to review</translation>
    </message>
    <message>
        <source>Past their review date, validity changing soon, or flagged; Enter opens the editor</source>
        <translation>Past their review date, validity changing soon, or flagged; Enter opens the editor</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Raised by</source>
        <translation>Raised by</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>Raised</translation>
    </message>
    <message>
        <source>Open flags</source>
        <translation>Open flags</translation>
    </message>
    <message>
        <source>What agents reported as wrong or outdated; Enter opens the editor</source>
        <translation>What agents reported as wrong or outdated; Enter opens the editor</translation>
    </message>
    <message>
        <source>&amp;Resolve…</source>
        <translation>&amp;Resolve…</translation>
    </message>
    <message>
        <source>Marks the selected flag as dealt with</source>
        <translation>Marks the selected flag as dealt with</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>Term</translation>
    </message>
    <message>
        <source>Also searches for</source>
        <translation>Also searches for</translation>
    </message>
    <message>
        <source>Synonym table</source>
        <translation>Synonym table</translation>
    </message>
    <message>
        <source>Words callers use and what they stand for</source>
        <translation>Words callers use and what they stand for</translation>
    </message>
    <message>
        <source>Term, e.g. Perso</source>
        <translation>Term, e.g. Perso</translation>
    </message>
    <message>
        <source>Synonym term</source>
        <translation>Synonym term</translation>
    </message>
    <message>
        <source>The word callers use</source>
        <translation>The word callers use</translation>
    </message>
    <message>
        <source>Stands for, e.g. Personalausweis (comma-separated)</source>
        <translation>Stands for, e.g. Personalausweis (comma-separated)</translation>
    </message>
    <message>
        <source>Synonym expansions</source>
        <translation>Synonym expansions</translation>
    </message>
    <message>
        <source>The words the term also searches for, comma-separated</source>
        <translation>The words the term also searches for, comma-separated</translation>
    </message>
    <message>
        <source>Save syno&amp;nym</source>
        <translation>Save syno&amp;nym</translation>
    </message>
    <message>
        <source>Save synonym</source>
        <translation>Save synonym</translation>
    </message>
    <message>
        <source>Adds or replaces the term; effective in search at once</source>
        <translation>Adds or replaces the term; effective in search at once</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>Re&amp;move</translation>
    </message>
    <message>
        <source>Remove synonym</source>
        <translation>Remove synonym</translation>
    </message>
    <message>
        <source>Removes the selected term</source>
        <translation>Removes the selected term</translation>
    </message>
    <message>
        <source>Query or service</source>
        <translation>Query or service</translation>
    </message>
    <message>
        <source>Searches</source>
        <translation>Searches</translation>
    </message>
    <message>
        <source>Without results</source>
        <translation>Without results</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>Last</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Knowledge gaps summary</source>
        <translation>Knowledge gaps summary</translation>
    </message>
    <message>
        <source>The period and how many searches were logged</source>
        <translation>The period and how many searches were logged</translation>
    </message>
    <message>
        <source>Knowledge gaps</source>
        <translation>Knowledge gaps</translation>
    </message>
    <message>
        <source>What to write next: unanswered queries and agents&apos; flags</source>
        <translation>What to write next: unanswered queries and agents&apos; flags</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>Who changed what and when, newest first</source>
        <translation>Who changed what and when, newest first</translation>
    </message>
    <message>
        <source>team lead</source>
        <translation>team lead</translation>
    </message>
    <message>
        <source>agent</source>
        <translation>agent</translation>
    </message>
    <message>
        <source>active</source>
        <translation>active</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>disabled</translation>
    </message>
    <message>
        <source>User not added: %1</source>
        <translation>User not added: %1</translation>
    </message>
    <message>
        <source>%1 can sign in now.</source>
        <translation>%1 can sign in now.</translation>
    </message>
    <message>
        <source>Role not changed: %1</source>
        <translation>Role not changed: %1</translation>
    </message>
    <message>
        <source>Account not changed: %1</source>
        <translation>Account not changed: %1</translation>
    </message>
    <message>
        <source>&amp;Users</source>
        <translation>&amp;Users</translation>
    </message>
    <message>
        <source>Login name</source>
        <translation>Login name</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Display name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>Everyone who can sign in to this catalogue</source>
        <translation>Everyone who can sign in to this catalogue</translation>
    </message>
    <message>
        <source>New user&apos;s login name</source>
        <translation>New user&apos;s login name</translation>
    </message>
    <message>
        <source>Letters, digits, dot, underscore, hyphen or @</source>
        <translation>Letters, digits, dot, underscore, hyphen or @</translation>
    </message>
    <message>
        <source>New user&apos;s display name</source>
        <translation>New user&apos;s display name</translation>
    </message>
    <message>
        <source>The name colleagues see</source>
        <translation>The name colleagues see</translation>
    </message>
    <message>
        <source>Initial password</source>
        <translation>Initial password</translation>
    </message>
    <message>
        <source>New user&apos;s password</source>
        <translation>New user&apos;s password</translation>
    </message>
    <message>
        <source>At least 10 characters; the user can change it later</source>
        <translation>At least 10 characters; the user can change it later</translation>
    </message>
    <message>
        <source>Team lead</source>
        <translation>Team lead</translation>
    </message>
    <message>
        <source>Checked: the new user may edit and publish</source>
        <translation>Checked: the new user may edit and publish</translation>
    </message>
    <message>
        <source>Add us&amp;er</source>
        <translation>Add us&amp;er</translation>
    </message>
    <message>
        <source>Add user</source>
        <translation>Add user</translation>
    </message>
    <message>
        <source>Creates the account</source>
        <translation>Creates the account</translation>
    </message>
    <message>
        <source>Agent ↔ team lead</source>
        <translation>Agent ↔ team lead</translation>
    </message>
    <message>
        <source>Change role</source>
        <translation>Change role</translation>
    </message>
    <message>
        <source>Makes the selected agent a team lead, or a team lead an agent</source>
        <translation>Makes the selected agent a team lead, or a team lead an agent</translation>
    </message>
    <message>
        <source>Enable / disable</source>
        <translation>Enable / disable</translation>
    </message>
    <message>
        <source>Enable or disable</source>
        <translation>Enable or disable</translation>
    </message>
    <message>
        <source>A disabled account cannot sign in</source>
        <translation>A disabled account cannot sign in</translation>
    </message>
    <message>
        <source>On the shared server everyone signs in with their server login. The administrator adds logins and changes roles with &quot;hotline-admin user add NAME --role agent|lead&quot;; here you can disable an account.</source>
        <translation>On the shared server everyone signs in with their server login. The administrator adds logins and changes roles with &quot;hotline-admin user add NAME --role agent|lead&quot;; here you can disable an account.</translation>
    </message>
    <message>
        <source>Users on the shared server</source>
        <translation>Users on the shared server</translation>
    </message>
    <message>
        <source>Audit &amp;log</source>
        <translation>Audit &amp;log</translation>
    </message>
    <message>
        <source>H&amp;istory of this service</source>
        <translation>H&amp;istory of this service</translation>
    </message>
    <message>
        <source>&amp;Team lead</source>
        <translation>&amp;Team lead</translation>
    </message>
    <message>
        <source>Words the catalogue does not &amp;know (last 30 days, most searched first):</source>
        <translation>Words the catalogue does not &amp;know (last 30 days, most searched first):</translation>
    </message>
    <message>
        <source>Word</source>
        <translation>Word</translation>
    </message>
    <message>
        <source>Words the catalogue does not know</source>
        <translation>Words the catalogue does not know</translation>
    </message>
    <message>
        <source>Searched words no service, keyword or synonym matches, with how often they were searched. Enter adds one to the synonym table.</source>
        <translation>Searched words no service, keyword or synonym matches, with how often they were searched. Enter adds one to the synonym table.</translation>
    </message>
    <message>
        <source>Filter synonyms</source>
        <translation>Filter synonyms</translation>
    </message>
    <message>
        <source>Type part of a term or of what it stands for to narrow the list</source>
        <translation>Type part of a term or of what it stands for to narrow the list</translation>
    </message>
    <message numerus="yes">
        <source>%n built-in synonym(s) added; the entries the table had are unchanged.</source>
        <translation>
            <numerusform>%n built-in synonym added; the entries the table had are unchanged.</numerusform>
            <numerusform>%n built-in synonyms added; the entries the table had are unchanged.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Built-in synonyms: %n added, then: %1</source>
        <translation>
            <numerusform>Built-in synonyms: %n added, then: %1</numerusform>
            <numerusform>Built-in synonyms: %n added, then: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n built-in synonym(s) added; adding the built-in example questions failed: %1</source>
        <translation>
            <numerusform>%n built-in synonym(s) added; adding the built-in example questions failed: %1</numerusform>
            <numerusform>%n built-in synonym(s) added; adding the built-in example questions failed: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Built-in example questions added to %n article(s) that had none.</source>
        <translation>
            <numerusform>Built-in example questions added to %n article(s) that had none.</numerusform>
            <numerusform>Built-in example questions added to %n article(s) that had none.</numerusform>
        </translation>
    </message>
    <message>
        <source>Add &amp;built-in synonyms and questions</source>
        <translation>Add &amp;built-in synonyms and questions</translation>
    </message>
    <message>
        <source>Add built-in synonyms and example questions</source>
        <translation>Add built-in synonyms and example questions</translation>
    </message>
    <message>
        <source>Adds the synonyms this version ships whose terms the table lacks, and its example questions to the articles of the built-in catalogue that have none; changes no entry or question there is</source>
        <translation>Adds the synonyms this version ships whose terms the table lacks, and its example questions to the articles of the built-in catalogue that have none; changes no entry or question there is</translation>
    </message>
    <message>
        <source>Add to the &amp;example questions of the edited service</source>
        <translation>Add to the &amp;example questions of the edited service</translation>
    </message>
    <message>
        <source>Add to the example questions of the edited service</source>
        <translation>Add to the example questions of the edited service</translation>
    </message>
    <message>
        <source>Adds the selected search, as typed, as an example question of the service open in the editor; open a service on the Services tab first. Save or publish there to keep it</source>
        <translation>Adds the selected search, as typed, as an example question of the service open in the editor; open a service on the Services tab first. Save or publish there to keep it</translation>
    </message>
    <message>
        <source>Add to the &amp;example questions of “%1”</source>
        <translation>Add to the &amp;example questions of “%1”</translation>
    </message>
    <message>
        <source>Add to the example questions of “%1”</source>
        <translation>Add to the example questions of “%1”</translation>
    </message>
    <message>
        <source>Adds the selected search, as typed, as an example question of the service open in the editor; save or publish there to keep it</source>
        <translation>Adds the selected search, as typed, as an example question of the service open in the editor; save or publish there to keep it</translation>
    </message>
    <message>
        <source>Select a search (not a flag) in the knowledge gaps first.</source>
        <translation>Select a search (not a flag) in the knowledge gaps first.</translation>
    </message>
    <message>
        <source>Open a service in the editor first (Services tab), then add the search to its example questions.</source>
        <translation>Open a service in the editor first (Services tab), then add the search to its example questions.</translation>
    </message>
    <message>
        <source>“%1” is already one of the example questions of “%2”.</source>
        <translation>“%1” is already one of the example questions of “%2”.</translation>
    </message>
    <message>
        <source>“%1” added to the example questions of “%2”; save or publish to keep it.</source>
        <translation>“%1” added to the example questions of “%2”; save or publish to keep it.</translation>
    </message>
</context>
<context>
    <name>desk::ForwardDialog</name>
    <message>
        <source>Forward by e-mail</source>
        <translation>Forward by e-mail</translation>
    </message>
    <message>
        <source>Office &amp;e-mail</source>
        <translation>Office &amp;e-mail</translation>
    </message>
    <message>
        <source>Where the question goes; from the catalogue, editable</source>
        <translation>Where the question goes; from the catalogue, editable</translation>
    </message>
    <message>
        <source>&amp;Office</source>
        <translation>&amp;Office</translation>
    </message>
    <message>
        <source>The responsible office</source>
        <translation>The responsible office</translation>
    </message>
    <message>
        <source>Se&amp;rvice</source>
        <translation>Se&amp;rvice</translation>
    </message>
    <message>
        <source>The service the question is about</source>
        <translation>The service the question is about</translation>
    </message>
    <message>
        <source>&amp;Question</source>
        <translation>&amp;Question</translation>
    </message>
    <message>
        <source>The citizen&apos;s question in your words</source>
        <translation>The citizen&apos;s question in your words</translation>
    </message>
    <message>
        <source>Citizen&apos;s &amp;name</source>
        <translation>Citizen&apos;s &amp;name</translation>
    </message>
    <message>
        <source>Who the office answers</source>
        <translation>Who the office answers</translation>
    </message>
    <message>
        <source>Callback &amp;phone</source>
        <translation>Callback &amp;phone</translation>
    </message>
    <message>
        <source>Phone number for the office&apos;s answer</source>
        <translation>Phone number for the office&apos;s answer</translation>
    </message>
    <message>
        <source>Callback e-&amp;mail</source>
        <translation>Callback e-&amp;mail</translation>
    </message>
    <message>
        <source>E-mail address for the office&apos;s answer</source>
        <translation>E-mail address for the office&apos;s answer</translation>
    </message>
    <message>
        <source>The citizen agrees that the office receives these contact details</source>
        <translation>The citizen agrees that the office receives these contact details</translation>
    </message>
    <message>
        <source>&amp;Consent</source>
        <translation>&amp;Consent</translation>
    </message>
    <message>
        <source>Contact details go to the office only with consent</source>
        <translation>Contact details go to the office only with consent</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>By when the office answers the citizen (business calendar)</source>
        <translation>By when the office answers the citizen (business calendar)</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Send</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Send</translation>
    </message>
    <message>
        <source>Commits the case and sends the e-mail</source>
        <translation>Commits the case and sends the e-mail</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Back to the wrap-up</source>
        <translation>Back to the wrap-up</translation>
    </message>
    <message>
        <source>Deadline rule</source>
        <translation>Deadline rule</translation>
    </message>
    <message numerus="yes">
        <source>%n working day(s)</source>
        <translation>
            <numerusform>%n working day</numerusform>
            <numerusform>%n working days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) of working days</source>
        <translation>
            <numerusform>%n hour of working days</numerusform>
            <numerusform>%n hours of working days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n working hour(s)</source>
        <translation>
            <numerusform>%n working hour</numerusform>
            <numerusform>%n working hours</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (rule of the service %2)</source>
        <translation>%1 (rule of the service %2)</translation>
    </message>
    <message>
        <source>%1 (rule of the office %2)</source>
        <translation>%1 (rule of the office %2)</translation>
    </message>
    <message>
        <source>%1 (default rule)</source>
        <translation>%1 (default rule)</translation>
    </message>
    <message>
        <source>Deadline rule: %1</source>
        <translation>Deadline rule: %1</translation>
    </message>
    <message>
        <source>How the deadline was counted; tell the citizen</source>
        <translation>How the deadline was counted; tell the citizen</translation>
    </message>
</context>
<context>
    <name>desk::LoginDialog</name>
    <message>
        <source>&amp;Login name:</source>
        <translation>&amp;Login name:</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>&amp;Display name:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>&amp;Repeat password:</translation>
    </message>
    <message>
        <source>Create the first team lead</source>
        <translation>Create the first team lead</translation>
    </message>
    <message>
        <source>Nobody has an account on this catalogue yet. Create the first team lead: they can then add agents and further team leads. The password needs at least 10 characters.</source>
        <translation>Nobody has an account on this catalogue yet. Create the first team lead: they can then add agents and further team leads. The password needs at least 10 characters.</translation>
    </message>
    <message>
        <source>&amp;Create and sign in</source>
        <translation>&amp;Create and sign in</translation>
    </message>
    <message>
        <source>Sign in to Hotline Desk</source>
        <translation>Sign in to Hotline Desk</translation>
    </message>
    <message>
        <source>Sign in with your login name and password.</source>
        <translation>Sign in with your login name and password.</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Sign in</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <source>Sign-in error</source>
        <translation>Sign-in error</translation>
    </message>
    <message>
        <source>Login name</source>
        <translation>Login name</translation>
    </message>
    <message>
        <source>Your login name, for example m.mueller</source>
        <translation>Your login name, for example m.mueller</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Display name</translation>
    </message>
    <message>
        <source>The name colleagues see in the review queue and history</source>
        <translation>The name colleagues see in the review queue and history</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>At least 10 characters</source>
        <translation>At least 10 characters</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>Repeat password</translation>
    </message>
    <message>
        <source>The same password once more</source>
        <translation>The same password once more</translation>
    </message>
    <message>
        <source>Create the account</source>
        <translation>Create the account</translation>
    </message>
    <message>
        <source>Sign in or cancel</source>
        <translation>Sign in or cancel</translation>
    </message>
    <message>
        <source>The catalogue is unavailable, so nobody can sign in.</source>
        <translation>The catalogue is unavailable, so nobody can sign in.</translation>
    </message>
    <message>
        <source>Enter your login name.</source>
        <translation>Enter your login name.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>The two passwords differ.</translation>
    </message>
    <message>
        <source>Cannot create the team lead: %1</source>
        <translation>Cannot create the team lead: %1</translation>
    </message>
    <message>
        <source>Sign in with your login for the shared server %1:%2 (database %3).</source>
        <translation>Sign in with your login for the shared server %1:%2 (database %3).</translation>
    </message>
    <message>
        <source>&amp;Work offline</source>
        <translation>&amp;Work offline</translation>
    </message>
    <message>
        <source>Work offline</source>
        <translation>Work offline</translation>
    </message>
    <message>
        <source>Start without signing in: search and calls work, editing the catalogue does not</source>
        <translation>Start without signing in: search and calls work, editing the catalogue does not</translation>
    </message>
    <message>
        <source>Your password for the shared server</source>
        <translation>Your password for the shared server</translation>
    </message>
    <message>
        <source>Signing in at %1…</source>
        <translation>Signing in at %1…</translation>
    </message>
    <message>
        <source>The server refused the sign-in: wrong login name or password.
(%1)</source>
        <translation>The server refused the sign-in: wrong login name or password.
(%1)</translation>
    </message>
    <message>
        <source>Cannot sign in at the server: %1
You can work offline: search and calls keep working, editing the catalogue needs the server.</source>
        <translation>Cannot sign in at the server: %1
You can work offline: search and calls keep working, editing the catalogue needs the server.</translation>
    </message>
    <message>
        <source>Cannot sign in at the server: %1</source>
        <translation>Cannot sign in at the server: %1</translation>
    </message>
    <message>
        <source>The server knows the login %1 but has no editorial user of that name. Ask the administrator to run &quot;hotline-admin user add %1&quot; again.</source>
        <translation>The server knows the login %1 but has no editorial user of that name. Ask the administrator to run &quot;hotline-admin user add %1&quot; again.</translation>
    </message>
    <message>
        <source>The account %1 is disabled.</source>
        <translation>The account %1 is disabled.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Enter your password.</translation>
    </message>
</context>
<context>
    <name>desk::MailSettingsPage</name>
    <message>
        <source>Send forwards and confirmations by e-mail</source>
        <translation>Send forwards and confirmations by e-mail</translation>
    </message>
    <message>
        <source>SMTP &amp;server:</source>
        <translation>SMTP &amp;server:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <source>Se&amp;curity:</source>
        <translation>Se&amp;curity:</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Login:</translation>
    </message>
    <message>
        <source>Unchanged (kept in the system keychain)</source>
        <translation>Unchanged (kept in the system keychain)</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;word:</translation>
    </message>
    <message>
        <source>Sender &amp;address:</source>
        <translation>Sender &amp;address:</translation>
    </message>
    <message>
        <source>Sender &amp;name:</source>
        <translation>Sender &amp;name:</translation>
    </message>
    <message>
        <source>Public holidays of s&amp;tate:</source>
        <translation>Public holidays of s&amp;tate:</translation>
    </message>
    <message>
        <source>Service &amp;hours:</source>
        <translation>Service &amp;hours:</translation>
    </message>
    <message>
        <source>Send e-mail</source>
        <translation>Send e-mail</translation>
    </message>
    <message>
        <source>On: forwards and confirmations go out through this server</source>
        <translation>On: forwards and confirmations go out through this server</translation>
    </message>
    <message>
        <source>SMTP server</source>
        <translation>SMTP server</translation>
    </message>
    <message>
        <source>Host name of the mail server</source>
        <translation>Host name of the mail server</translation>
    </message>
    <message>
        <source>SMTP port</source>
        <translation>SMTP port</translation>
    </message>
    <message>
        <source>587 for STARTTLS, 465 for TLS</source>
        <translation>587 for STARTTLS, 465 for TLS</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Security</translation>
    </message>
    <message>
        <source>None, STARTTLS or TLS</source>
        <translation>None, STARTTLS or TLS</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Login</translation>
    </message>
    <message>
        <source>User name at the mail server; empty: no login</source>
        <translation>User name at the mail server; empty: no login</translation>
    </message>
    <message>
        <source>Mail password</source>
        <translation>Mail password</translation>
    </message>
    <message>
        <source>Stored in the system keychain, never in the settings file</source>
        <translation>Stored in the system keychain, never in the settings file</translation>
    </message>
    <message>
        <source>Sender address</source>
        <translation>Sender address</translation>
    </message>
    <message>
        <source>The hotline&apos;s mailbox</source>
        <translation>The hotline&apos;s mailbox</translation>
    </message>
    <message>
        <source>Sender name</source>
        <translation>Sender name</translation>
    </message>
    <message>
        <source>Shown as the sender, e.g. Bürgertelefon</source>
        <translation>Shown as the sender, e.g. Bürgertelefon</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>German state whose public holidays count for deadlines</source>
        <translation>German state whose public holidays count for deadlines</translation>
    </message>
    <message>
        <source>Service hours</source>
        <translation>Service hours</translation>
    </message>
    <message>
        <source>Working hours for deadlines, e.g. Mon-Fri 08:00-18:00</source>
        <translation>Working hours for deadlines, e.g. Mon-Fri 08:00-18:00</translation>
    </message>
    <message>
        <source> days</source>
        <translation> days</translation>
    </message>
    <message>
        <source>Delete caller numbers a&amp;fter:</source>
        <translation>Delete caller numbers a&amp;fter:</translation>
    </message>
    <message>
        <source>Mask (keep the area code)</source>
        <translation>Mask (keep the area code)</translation>
    </message>
    <message>
        <source>Remove completely</source>
        <translation>Remove completely</translation>
    </message>
    <message>
        <source>Old caller numbers a&amp;re:</source>
        <translation>Old caller numbers a&amp;re:</translation>
    </message>
    <message>
        <source>Privacy period</source>
        <translation>Privacy period</translation>
    </message>
    <message>
        <source>Caller numbers and citizens&apos; details older than this are deleted at every start</source>
        <translation>Caller numbers and citizens&apos; details older than this are deleted at every start</translation>
    </message>
    <message>
        <source>Privacy purge</source>
        <translation>Privacy purge</translation>
    </message>
    <message>
        <source>Mask keeps the area code for statistics; remove deletes all</source>
        <translation>Mask keeps the area code for statistics; remove deletes all</translation>
    </message>
    <message>
        <source>Show due cases as &amp;desktop notifications</source>
        <translation>Show due cases as &amp;desktop notifications</translation>
    </message>
    <message>
        <source>Desktop notifications</source>
        <translation>Desktop notifications</translation>
    </message>
    <message>
        <source>On: a case whose reminder is due also shows as a notification of the desktop, with a button that opens it, while the desk is in the background</source>
        <translation>On: a case whose reminder is due also shows as a notification of the desktop, with a button that opens it, while the desk is in the background</translation>
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
        <source>Search r&amp;esults</source>
        <translation>Search r&amp;esults</translation>
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
        <source>Go to the ar&amp;ticle</source>
        <translation>Go to the ar&amp;ticle</translation>
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
    <name>desk::OfficeScheduleDialog</name>
    <message>
        <source>Office hours for appointments</source>
        <translation>Office hours for appointments</translation>
    </message>
    <message>
        <source>&amp;Office</source>
        <translation>&amp;Office</translation>
    </message>
    <message>
        <source>Office of the catalogue whose appointment hours you edit</source>
        <translation>Office of the catalogue whose appointment hours you edit</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>closed</translation>
    </message>
    <message>
        <source>Hours on %1</source>
        <translation>Hours on %1</translation>
    </message>
    <message>
        <source>Intervals such as 08:00-12:00, 13:00-16:00; empty: closed</source>
        <translation>Intervals such as 08:00-12:00, 13:00-16:00; empty: closed</translation>
    </message>
    <message>
        <source>&amp;Parallel appointments per slot</source>
        <translation>&amp;Parallel appointments per slot</translation>
    </message>
    <message>
        <source>Counters serving citizens at the same time</source>
        <translation>Counters serving citizens at the same time</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Slot &amp;grid</source>
        <translation>Slot &amp;grid</translation>
    </message>
    <message>
        <source>Appointments start on this grid, in minutes</source>
        <translation>Appointments start on this grid, in minutes</translation>
    </message>
    <message>
        <source>Schedule status</source>
        <translation>Schedule status</translation>
    </message>
    <message>
        <source>Saves the office&apos;s hours and capacity</source>
        <translation>Saves the office&apos;s hours and capacity</translation>
    </message>
    <message>
        <source>The catalogue has no offices.</source>
        <translation>The catalogue has no offices.</translation>
    </message>
    <message>
        <source>This office takes no appointments yet.</source>
        <translation>This office takes no appointments yet.</translation>
    </message>
    <message>
        <source>Choose an office.</source>
        <translation>Choose an office.</translation>
    </message>
    <message>
        <source>Hours on %1: %2</source>
        <translation>Hours on %1: %2</translation>
    </message>
    <message>
        <source>The server is not reachable: this is the desk&apos;s copy of the office hours. They are saved on the server only; please try again when it is reachable.</source>
        <translation>The server is not reachable: this is the desk&apos;s copy of the office hours. They are saved on the server only; please try again when it is reachable.</translation>
    </message>
    <message>
        <source>The server is not reachable: in shared mode office hours are saved on the server. Nothing was saved; please try again later.</source>
        <translation>The server is not reachable: in shared mode office hours are saved on the server. Nothing was saved; please try again later.</translation>
    </message>
    <message>
        <source>The server refused the change: %1</source>
        <translation>The server refused the change: %1</translation>
    </message>
</context>
<context>
    <name>desk::OutboxView</name>
    <message>
        <source>waiting</source>
        <translation>waiting</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>sending</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>sent</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <source>unconfirmed</source>
        <translation>unconfirmed</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Outbox</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <source>Server&apos;s reply</source>
        <translation>Server&apos;s reply</translation>
    </message>
    <message>
        <source>Forwards and confirmations with their state and the server&apos;s last reply</source>
        <translation>Forwards and confirmations with their state and the server&apos;s last reply</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Retry</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>Puts the selected failed e-mail back into the queue</source>
        <translation>Puts the selected failed e-mail back into the queue</translation>
    </message>
    <message>
        <source>Outbox status</source>
        <translation>Outbox status</translation>
    </message>
    <message>
        <source>Outbox unavailable: %1</source>
        <translation>Outbox unavailable: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n e-mail(s)</source>
        <translation>
            <numerusform>%n e-mail</numerusform>
            <numerusform>%n e-mails</numerusform>
        </translation>
    </message>
    <message>
        <source>Select an e-mail first.</source>
        <translation>Select an e-mail first.</translation>
    </message>
    <message>
        <source>E-mail queued again.</source>
        <translation>E-mail queued again.</translation>
    </message>
</context>
<context>
    <name>desk::ReportView</name>
    <message>
        <source>Export figures</source>
        <translation>Export figures</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>The call journal cannot be opened: %1</source>
        <translation>The call journal cannot be opened: %1</translation>
    </message>
    <message>
        <source>Calls per hour</source>
        <translation>Calls per hour</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Calls</translation>
    </message>
    <message>
        <source>Calls per weekday</source>
        <translation>Calls per weekday</translation>
    </message>
    <message>
        <source>Answered directly</source>
        <translation>Answered directly</translation>
    </message>
    <message>
        <source>Forwarded</source>
        <translation>Forwarded</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>Appointment</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Outcomes</source>
        <translation>Outcomes</translation>
    </message>
    <message>
        <source>No call journal yet on this desk.</source>
        <translation>No call journal yet on this desk.</translation>
    </message>
    <message>
        <source>meets the promise of 65 %</source>
        <translation>meets the promise of 65 %</translation>
    </message>
    <message>
        <source>below the promise of 65 %</source>
        <translation>below the promise of 65 %</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
    <message>
        <source>Figures – Hotline Desk</source>
        <translation>Figures – Hotline Desk</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Show</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>E&amp;xport CSV…</translation>
    </message>
    <message>
        <source>No calls in this period yet. Figures appear once calls are recorded in the journal.</source>
        <translation>No calls in this period yet. Figures appear once calls are recorded in the journal.</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>First day of the period</source>
        <translation>First day of the period</translation>
    </message>
    <message>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Last day of the period</source>
        <translation>Last day of the period</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Computes the figures for the period</source>
        <translation>Computes the figures for the period</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <source>Saves the figures of the period as a CSV file</source>
        <translation>Saves the figures of the period as a CSV file</translation>
    </message>
    <message>
        <source>Key figures</source>
        <translation>Key figures</translation>
    </message>
    <message>
        <source>First-contact resolution, deadlines kept and talk time</source>
        <translation>First-contact resolution, deadlines kept and talk time</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>No data</translation>
    </message>
    <message>
        <source>Shown when the period has no calls</source>
        <translation>Shown when the period has no calls</translation>
    </message>
    <message>
        <source>Bar chart of the calls by hour of the day</source>
        <translation>Bar chart of the calls by hour of the day</translation>
    </message>
    <message>
        <source>Bar chart of the calls by weekday</source>
        <translation>Bar chart of the calls by weekday</translation>
    </message>
    <message>
        <source>Pie chart: answered directly, forwarded, appointment</source>
        <translation>Pie chart: answered directly, forwarded, appointment</translation>
    </message>
    <message>
        <source>All lines</source>
        <translation>All lines</translation>
    </message>
    <message>
        <source>All municipalities</source>
        <translation>All municipalities</translation>
    </message>
    <message>
        <source>Services asked most</source>
        <translation>Services asked most</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s). First-contact resolution %1 % (%2). Forwarded cases answered by their deadline: %3 % (%4 of %5; %6 open, %7 overdue). Average talk time %8 s, time to answer %9 s.</source>
        <translation>
            <numerusform>%n call. First-contact resolution %1 % (%2). Forwarded cases answered by their deadline: %3 % (%4 of %5; %6 open, %7 overdue). Average talk time %8 s, time to answer %9 s.</numerusform>
            <numerusform>%n calls. First-contact resolution %1 % (%2). Forwarded cases answered by their deadline: %3 % (%4 of %5; %6 open, %7 overdue). Average talk time %8 s, time to answer %9 s.</numerusform>
        </translation>
    </message>
    <message>
        <source>Bar chart of the services callers asked about most</source>
        <translation>Bar chart of the services callers asked about most</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Line</translation>
    </message>
    <message>
        <source>Count the calls of one line only</source>
        <translation>Count the calls of one line only</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Count the calls of one municipality only</source>
        <translation>Count the calls of one municipality only</translation>
    </message>
    <message>
        <source>Appointments booked per office</source>
        <translation>Appointments booked per office</translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation>Appointments</translation>
    </message>
    <message>
        <source>Bar chart of the appointments booked per office</source>
        <translation>Bar chart of the appointments booked per office</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;From:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;To:</translation>
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
    <name>desk::SavingDialog</name>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Saved on the server.</source>
        <translation>Saved on the server.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>Closes the window without saving</source>
        <translation>Closes the window without saving</translation>
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
        <source>Search (Ctrl+K), e.g. “perso”, “ummelden”</source>
        <translation>Search (Ctrl+K), e.g. “perso”, “ummelden”</translation>
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
    <message>
        <source>No service opened yet. The services you open appear here, newest first.</source>
        <translation>No service opened yet. The services you open appear here, newest first.</translation>
    </message>
    <message>
        <source>No favourites yet. Ctrl+D adds the service on screen.</source>
        <translation>No favourites yet. Ctrl+D adds the service on screen.</translation>
    </message>
    <message>
        <source>Not in the catalogue: %1</source>
        <translation>Not in the catalogue: %1</translation>
    </message>
    <message>
        <source>Words not in the catalogue</source>
        <translation>Words not in the catalogue</translation>
    </message>
    <message>
        <source>Words of the search that no service in the catalogue contains: the results come from the other words. Rephrase them or look in the A–Z index.</source>
        <translation>Words of the search that no service in the catalogue contains: the results come from the other words. Rephrase them or look in the A–Z index.</translation>
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
    <message>
        <source>validity ended</source>
        <translation>validity ended</translation>
    </message>
    <message>
        <source>valid from %1</source>
        <translation>valid from %1</translation>
    </message>
    <message>
        <source>changes on %1</source>
        <translation>changes on %1</translation>
    </message>
    <message>
        <source>due for review</source>
        <translation>due for review</translation>
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
        <source>OK reconnects the desk with a new host, port, database, user, password or TLS setting; changes waiting to be sent stay queued and go to the server once connected. Switching between this desk only and the shared server applies at the next start. The password is kept in the system keychain.</source>
        <translation>OK reconnects the desk with a new host, port, database, user, password or TLS setting; changes waiting to be sent stay queued and go to the server once connected. Switching between this desk only and the shared server applies at the next start. The password is kept in the system keychain.</translation>
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
        <source>Shared store unavailable: %1</source>
        <translation>Shared store unavailable: %1</translation>
    </message>
    <message>
        <source>The server refused several changes.</source>
        <translation>The server refused several changes.</translation>
    </message>
    <message>
        <source>The server refused a flag of a service.</source>
        <translation>The server refused a flag of a service.</translation>
    </message>
    <message>
        <source>The server refused an entry of the search log.</source>
        <translation>The server refused an entry of the search log.</translation>
    </message>
    <message>
        <source>Searching works on this desk&apos;s copy of the catalogue. Calls, forwards, bookings, searches and flags are kept on this desk and sent when the server is reachable again.</source>
        <translation>Searching works on this desk&apos;s copy of the catalogue. Calls, forwards, bookings, searches and flags are kept on this desk and sent when the server is reachable again.</translation>
    </message>
    <message>
        <source>Connecting to %1 with the new server settings…</source>
        <translation>Connecting to %1 with the new server settings…</translation>
    </message>
    <message>
        <source>Server settings not applied: %1</source>
        <translation>Server settings not applied: %1</translation>
    </message>
</context>
<context>
    <name>desk::ServerStores</name>
    <message>
        <source>Server not reachable – only the entries of this desk</source>
        <translation>Server not reachable – only the entries of this desk</translation>
    </message>
    <message>
        <source>The shared store is not running.</source>
        <translation>The shared store is not running.</translation>
    </message>
    <message>
        <source>The server is not reachable.</source>
        <translation>The server is not reachable.</translation>
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
        <source>Open lin&amp;ks in:</source>
        <translation>Open lin&amp;ks in:</translation>
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
        <source>&lt;b&gt;Telephony&lt;/b&gt;&lt;p&gt;Changes apply at the next start of the desk.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Telephony&lt;/b&gt;&lt;p&gt;Changes apply at the next start of the desk.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Mail and business calendar&lt;/b&gt;&lt;p&gt;Changes apply at the next start of the desk.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Mail and business calendar&lt;/b&gt;&lt;p&gt;Changes apply at the next start of the desk.&lt;/p&gt;</translation>
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
    <message>
        <source>The server is not reachable.</source>
        <translation>The server is not reachable.</translation>
    </message>
    <message>
        <source>Switching the shared server off applies at the next start of the desk.</source>
        <translation>Switching the shared server off applies at the next start of the desk.</translation>
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
<context>
    <name>desk::TelephonySettingsPage</name>
    <message>
        <source>Take calls over SIP (otherwise calls are recorded by hand)</source>
        <translation>Take calls over SIP (otherwise calls are recorded by hand)</translation>
    </message>
    <message>
        <source>SIP &amp;user:</source>
        <translation>SIP &amp;user:</translation>
    </message>
    <message>
        <source>SIP &amp;domain:</source>
        <translation>SIP &amp;domain:</translation>
    </message>
    <message>
        <source>&amp;Transport:</source>
        <translation>&amp;Transport:</translation>
    </message>
    <message>
        <source>Empty: no registrar, listen on the port</source>
        <translation>Empty: no registrar, listen on the port</translation>
    </message>
    <message>
        <source>&amp;Registrar:</source>
        <translation>&amp;Registrar:</translation>
    </message>
    <message>
        <source>Local SIP &amp;port:</source>
        <translation>Local SIP &amp;port:</translation>
    </message>
    <message>
        <source>Unchanged (kept in the system keychain)</source>
        <translation>Unchanged (kept in the system keychain)</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;word:</translation>
    </message>
    <message>
        <source>&amp;Microphone:</source>
        <translation>&amp;Microphone:</translation>
    </message>
    <message>
        <source>&amp;Headset / speaker:</source>
        <translation>&amp;Headset / speaker:</translation>
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
        <translation>Not ready again until the call&apos;s outcome is saved</translation>
    </message>
    <message>
        <source>Telephony over SIP</source>
        <translation>Telephony over SIP</translation>
    </message>
    <message>
        <source>On: the desk is your SIP phone</source>
        <translation>On: the desk is your SIP phone</translation>
    </message>
    <message>
        <source>SIP user</source>
        <translation>SIP user</translation>
    </message>
    <message>
        <source>Account name at the phone system</source>
        <translation>Account name at the phone system</translation>
    </message>
    <message>
        <source>SIP domain</source>
        <translation>SIP domain</translation>
    </message>
    <message>
        <source>Domain of the SIP account</source>
        <translation>Domain of the SIP account</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>Transport</translation>
    </message>
    <message>
        <source>UDP, TCP or TLS</source>
        <translation>UDP, TCP or TLS</translation>
    </message>
    <message>
        <source>Registrar</source>
        <translation>Registrar</translation>
    </message>
    <message>
        <source>Host and port of the phone system; empty: listen directly</source>
        <translation>Host and port of the phone system; empty: listen directly</translation>
    </message>
    <message>
        <source>Local SIP port</source>
        <translation>Local SIP port</translation>
    </message>
    <message>
        <source>Port the desk listens on; 0 picks a free one</source>
        <translation>Port the desk listens on; 0 picks a free one</translation>
    </message>
    <message>
        <source>SIP password</source>
        <translation>SIP password</translation>
    </message>
    <message>
        <source>Stored in the system keychain, never in the settings file</source>
        <translation>Stored in the system keychain, never in the settings file</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>Microphone</translation>
    </message>
    <message>
        <source>Audio input device</source>
        <translation>Audio input device</translation>
    </message>
    <message>
        <source>Headset or speaker</source>
        <translation>Headset or speaker</translation>
    </message>
    <message>
        <source>Audio output device</source>
        <translation>Audio output device</translation>
    </message>
    <message>
        <source>Lines and municipalities</source>
        <translation>Lines and municipalities</translation>
    </message>
    <message>
        <source>Which municipality each dialled line belongs to</source>
        <translation>Which municipality each dialled line belongs to</translation>
    </message>
    <message>
        <source>Wrap-up time</source>
        <translation>Wrap-up time</translation>
    </message>
    <message>
        <source>Seconds after a call before you are ready again</source>
        <translation>Seconds after a call before you are ready again</translation>
    </message>
    <message>
        <source>Not ready until outcome saved</source>
        <translation>Not ready until outcome saved</translation>
    </message>
    <message>
        <source>After a call you get no new call until its outcome is saved</source>
        <translation>After a call you get no new call until its outcome is saved</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>System default</translation>
    </message>
    <message>
        <source>Empty: the system&apos;s certificate authorities</source>
        <translation>Empty: the system&apos;s certificate authorities</translation>
    </message>
    <message>
        <source>TLS &amp;CA file:</source>
        <translation>TLS &amp;CA file:</translation>
    </message>
    <message>
        <source>&amp;Verify the phone system&apos;s TLS certificate</source>
        <translation>&amp;Verify the phone system&apos;s TLS certificate</translation>
    </message>
    <message>
        <source>TLS CA file</source>
        <translation>TLS CA file</translation>
    </message>
    <message>
        <source>PEM file of the authority that signed the phone system&apos;s certificate (transport TLS only)</source>
        <translation>PEM file of the authority that signed the phone system&apos;s certificate (transport TLS only)</translation>
    </message>
    <message>
        <source>Verify TLS certificate</source>
        <translation>Verify TLS certificate</translation>
    </message>
    <message>
        <source>Off only for tests: without verification anyone on the network can pose as the phone system</source>
        <translation>Off only for tests: without verification anyone on the network can pose as the phone system</translation>
    </message>
    <message>
        <source>Empty: no client certificate</source>
        <translation>Empty: no client certificate</translation>
    </message>
    <message>
        <source>Br&amp;owse…</source>
        <translation>Br&amp;owse…</translation>
    </message>
    <message>
        <source>Client c&amp;ertificate:</source>
        <translation>Client c&amp;ertificate:</translation>
    </message>
    <message>
        <source>Brow&amp;se…</source>
        <translation>Brow&amp;se…</translation>
    </message>
    <message>
        <source>Private &amp;key:</source>
        <translation>Private &amp;key:</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>Client certificate</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt);;All files (*)</source>
        <translation>Certificates (*.pem *.crt);;All files (*)</translation>
    </message>
    <message>
        <source>Private key</source>
        <translation>Private key</translation>
    </message>
    <message>
        <source>Private keys (*.pem *.key);;All files (*)</source>
        <translation>Private keys (*.pem *.key);;All files (*)</translation>
    </message>
    <message>
        <source>PEM file of this desk&apos;s own certificate, for phone systems that require one (transport TLS only)</source>
        <translation>PEM file of this desk&apos;s own certificate, for phone systems that require one (transport TLS only)</translation>
    </message>
    <message>
        <source>Choose the client certificate</source>
        <translation>Choose the client certificate</translation>
    </message>
    <message>
        <source>Opens a file dialog to choose the PEM file</source>
        <translation>Opens a file dialog to choose the PEM file</translation>
    </message>
    <message>
        <source>Unencrypted PEM file of the client certificate&apos;s private key (transport TLS only)</source>
        <translation>Unencrypted PEM file of the client certificate&apos;s private key (transport TLS only)</translation>
    </message>
    <message>
        <source>Choose the private key</source>
        <translation>Choose the private key</translation>
    </message>
    <message>
        <source>&amp;Lines → municipalities:</source>
        <translation>&amp;Lines → municipalities:</translation>
    </message>
    <message>
        <source>Wrap-up t&amp;ime:</source>
        <translation>Wrap-up t&amp;ime:</translation>
    </message>
</context>
<context>
    <name>desk::WrapUpPanel</name>
    <message>
        <source>Wrap-up: how did the call end?</source>
        <translation>Wrap-up: how did the call end?</translation>
    </message>
    <message>
        <source>Wrap-up</source>
        <translation>Wrap-up</translation>
    </message>
    <message>
        <source>Topic services</source>
        <translation>Topic services</translation>
    </message>
    <message>
        <source>Services this call was about; Ctrl+Shift+A adds the one on screen</source>
        <translation>Services this call was about; Ctrl+Shift+A adds the one on screen</translation>
    </message>
    <message>
        <source>Remove service</source>
        <translation>Remove service</translation>
    </message>
    <message>
        <source>Removes the selected service from this call</source>
        <translation>Removes the selected service from this call</translation>
    </message>
    <message>
        <source>Wrap-up &amp;notes</source>
        <translation>Wrap-up &amp;notes</translation>
    </message>
    <message>
        <source>Wrap-up notes</source>
        <translation>Wrap-up notes</translation>
    </message>
    <message>
        <source>What the caller needed and what you told them</source>
        <translation>What the caller needed and what you told them</translation>
    </message>
    <message>
        <source>No data kept (the caller asked)</source>
        <translation>No data kept (the caller asked)</translation>
    </message>
    <message>
        <source>No data kept</source>
        <translation>No data kept</translation>
    </message>
    <message>
        <source>The caller&apos;s number and the notes are not stored</source>
        <translation>The caller&apos;s number and the notes are not stored</translation>
    </message>
    <message>
        <source>Answered directly</source>
        <translation>Answered directly</translation>
    </message>
    <message>
        <source>Saves the call as answered directly</source>
        <translation>Saves the call as answered directly</translation>
    </message>
    <message>
        <source>Forward by e-mail</source>
        <translation>Forward by e-mail</translation>
    </message>
    <message>
        <source>Forwards the question to the responsible office with a deadline</source>
        <translation>Forwards the question to the responsible office with a deadline</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>Appointment</translation>
    </message>
    <message>
        <source>Books an appointment at an office</source>
        <translation>Books an appointment at an office</translation>
    </message>
    <message>
        <source>Result of the last wrap-up action</source>
        <translation>Result of the last wrap-up action</translation>
    </message>
</context>
<context>
    <name>journal</name>
    <message>
        <source>The office e-mail address &quot;%1&quot; is not valid.</source>
        <translation>The office e-mail address &quot;%1&quot; is not valid.</translation>
    </message>
    <message>
        <source>The hotline&apos;s sender address &quot;%1&quot; is not valid.</source>
        <translation>The hotline&apos;s sender address &quot;%1&quot; is not valid.</translation>
    </message>
    <message>
        <source>The citizen&apos;s question is empty.</source>
        <translation>The citizen&apos;s question is empty.</translation>
    </message>
    <message>
        <source>The forward has no deadline.</source>
        <translation>The forward has no deadline.</translation>
    </message>
    <message>
        <source>The callback e-mail address &quot;%1&quot; is not valid.</source>
        <translation>The callback e-mail address &quot;%1&quot; is not valid.</translation>
    </message>
    <message>
        <source>Consent is ticked but there is no phone number or e-mail address to call back.</source>
        <translation>Consent is ticked but there is no phone number or e-mail address to call back.</translation>
    </message>
</context>
<context>
    <name>journal::CaseListModel</name>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 d %2 h</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>overdue by %1</source>
        <translation>overdue by %1</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Answered</translation>
    </message>
    <message>
        <source>Called back</source>
        <translation>Called back</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Time left</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>Callback</source>
        <translation>Callback</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
</context>
<context>
    <name>journal::JournalStore</name>
    <message>
        <source>Choose how the call ended.</source>
        <translation>Choose how the call ended.</translation>
    </message>
    <message>
        <source>The appointment outcome needs a booked appointment.</source>
        <translation>The appointment outcome needs a booked appointment.</translation>
    </message>
    <message>
        <source>There is no case %1.</source>
        <translation>There is no case %1.</translation>
    </message>
</context>
</TS>

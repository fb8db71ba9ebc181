<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>BulkBar</name>
    <message numerus="yes">
        <source>%Ln deal(s) selected.</source>
        <translation><numerusform>%Ln deal selected.</numerusform><numerusform>%Ln deals selected.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>All %Ln matching deal(s) are selected.</source>
        <translation><numerusform>The %Ln matching deal is selected.</numerusform><numerusform>All %Ln matching deals are selected.</numerusform></translation>
    </message>
</context>
<context>
    <name>CardDelegate</name>
    <message numerus="yes">
        <source>idle %Ln d</source>
        <translation><numerusform>idle %Ln d</numerusform><numerusform>idle %Ln d</numerusform></translation>
    </message>
</context>
<context>
    <name>CloseZone</name>
    <message numerus="yes">
        <source>%Ln deal(s) · %1</source>
        <translation><numerusform>%Ln deal · %1</numerusform><numerusform>%Ln deals · %1</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln deal(s)</source>
        <translation><numerusform>%Ln deal</numerusform><numerusform>%Ln deals</numerusform></translation>
    </message>
</context>
<context>
    <name>ColumnHeader</name>
    <message numerus="yes">
        <source>%Ln deal(s) · %1</source>
        <translation><numerusform>%Ln deal · %1</numerusform><numerusform>%Ln deals · %1</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln deal(s)</source>
        <translation><numerusform>%Ln deal</numerusform><numerusform>%Ln deals</numerusform></translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message numerus="yes">
        <source>%n more error(s) came after it.</source>
        <translation><numerusform>%n more error came after it.</numerusform><numerusform>%n more errors came after it.</numerusform></translation>
    </message>
</context>
<context>
    <name>CustomerFormDialog</name>
    <message numerus="yes">
        <source>%Ln deal(s)</source>
        <translation><numerusform>%Ln deal</numerusform><numerusform>%Ln deals</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln open</source>
        <translation><numerusform>%Ln open</numerusform><numerusform>%Ln open</numerusform></translation>
    </message>
</context>
<context>
    <name>CustomersArea</name>
    <message numerus="yes">
        <source>%Ln selected</source>
        <translation><numerusform>%Ln selected</numerusform><numerusform>%Ln selected</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Changed %Ln record(s).</source>
        <translation><numerusform>Changed %Ln record.</numerusform><numerusform>Changed %Ln records.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln record(s)? Their deals stay, without them. This can't be undone.</source>
        <translation><numerusform>Delete %Ln record? Their deals stay, without them. This can't be undone.</numerusform><numerusform>Delete %Ln records? Their deals stay, without them. This can't be undone.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Deleted %Ln record(s).</source>
        <translation><numerusform>Deleted %Ln record.</numerusform><numerusform>Deleted %Ln records.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln record(s) to %1.</source>
        <translation><numerusform>Exported %Ln record to %1.</numerusform><numerusform>Exported %Ln records to %1.</numerusform></translation>
    </message>
</context>
<context>
    <name>DayListDialog</name>
    <message numerus="yes">
        <source>%Ln deal(s)</source>
        <translation><numerusform>%Ln deal</numerusform><numerusform>%Ln deals</numerusform></translation>
    </message>
</context>
<context>
    <name>DealBulkActions</name>
    <message numerus="yes">
        <source>Moved %Ln deal(s) to %1.</source>
        <translation><numerusform>Moved %Ln deal to %1.</numerusform><numerusform>Moved %Ln deals to %1.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln deal(s) handed to %1.</source>
        <translation><numerusform>%Ln deal handed to %1.</numerusform><numerusform>%Ln deals handed to %1.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Changed %Ln deal(s).</source>
        <translation><numerusform>Changed %Ln deal.</numerusform><numerusform>Changed %Ln deals.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln deal(s)? This can't be undone.</source>
        <translation><numerusform>Delete %Ln deal? This can't be undone.</numerusform><numerusform>Delete %Ln deals? This can't be undone.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Deleted %Ln deal(s).</source>
        <translation><numerusform>Deleted %Ln deal.</numerusform><numerusform>Deleted %Ln deals.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln deal(s) to %1.</source>
        <translation><numerusform>Exported %Ln deal to %1.</numerusform><numerusform>Exported %Ln deals to %1.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>A document for each of the %Ln deal(s), from the template:</source>
        <translation><numerusform>A document for each of the %Ln deal, from the template:</numerusform><numerusform>A document for each of the %Ln deals, from the template:</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Made %Ln document(s); each is in its deal's Documents.</source>
        <translation><numerusform>Made %Ln document; each is in its deal's Documents.</numerusform><numerusform>Made %Ln documents; each is in its deal's Documents.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Undone for %Ln deal(s).</source>
        <translation><numerusform>Undone for %Ln deal.</numerusform><numerusform>Undone for %Ln deals.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln changed since then were left as they are.</source>
        <translation><numerusform>%Ln changed since then were left as they are.</numerusform><numerusform>%Ln changed since then were left as they are.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln deal(s) your role does not let you change stayed as they were.</source>
        <translation><numerusform>%Ln deal your role does not let you change stayed as it was.</numerusform><numerusform>%Ln deals your role does not let you change stayed as they were.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Planned a task on %Ln deal(s).</source>
        <translation><numerusform>Planned a task on %Ln deal.</numerusform><numerusform>Planned a task on %Ln deals.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Started a workflow on %Ln deal(s).</source>
        <translation><numerusform>Started a workflow on %Ln deal.</numerusform><numerusform>Started a workflow on %Ln deals.</numerusform></translation>
    </message>
</context>
<context>
    <name>DealImportDialog</name>
    <message numerus="yes">
        <source>All %Ln row(s) can be imported.</source>
        <translation><numerusform>All %Ln row can be imported.</numerusform><numerusform>All %Ln rows can be imported.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln problem(s) in the file: nothing was imported. Correct the file or the mapping, then try again.</source>
        <translation><numerusform>%Ln problem in the file: nothing was imported. Correct the file or the mapping, then try again.</numerusform><numerusform>%Ln problems in the file: nothing was imported. Correct the file or the mapping, then try again.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>… and %Ln more.</source>
        <translation><numerusform>… and %Ln more.</numerusform><numerusform>… and %Ln more.</numerusform></translation>
    </message>
</context>
<context>
    <name>DealTableModel</name>
    <message numerus="yes">
        <source>No stage change for %Ln day(s): longer than this stage allows.</source>
        <translation><numerusform>No stage change for %Ln day: longer than this stage allows.</numerusform><numerusform>No stage change for %Ln days: longer than this stage allows.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1 · idle %Ln d</source>
        <translation><numerusform>%1 · idle %Ln d</numerusform><numerusform>%1 · idle %Ln d</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln overdue</source>
        <translation><numerusform>%Ln overdue</numerusform><numerusform>%Ln overdue</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln open</source>
        <translation><numerusform>%Ln open</numerusform><numerusform>%Ln open</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln open task(s)</source>
        <translation><numerusform>%Ln open task</numerusform><numerusform>%Ln open tasks</numerusform></translation>
    </message>
</context>
<context>
    <name>DealsArea</name>
    <message numerus="yes">
        <source>%Ln selected deal(s) are no longer in the list and were unselected.</source>
        <translation><numerusform>%Ln selected deal is no longer in the list and was unselected.</numerusform><numerusform>%Ln selected deals are no longer in the list and were unselected.</numerusform></translation>
    </message>
</context>
<context>
    <name>FieldsSettings</name>
    <message numerus="yes">
        <source>Delete the field “%1”? %Ln record(s) have a value in it; the values go too.</source>
        <translation><numerusform>Delete the field “%1”? %Ln record have a value in it; the values go too.</numerusform><numerusform>Delete the field “%1”? %Ln records have a value in it; the values go too.</numerusform></translation>
    </message>
</context>
<context>
    <name>ImportsDialog</name>
    <message numerus="yes">
        <source>Removed %Ln deal(s).</source>
        <translation><numerusform>Removed %Ln deal.</numerusform><numerusform>Removed %Ln deals.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln deal(s) changed since the import stay: %1</source>
        <translation><numerusform>%Ln deal changed since the import stays: %1</numerusform><numerusform>%Ln deals changed since the import stay: %1</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>The %Ln person/people it created stay (deactivate them in Settings).</source>
        <translation><numerusform>The %Ln person it created stays (deactivate them in Settings).</numerusform><numerusform>The %Ln people it created stay (deactivate them in Settings).</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Removed %Ln record(s).</source>
        <translation><numerusform>Removed %Ln record.</numerusform><numerusform>Removed %Ln records.</numerusform></translation>
    </message>
</context>
<context>
    <name>KanbanView</name>
    <message numerus="yes">
        <source>Where do %Ln deal(s) go?</source>
        <translation><numerusform>Where do %Ln deal go?</numerusform><numerusform>Where do %Ln deals go?</numerusform></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>Imported %Ln deal(s).</source>
        <translation><numerusform>Imported %Ln deal.</numerusform><numerusform>Imported %Ln deals.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln deal(s)</source>
        <translation><numerusform>%Ln deal</numerusform><numerusform>%Ln deals</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>&amp;Undo change of %Ln deal(s)</source>
        <translation><numerusform>&amp;Undo change of %Ln deal</numerusform><numerusform>&amp;Undo change of %Ln deals</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Moved %Ln deal(s).</source>
        <translation><numerusform>Moved %Ln deal.</numerusform><numerusform>Moved %Ln deals.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln file(s) to %1</source>
        <translation><numerusform>Exported %Ln file to %1</numerusform><numerusform>Exported %Ln files to %1</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Imported %Ln record(s).</source>
        <translation><numerusform>Imported %Ln record.</numerusform><numerusform>Imported %Ln records.</numerusform></translation>
    </message>
</context>
<context>
    <name>NotificationText</name>
    <message numerus="yes">
        <source>%1 assigned you %Ln deal(s)</source>
        <translation><numerusform>%1 assigned you %Ln deal</numerusform><numerusform>%1 assigned you %Ln deals</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1 moved %Ln of your deals to %3</source>
        <translation><numerusform>%1 moved %Ln of your deals to %3</numerusform><numerusform>%1 moved %Ln of your deals to %3</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1 moved %Ln of your deals</source>
        <translation><numerusform>%1 moved %Ln of your deals</numerusform><numerusform>%1 moved %Ln of your deals</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1 gave you %Ln task(s)</source>
        <translation><numerusform>%1 gave you %Ln task</numerusform><numerusform>%1 gave you %Ln tasks</numerusform></translation>
    </message>
</context>
<context>
    <name>NotificationBell</name>
    <message numerus="yes">
        <source>%Ln unread notification(s)</source>
        <translation><numerusform>%Ln unread notification</numerusform><numerusform>%Ln unread notifications</numerusform></translation>
    </message>
</context>
<context>
    <name>PeopleLabel</name>
    <message numerus="yes">
        <source>%Ln people in this file</source>
        <translation><numerusform>%Ln person in this file</numerusform><numerusform>%Ln people in this file</numerusform></translation>
    </message>
</context>
<context>
    <name>PeopleSettings</name>
    <message numerus="yes">
        <source>Move %Ln person(s) to:</source>
        <translation><numerusform>Move %Ln person to:</numerusform><numerusform>Move %Ln people to:</numerusform></translation>
    </message>
</context>
<context>
    <name>PipelinesSettings</name>
    <message numerus="yes">
        <source>“%1” holds %Ln deal(s). Where do they go?</source>
        <translation><numerusform>“%1” holds %Ln deal. Where do they go?</numerusform><numerusform>“%1” holds %Ln deals. Where do they go?</numerusform></translation>
    </message>
</context>
<context>
    <name>ReminderClock</name>
    <message numerus="yes">
        <source>%Ln reminder(s) came while Dealdesk was closed: %1</source>
        <translation><numerusform>%Ln reminder came while Dealdesk was closed: %1</numerusform><numerusform>%Ln reminders came while Dealdesk was closed: %1</numerusform></translation>
    </message>
</context>
<context>
    <name>RequiredFieldsDialog</name>
    <message numerus="yes">
        <source>Stage “%1” needs these fields. What you enter goes to the %Ln deal(s) that lack them.</source>
        <translation><numerusform>Stage “%1” needs these fields. What you enter goes to the %Ln deal that lack them.</numerusform><numerusform>Stage “%1” needs these fields. What you enter goes to the %Ln deals that lack them.</numerusform></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message numerus="yes">
        <source>Saved: %Ln reason(s).</source>
        <translation><numerusform>Saved: %Ln reason.</numerusform><numerusform>Saved: %Ln reasons.</numerusform></translation>
    </message>
</context>
<context>
    <name>StageTableModel</name>
    <message numerus="yes">
        <source>%Ln day(s)</source>
        <translation><numerusform>%Ln day</numerusform><numerusform>%Ln days</numerusform></translation>
    </message>
</context>
<context>
    <name>StartWorkflowDialog</name>
    <message numerus="yes">
        <source>On %n record(s).</source>
        <translation><numerusform>On %n record.</numerusform><numerusform>On %n records.</numerusform></translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message numerus="yes">
        <source>%Ln deal(s)</source>
        <translation><numerusform>%Ln deal</numerusform><numerusform>%Ln deals</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln new compan(y/ies)</source>
        <translation><numerusform>%Ln new company</numerusform><numerusform>%Ln new companies</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln new contact(s)</source>
        <translation><numerusform>%Ln new contact</numerusform><numerusform>%Ln new contacts</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln new person/people</source>
        <translation><numerusform>%Ln new person</numerusform><numerusform>%Ln new people</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln new product(s)</source>
        <translation><numerusform>%Ln new product</numerusform><numerusform>%Ln new products</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln imported before, skipped</source>
        <translation><numerusform>%Ln imported before, skipped</numerusform><numerusform>%Ln imported before, skipped</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln note(s)</source>
        <translation><numerusform>%Ln note</numerusform><numerusform>%Ln notes</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln kind(s) of problem in the file: nothing can be imported yet (%1).</source>
        <translation><numerusform>%Ln kind of problem in the file: nothing can be imported yet (%1).</numerusform><numerusform>%Ln kinds of problem in the file: nothing can be imported yet (%1).</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>… and %Ln more kind(s) of problem.</source>
        <translation><numerusform>… and %Ln more kind of problem.</numerusform><numerusform>… and %Ln more kinds of problem.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln to update</source>
        <translation><numerusform>%Ln to update</numerusform><numerusform>%Ln to update</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln new record(s)</source>
        <translation><numerusform>%Ln new record</numerusform><numerusform>%Ln new records</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln there already, skipped</source>
        <translation><numerusform>%Ln there already, skipped</numerusform><numerusform>%Ln there already, skipped</numerusform></translation>
    </message>
</context>
<context>
    <name>TaskDialog</name>
    <message numerus="yes">
        <source>A task on %Ln deal(s)</source>
        <translation><numerusform>A task on %Ln deal</numerusform><numerusform>A task on %Ln deals</numerusform></translation>
    </message>
</context>
<context>
    <name>ValuesPage</name>
    <message numerus="yes">
        <source>%Ln name(s) in the file are not known to Dealdesk. Say what each one means, or leave it blank; suggestions are preselected.</source>
        <translation><numerusform>%Ln name in the file is not known to Dealdesk. Say what it means, or leave it blank; a suggestion is preselected.</numerusform><numerusform>%Ln names in the file are not known to Dealdesk. Say what each one means, or leave it blank; suggestions are preselected.</numerusform></translation>
    </message>
</context>
</TS>
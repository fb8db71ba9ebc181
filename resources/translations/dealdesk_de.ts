<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="de">
<context>
    <name>ActionSettings</name>
    <message>
        <source>h</source>
        <translation>Std.</translation>
    </message>
    <message>
        <source>The deal's responsible person</source>
        <translation>Die verantwortliche Person des Deals</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Due after</source>
        <translation>Fällig nach</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Für</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>Neuer Wert</translation>
    </message>
    <message>
        <source>In turn (round robin)</source>
        <translation>Reihum (Round Robin)</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personen</translation>
    </message>
    <message>
        <source>To stage</source>
        <translation>In Phase</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>The deal's contact (else its company)</source>
        <translation>Der Kontakt des Deals (sonst sein Unternehmen)</translation>
    </message>
    <message>
        <source>The deal's company (else its contact)</source>
        <translation>Das Unternehmen des Deals (sonst sein Kontakt)</translation>
    </message>
    <message>
        <source>Dear {{ contact.first_name }}, …</source>
        <translation>Guten Tag {{ contact.first_name }}, …</translation>
    </message>
    <message>
        <source>No attachment</source>
        <translation>Kein Anhang</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Attach a document</source>
        <translation>Dokument anhängen</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Vorlage</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>The administrator</source>
        <translation>Der Administrator</translation>
    </message>
    <message>
        <source>You are the first administrator: you set up pipelines, people and rights.</source>
        <translation>Sie sind der erste Administrator: Sie richten Pipelines, Personen und Rechte ein.</translation>
    </message>
    <message>
        <source>A password is optional when only you use this computer.</source>
        <translation>Ein Passwort ist freiwillig, wenn nur Sie diesen Computer nutzen.</translation>
    </message>
    <message>
        <source>Others will open this database: protect the administrator with a password.</source>
        <translation>Andere öffnen diese Datenbank: Schützen Sie den Administrator mit einem Passwort.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Once more</source>
        <translation>Noch einmal</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>Die beiden Passwörter sind nicht gleich.</translation>
    </message>
    <message>
        <source>A shared database needs the administrator's password.</source>
        <translation>Eine gemeinsame Datenbank braucht ein Passwort für den Administrator.</translation>
    </message>
    <message>
        <source>A password has at least 8 characters.</source>
        <translation>Ein Passwort hat mindestens 8 Zeichen.</translation>
    </message>
</context>
<context>
    <name>AnalyticsView</name>
    <message>
        <source>Analytics</source>
        <translation>Analysen</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Dieser Monat</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>Dieses Quartal</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>Dieses Jahr</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Letzter Monat</translation>
    </message>
    <message>
        <source>Last quarter</source>
        <translation>Letztes Quartal</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>Letztes Jahr</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>Letzte 12 Monate</translation>
    </message>
    <message>
        <source>From … to …</source>
        <translation>Von … bis …</translation>
    </message>
    <message>
        <source>Sales plan…</source>
        <translation>Verkaufsplan…</translation>
    </message>
    <message>
        <source>Every pipeline</source>
        <translation>Alle Pipelines</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Department: %1</source>
        <translation>Abteilung: %1</translation>
    </message>
    <message>
        <source>Reading the figures…</source>
        <translation>Die Zahlen werden gelesen …</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 Tage</translation>
    </message>
    <message>
        <source>Average won deal: %1 · average time to close: %2</source>
        <translation>Durchschnittlicher gewonnener Deal: %1 · durchschnittliche Dauer bis zum Abschluss: %2</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation>Nicht exportiert</translation>
    </message>
    <message>
        <source>Average won deal: %1 · average time to close: %2 · paid on invoices this month: %3</source>
        <translation>Durchschnittlicher gewonnener Deal: %1 · durchschnittliche Dauer bis zum Abschluss: %2 · diesen Monat auf Rechnungen bezahlt: %3</translation>
    </message>
</context>
<context>
    <name>ApprovalDialog</name>
    <message>
        <source>Approval</source>
        <translation>Freigabe</translation>
    </message>
    <message>
        <source>Asked by the workflow “%1”.</source>
        <translation>Angefragt vom Workflow „%1“.</translation>
    </message>
    <message>
        <source>A comment (optional)</source>
        <translation>Ein Kommentar (freiwillig)</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Freigeben</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Ablehnen</translation>
    </message>
</context>
<context>
    <name>AutomationSettings</name>
    <message>
        <source>Automation rules and triggers</source>
        <translation>Automatisierungsregeln und Auslöser</translation>
    </message>
    <message>
        <source>Run log…</source>
        <translation>Ausführungsprotokoll…</translation>
    </message>
    <message>
        <source>A rule runs when a deal enters its stage; a trigger moves a deal into its stage.</source>
        <translation>Eine Regel läuft, wenn ein Deal in ihre Phase kommt; ein Auslöser verschiebt einen Deal in seine Phase.</translation>
    </message>
    <message>
        <source>Changing automation needs the right to manage automation.</source>
        <translation>Automatisierung zu ändern erfordert das Recht, Automatisierung zu verwalten.</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <source>+ Rule</source>
        <translation>+ Regel</translation>
    </message>
    <message>
        <source>+ Trigger</source>
        <translation>+ Auslöser</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Switch off</source>
        <translation>Ausschalten</translation>
    </message>
    <message>
        <source>Switch on</source>
        <translation>Einschalten</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Entfernen…</translation>
    </message>
    <message>
        <source>Automation</source>
        <translation>Automatisierung</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove “%1”?</source>
        <translation>„%1“ entfernen?</translation>
    </message>
    <message>
        <source>after %1 min</source>
        <translation>nach %1 Min.</translation>
    </message>
    <message>
        <source>%1 days before</source>
        <translation>%1 Tage vorher</translation>
    </message>
    <message>
        <source>%1 days after</source>
        <translation>%1 Tage danach</translation>
    </message>
    <message>
        <source>at %1</source>
        <translation>um %1</translation>
    </message>
    <message>
        <source>at once</source>
        <translation>sofort</translation>
    </message>
    <message>
        <source>if …</source>
        <translation>wenn …</translation>
    </message>
    <message>
        <source>after %1 d</source>
        <translation>nach %1 Tagen</translation>
    </message>
    <message>
        <source>after %1 h</source>
        <translation>nach %1 Std.</translation>
    </message>
    <message>
        <source>working days</source>
        <translation>Arbeitstage</translation>
    </message>
    <message>
        <source>then </source>
        <translation>danach </translation>
    </message>
</context>
<context>
    <name>BackupLabel</name>
    <message>
        <source>No backup yet</source>
        <translation>Noch keine Sicherung</translation>
    </message>
    <message>
        <source>Backed up today at %1</source>
        <translation>Heute um %1 gesichert</translation>
    </message>
    <message>
        <source>No backup since %1</source>
        <translation>Keine Sicherung seit %1</translation>
    </message>
    <message>
        <source>Last backup %1</source>
        <translation>Letzte Sicherung %1</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>Sicherung fehlgeschlagen</translation>
    </message>
    <message>
        <source>File › Restore from a backup… lists the backups</source>
        <translation>Datei › Aus einer Sicherung wiederherstellen… listet die Sicherungen</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <source>Backups</source>
        <translation>Sicherungen</translation>
    </message>
    <message>
        <source>Change folder…</source>
        <translation>Ordner ändern…</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>Deals</translation>
    </message>
    <message>
        <source>Companies</source>
        <translation>Unternehmen</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Restoring replaces everything in the database with the backup. A copy of the current file is kept in the backup folder first, and Dealdesk restarts on the restored data.</source>
        <translation>Beim Wiederherstellen wird alles in der Datenbank durch die Sicherung ersetzt. Zuvor wird eine Kopie der aktuellen Datei im Sicherungsordner aufbewahrt, danach startet Dealdesk mit den wiederhergestellten Daten neu.</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Jetzt sichern</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>Wiederherstellen…</translation>
    </message>
    <message>
        <source>Backup folder: %1</source>
        <translation>Sicherungsordner: %1</translation>
    </message>
    <message>
        <source>(kept before a restore)</source>
        <translation>(vor einer Wiederherstellung aufbewahrt)</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>In Ordnung</translation>
    </message>
    <message>
        <source>Damaged: %1</source>
        <translation>Beschädigt: %1</translation>
    </message>
    <message>
        <source>Backups not read</source>
        <translation>Sicherungen nicht gelesen</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Sicherungsordner</translation>
    </message>
    <message>
        <source>Backing up the database…</source>
        <translation>Die Datenbank wird gesichert…</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>Aus einer Sicherung wiederherstellen</translation>
    </message>
    <message>
        <source>Replace everything in the database with the backup of %1 (%2 deals)?

Changes made since then are gone from the database; a copy of the current file is kept in the backup folder. Everybody else should close Dealdesk first.</source>
        <translation>Alles in der Datenbank durch die Sicherung vom %1 (%2 Deals) ersetzen?

Seitdem gemachte Änderungen sind dann nicht mehr in der Datenbank; eine Kopie der aktuellen Datei wird im Sicherungsordner aufbewahrt. Alle anderen sollten Dealdesk vorher schließen.</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>Die Sicherung wird wiederhergestellt…</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>Nicht ausgeführt</translation>
    </message>
</context>
<context>
    <name>BulkBar</name>
    <message>
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Verantwortlich</translation>
    </message>
    <message>
        <source>Set field…</source>
        <translation>Feld setzen …</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen …</translation>
    </message>
    <message>
        <source>Documents…</source>
        <translation>Dokumente …</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>CSV file…</source>
        <translation>CSV-Datei …</translation>
    </message>
    <message>
        <source>Excel workbook…</source>
        <translation>Excel-Arbeitsmappe …</translation>
    </message>
    <message>
        <source>Move to another pipeline</source>
        <translation>In eine andere Pipeline verschieben</translation>
    </message>
    <message>
        <source>All %1 matching deals are selected.</source>
        <translation>Alle %1 passenden Deals sind ausgewählt.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln deal(s) selected.</source>
        <translation><numerusform>%Ln Deal ausgewählt.</numerusform><numerusform>%Ln Deals ausgewählt.</numerusform></translation>
    </message>
    <message>
        <source>Select all %1 matching deals</source>
        <translation>Alle %1 passenden Deals auswählen</translation>
    </message>
    <message numerus="yes">
        <source>All %Ln matching deal(s) are selected.</source>
        <translation><numerusform>Der %Ln passende Deal ist ausgewählt.</numerusform><numerusform>Alle %Ln passenden Deals sind ausgewählt.</numerusform></translation>
    </message>
    <message>
        <source>Task…</source>
        <translation>Aufgabe…</translation>
    </message>
    <message>
        <source>Plan the same task on each chosen deal</source>
        <translation>Dieselbe Aufgabe für jeden gewählten Deal planen</translation>
    </message>
    <message>
        <source>Workflow…</source>
        <translation>Workflow…</translation>
    </message>
    <message>
        <source>Start a workflow on each chosen deal</source>
        <translation>Einen Workflow auf jedem gewählten Deal starten</translation>
    </message>
</context>
<context>
    <name>BulkFieldDialog</name>
    <message>
        <source>Set a field</source>
        <translation>Ein Feld setzen</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Close date</source>
        <translation>Abschlussdatum</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Wahrscheinlichkeit</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>Neuer Wert</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
</context>
<context>
    <name>CalendarView</name>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Previous (Page Up)</source>
        <translation>Zurück (Bild auf)</translation>
    </message>
    <message>
        <source>Next (Page Down)</source>
        <translation>Weiter (Bild ab)</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Woche</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>The date that places the deals</source>
        <translation>Das Datum, nach dem die Deals stehen</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <source>Begin to close date</source>
        <translation>Beginn bis Abschlussdatum</translation>
    </message>
</context>
<context>
    <name>CardDelegate</name>
    <message numerus="yes">
        <source>idle %Ln d</source>
        <translation><numerusform>%Ln T. ruhend</numerusform><numerusform>%Ln T. ruhend</numerusform></translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
</context>
<context>
    <name>CardListView</name>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Move to another pipeline…</source>
        <translation>In eine andere Pipeline verschieben …</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Planen</translation>
    </message>
</context>
<context>
    <name>ChartCard</name>
    <message>
        <source>Open large</source>
        <translation>Groß öffnen</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Drawing…</source>
        <translation>Wird gezeichnet …</translation>
    </message>
</context>
<context>
    <name>ChartWords</name>
    <message>
        <source>Sales funnel: deals that reached each stage</source>
        <translation>Verkaufstrichter: Deals, die jede Phase erreicht haben</translation>
    </message>
    <message>
        <source>Won revenue by product</source>
        <translation>Gewonnener Umsatz nach Produkt</translation>
    </message>
    <message>
        <source>Top products by month</source>
        <translation>Top-Produkte nach Monat</translation>
    </message>
    <message>
        <source>Won revenue and win rate by source</source>
        <translation>Gewonnener Umsatz und Erfolgsquote nach Quelle</translation>
    </message>
    <message>
        <source>Sales plan: target and won</source>
        <translation>Verkaufsplan: Ziel und gewonnen</translation>
    </message>
    <message>
        <source>Top customers by won revenue</source>
        <translation>Top-Kunden nach gewonnenem Umsatz</translation>
    </message>
    <message>
        <source>Won and lost by month</source>
        <translation>Gewonnen und verloren nach Monat</translation>
    </message>
    <message>
        <source>Weighted forecast by close month</source>
        <translation>Gewichtete Prognose nach Abschlussmonat</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>Deals</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>Erreicht</translation>
    </message>
    <message>
        <source>Conversion %</source>
        <translation>Konversion %</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Win rate %</source>
        <translation>Erfolgsquote %</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Abteilung</translation>
    </message>
    <message>
        <source>Fulfilled %</source>
        <translation>Erfüllt %</translation>
    </message>
    <message>
        <source>On track</source>
        <translation>Im Plan</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Unternehmen</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <source>Won deals</source>
        <translation>Gewonnene Deals</translation>
    </message>
    <message>
        <source>Amount (%1)</source>
        <translation>Betrag (%1)</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>Gewonnen</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Verloren</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Weighted amount (%1)</source>
        <translation>Gewichteter Betrag (%1)</translation>
    </message>
    <message>
        <source>No data for this filter</source>
        <translation>Keine Daten für diesen Filter</translation>
    </message>
    <message>
        <source>on track</source>
        <translation>im Plan</translation>
    </message>
    <message>
        <source>behind</source>
        <translation>im Rückstand</translation>
    </message>
    <message>
        <source>Weighted forecast: the next 6 months by close month</source>
        <translation>Gewichtete Prognose: die nächsten 6 Monate nach Abschlussmonat</translation>
    </message>
    <message>
        <source>Receivables: open invoices by days overdue</source>
        <translation>Forderungen nach Tagen überfällig</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Überfällig</translation>
    </message>
    <message>
        <source>Invoices</source>
        <translation>Rechnungen</translation>
    </message>
    <message>
        <source>not yet due</source>
        <translation>noch nicht fällig</translation>
    </message>
    <message>
        <source>1–30 days</source>
        <translation>1–30 Tage</translation>
    </message>
    <message>
        <source>31–60 days</source>
        <translation>31–60 Tage</translation>
    </message>
    <message>
        <source>61–90 days</source>
        <translation>61–90 Tage</translation>
    </message>
    <message>
        <source>over 90 days</source>
        <translation>über 90 Tage</translation>
    </message>
    <message>
        <source>Open (%1)</source>
        <translation>Offen (%1)</translation>
    </message>
</context>
<context>
    <name>CloseZone</name>
    <message numerus="yes">
        <source>%Ln deal(s) · %1</source>
        <translation><numerusform>%Ln Deal · %1</numerusform><numerusform>%Ln Deals · %1</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln deal(s)</source>
        <translation><numerusform>%Ln Deal</numerusform><numerusform>%Ln Deals</numerusform></translation>
    </message>
</context>
<context>
    <name>ColumnHeader</name>
    <message>
        <source>New deal in this stage</source>
        <translation>Neuer Deal in dieser Phase</translation>
    </message>
    <message>
        <source>Drag the header sideways to put the stage elsewhere</source>
        <translation>Den Kopf zur Seite ziehen, um die Phase zu verschieben</translation>
    </message>
    <message numerus="yes">
        <source>%Ln deal(s) · %1</source>
        <translation><numerusform>%Ln Deal · %1</numerusform><numerusform>%Ln Deals · %1</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln deal(s)</source>
        <translation><numerusform>%Ln Deal</numerusform><numerusform>%Ln Deals</numerusform></translation>
    </message>
</context>
<context>
    <name>CompanyPage</name>
    <message>
        <source>Your company</source>
        <translation>Ihr Unternehmen</translation>
    </message>
    <message>
        <source>On your quotes and invoices. You can fill in the rest later.</source>
        <translation>Auf Ihren Angeboten und Rechnungen. Den Rest können Sie später ergänzen.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>VAT ID</source>
        <translation>USt-IdNr.</translation>
    </message>
    <message>
        <source>IBAN</source>
        <translation>IBAN</translation>
    </message>
    <message>
        <source>BIC</source>
        <translation>BIC</translation>
    </message>
    <message>
        <source>Base currency</source>
        <translation>Basiswährung</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen …</translation>
    </message>
    <message>
        <source>a logo is chosen</source>
        <translation>ein Logo ist gewählt</translation>
    </message>
    <message>
        <source>no logo</source>
        <translation>kein Logo</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg)</source>
        <translation>Bilder (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>'%1' is not an IBAN: its country, length or check digits are wrong.</source>
        <translation>„%1“ ist keine IBAN: Land, Länge oder Prüfziffern stimmen nicht.</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Changed by somebody else</source>
        <translation>Von jemand anderem geändert</translation>
    </message>
    <message>
        <source>Somebody saved this deal after you opened it. For each field you both changed, choose the value to keep; everything else you changed is saved as well.</source>
        <translation>Jemand hat diesen Deal gespeichert, nachdem Sie ihn geöffnet haben. Wählen Sie für jedes Feld, das Sie beide geändert haben, den Wert, der bleiben soll; alles andere, was Sie geändert haben, wird ebenfalls gespeichert.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>When you opened it</source>
        <translation>Beim Öffnen</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>Deren Wert</translation>
    </message>
    <message>
        <source>Yours</source>
        <translation>Ihr Wert</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
</context>
<context>
    <name>ConvertLeadDialog</name>
    <message>
        <source>Convert lead</source>
        <translation>Lead umwandeln</translation>
    </message>
    <message>
        <source>same e-mail</source>
        <translation>gleiche E-Mail</translation>
    </message>
    <message>
        <source>same phone</source>
        <translation>gleiche Telefonnummer</translation>
    </message>
    <message>
        <source>similar name</source>
        <translation>ähnlicher Name</translation>
    </message>
    <message>
        <source>New contact “%1”</source>
        <translation>Neuer Kontakt „%1“</translation>
    </message>
    <message>
        <source>%1 (known: %2)</source>
        <translation>%1 (bekannt: %2)</translation>
    </message>
    <message>
        <source>No contact</source>
        <translation>Kein Kontakt</translation>
    </message>
    <message>
        <source>New company “%1”</source>
        <translation>Neues Unternehmen „%1“</translation>
    </message>
    <message>
        <source>No company</source>
        <translation>Kein Unternehmen</translation>
    </message>
    <message>
        <source>Dealdesk knows people or companies like these: choose one to use it instead of a new one.</source>
        <translation>Dealdesk kennt ähnliche Personen oder Unternehmen: Wählen Sie eines, um es statt eines neuen zu verwenden.</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>Deal</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Unternehmen</translation>
    </message>
    <message>
        <source>Convert</source>
        <translation>Umwandeln</translation>
    </message>
    <message>
        <source>Not converted</source>
        <translation>Nicht umgewandelt</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Something went wrong</source>
        <translation>Etwas ist schiefgegangen</translation>
    </message>
    <message>
        <source>Keep working</source>
        <translation>Weiterarbeiten</translation>
    </message>
    <message>
        <source>Quit Dealdesk</source>
        <translation>Dealdesk beenden</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Details kopieren</translation>
    </message>
    <message>
        <source>Show details</source>
        <translation>Details zeigen</translation>
    </message>
    <message>
        <source>Dealdesk ran into an error it did not expect: %1

What you were doing may not have finished; nothing half-done was saved. You can keep working, or quit and start again.</source>
        <translation>Dealdesk ist auf einen unerwarteten Fehler gestoßen: %1

Was Sie gerade getan haben, ist vielleicht nicht fertig geworden; nichts Halbfertiges wurde gespeichert. Sie können weiterarbeiten oder Dealdesk beenden und neu starten.</translation>
    </message>
    <message numerus="yes">
        <source>%n more error(s) came after it.</source>
        <translation><numerusform>%n weiterer Fehler kam danach.</numerusform><numerusform>%n weitere Fehler kamen danach.</numerusform></translation>
    </message>
    <message>
        <source>The details are in the log: %1</source>
        <translation>Die Details stehen im Protokoll: %1</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
</context>
<context>
    <name>CustomFieldDialog</name>
    <message>
        <source>Text (one line)</source>
        <translation>Text (einzeilig)</translation>
    </message>
    <message>
        <source>Text (several lines)</source>
        <translation>Text (mehrzeilig)</translation>
    </message>
    <message>
        <source>Whole number</source>
        <translation>Ganze Zahl</translation>
    </message>
    <message>
        <source>Decimal number</source>
        <translation>Dezimalzahl</translation>
    </message>
    <message>
        <source>Money</source>
        <translation>Geld</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Datum und Uhrzeit</translation>
    </message>
    <message>
        <source>Yes / no</source>
        <translation>Ja / Nein</translation>
    </message>
    <message>
        <source>List of choices</source>
        <translation>Liste</translation>
    </message>
    <message>
        <source>Link to a contact</source>
        <translation>Verknüpfung zu einem Kontakt</translation>
    </message>
    <message>
        <source>Link to a company</source>
        <translation>Verknüpfung zu einem Unternehmen</translation>
    </message>
    <message>
        <source>Link to an employee</source>
        <translation>Verknüpfung zu einem Mitarbeiter</translation>
    </message>
    <message>
        <source>Web address</source>
        <translation>Webadresse</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>File (path or name)</source>
        <translation>Datei (Pfad oder Name)</translation>
    </message>
    <message>
        <source>Edit field</source>
        <translation>Feld bearbeiten</translation>
    </message>
    <message>
        <source>New field</source>
        <translation>Neues Feld</translation>
    </message>
    <message>
        <source>A field's type can't change once it exists: its values would not fit.</source>
        <translation>Der Typ eines Feldes kann sich nicht mehr ändern: seine Werte würden nicht passen.</translation>
    </message>
    <message>
        <source>A choice, then Enter</source>
        <translation>Eine Auswahl, dann Enter</translation>
    </message>
    <message>
        <source>Remove choice</source>
        <translation>Auswahl entfernen</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Pflichtfeld</translation>
    </message>
    <message>
        <source>Several values</source>
        <translation>Mehrere Werte</translation>
    </message>
    <message>
        <source>Show in the list</source>
        <translation>In der Liste zeigen</translation>
    </message>
    <message>
        <source>Can be filtered by</source>
        <translation>Filterbar</translation>
    </message>
    <message>
        <source>For a list: one of its choices</source>
        <translation>Bei Listen: eine ihrer Auswahlen</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Type</source>
        <translation>&amp;Typ</translation>
    </message>
    <message>
        <source>Choices</source>
        <translation>Auswahlen</translation>
    </message>
    <message>
        <source>&amp;Default value</source>
        <translation>&amp;Standardwert</translation>
    </message>
    <message>
        <source>&amp;Help text</source>
        <translation>&amp;Hilfetext</translation>
    </message>
    <message>
        <source>Field not saved</source>
        <translation>Feld nicht gespeichert</translation>
    </message>
</context>
<context>
    <name>CustomFilter</name>
    <message>
        <source>Any</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>from</source>
        <translation>von</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>starts with</source>
        <translation>beginnt mit</translation>
    </message>
    <message>
        <source>(set)</source>
        <translation>(gesetzt)</translation>
    </message>
    <message>
        <source>'%1' is not a number for %2.</source>
        <translation>„%1“ ist keine Zahl für %2.</translation>
    </message>
    <message>
        <source>'%1' is not a date for %2.</source>
        <translation>„%1“ ist kein Datum für %2.</translation>
    </message>
</context>
<context>
    <name>CustomerFormDialog</name>
    <message>
        <source>New contact</source>
        <translation>Neuer Kontakt</translation>
    </message>
    <message>
        <source>New company</source>
        <translation>Neues Unternehmen</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Unternehmen</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>Deal</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Close date</source>
        <translation>Abschlussdatum</translation>
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
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>Deals</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Configure form…</source>
        <translation>Formular anpassen …</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Angelegt</translation>
    </message>
    <message>
        <source>Merged with %1</source>
        <translation>Zusammengeführt mit %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln deal(s)</source>
        <translation><numerusform>%Ln Deal</numerusform><numerusform>%Ln Deals</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln open</source>
        <translation><numerusform>%Ln offen</numerusform><numerusform>%Ln offen</numerusform></translation>
    </message>
    <message>
        <source>won: %1 (%2)</source>
        <translation>gewonnen: %1 (%2)</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
    <message>
        <source>Your changes are kept in the form; the latest values are read again.</source>
        <translation>Ihre Änderungen bleiben im Formular; die neuesten Werte werden neu gelesen.</translation>
    </message>
    <message>
        <source>same e-mail</source>
        <translation>gleiche E-Mail</translation>
    </message>
    <message>
        <source>same phone</source>
        <translation>gleiche Telefonnummer</translation>
    </message>
    <message>
        <source>similar name</source>
        <translation>ähnlicher Name</translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation>Mögliche Dublette</translation>
    </message>
    <message>
        <source>Dealdesk already knows:
%1

Save a new one anyway?</source>
        <translation>Dealdesk kennt bereits:
%1

Trotzdem neu speichern?</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>Close without saving your changes?</source>
        <translation>Schließen, ohne Ihre Änderungen zu speichern?</translation>
    </message>
    <message>
        <source>There is no company “%1” yet. Create it and link this contact to it?</source>
        <translation>Es gibt noch kein Unternehmen „%1“. Anlegen und diesen Kontakt damit verknüpfen?</translation>
    </message>
    <message>
        <source>Pick a company from the suggestions, or create it.</source>
        <translation>Wählen Sie ein Unternehmen aus den Vorschlägen oder legen Sie es an.</translation>
    </message>
    <message>
        <source>Workflows</source>
        <translation>Workflows</translation>
    </message>
</context>
<context>
    <name>CustomerTableModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Branche</translation>
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
        <source>Companies</source>
        <translation>Unternehmen</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Verantwortlich</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>Deals</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Angelegt</translation>
    </message>
</context>
<context>
    <name>CustomersArea</name>
    <message>
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <source>Companies</source>
        <translation>Unternehmen</translation>
    </message>
    <message>
        <source>Search by name, e-mail or phone</source>
        <translation>Nach Name, E-Mail oder Telefon suchen</translation>
    </message>
    <message>
        <source>+ Contact</source>
        <translation>+ Kontakt</translation>
    </message>
    <message>
        <source>+ Company</source>
        <translation>+ Unternehmen</translation>
    </message>
    <message>
        <source>Find duplicates…</source>
        <translation>Dubletten suchen …</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Verantwortlich</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>CSV file</source>
        <translation>CSV-Datei</translation>
    </message>
    <message>
        <source>Excel workbook</source>
        <translation>Excel-Arbeitsmappe</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>Zusammenführen …</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen …</translation>
    </message>
    <message numerus="yes">
        <source>%Ln selected</source>
        <translation><numerusform>%Ln ausgewählt</numerusform><numerusform>%Ln ausgewählt</numerusform></translation>
    </message>
    <message>
        <source>Everyone's</source>
        <translation>Von allen</translation>
    </message>
    <message>
        <source>Not changed</source>
        <translation>Nicht geändert</translation>
    </message>
    <message numerus="yes">
        <source>Changed %Ln record(s).</source>
        <translation><numerusform>%Ln Eintrag geändert.</numerusform><numerusform>%Ln Einträge geändert.</numerusform></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln record(s)? Their deals stay, without them. This can't be undone.</source>
        <translation><numerusform>%Ln Eintrag löschen? Seine Deals bleiben, ohne ihn. Das lässt sich nicht rückgängig machen.</numerusform><numerusform>%Ln Einträge löschen? Ihre Deals bleiben, ohne sie. Das lässt sich nicht rückgängig machen.</numerusform></translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation>Wird gelöscht …</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %Ln record(s).</source>
        <translation><numerusform>%Ln Eintrag gelöscht.</numerusform><numerusform>%Ln Einträge gelöscht.</numerusform></translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel-Arbeitsmappe (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>CSV-Datei (*.csv)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Wird exportiert …</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln record(s) to %1.</source>
        <translation><numerusform>%Ln Eintrag nach %1 exportiert.</numerusform><numerusform>%Ln Einträge nach %1 exportiert.</numerusform></translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>Nicht ausgeführt</translation>
    </message>
    <message>
        <source>Cancelled; nothing was changed.</source>
        <translation>Abgebrochen; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Merged into “%1”.</source>
        <translation>In „%1“ zusammengeführt.</translation>
    </message>
    <message>
        <source>Looking for duplicates…</source>
        <translation>Dubletten werden gesucht …</translation>
    </message>
    <message>
        <source>Saved “%1”.</source>
        <translation>„%1“ gespeichert.</translation>
    </message>
</context>
<context>
    <name>DateInput</name>
    <message>
        <source>Type a date (%1, or 2026-11-27) or pick one from the calendar.</source>
        <translation>Datum eintippen (%1 oder 2026-11-27) oder im Kalender wählen.</translation>
    </message>
    <message>
        <source>Pick a date</source>
        <translation>Datum wählen</translation>
    </message>
</context>
<context>
    <name>DayListDialog</name>
    <message>
        <source>Deals on %1</source>
        <translation>Deals am %1</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>Deal</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message numerus="yes">
        <source>%Ln deal(s)</source>
        <translation><numerusform>%Ln Deal</numerusform><numerusform>%Ln Deals</numerusform></translation>
    </message>
</context>
<context>
    <name>DealBulkActions</name>
    <message numerus="yes">
        <source>Moved %Ln deal(s) to %1.</source>
        <translation><numerusform>%Ln Deal nach %1 verschoben.</numerusform><numerusform>%Ln Deals nach %1 verschoben.</numerusform></translation>
    </message>
    <message>
        <source>Moving %1 deals…</source>
        <translation>%1 Deals werden verschoben …</translation>
    </message>
    <message numerus="yes">
        <source>%Ln deal(s) handed to %1.</source>
        <translation><numerusform>%Ln Deal an %1 übergeben.</numerusform><numerusform>%Ln Deals an %1 übergeben.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Changed %Ln deal(s).</source>
        <translation><numerusform>%Ln Deal geändert.</numerusform><numerusform>%Ln Deals geändert.</numerusform></translation>
    </message>
    <message>
        <source>Changing %1 deals…</source>
        <translation>%1 Deals werden geändert …</translation>
    </message>
    <message>
        <source>Delete deals</source>
        <translation>Deals löschen</translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln deal(s)? This can't be undone.</source>
        <translation><numerusform>%Ln Deal löschen? Das kann nicht rückgängig gemacht werden.</numerusform><numerusform>%Ln Deals löschen? Das kann nicht rückgängig gemacht werden.</numerusform></translation>
    </message>
    <message>
        <source>Deleting %1 deals…</source>
        <translation>%1 Deals werden gelöscht …</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %Ln deal(s).</source>
        <translation><numerusform>%Ln Deal gelöscht.</numerusform><numerusform>%Ln Deals gelöscht.</numerusform></translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>CSV-Datei (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel-Arbeitsmappe (*.xlsx)</translation>
    </message>
    <message>
        <source>Export deals</source>
        <translation>Deals exportieren</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>Exporting %1 deals…</source>
        <translation>%1 Deals werden exportiert …</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln deal(s) to %1.</source>
        <translation><numerusform>%Ln Deal nach %1 exportiert.</numerusform><numerusform>%Ln Deals nach %1 exportiert.</numerusform></translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Dokumente</translation>
    </message>
    <message>
        <source>No template yet: an administrator adds them in Settings › Document templates.</source>
        <translation>Noch keine Vorlage: Ein Administrator fügt sie unter Einstellungen › Dokumentvorlagen hinzu.</translation>
    </message>
    <message numerus="yes">
        <source>A document for each of the %Ln deal(s), from the template:</source>
        <translation><numerusform>Ein Dokument für den %Ln Deal, aus der Vorlage:</numerusform><numerusform>Ein Dokument für jeden der %Ln Deals, aus der Vorlage:</numerusform></translation>
    </message>
    <message>
        <source>Making %1 documents…</source>
        <translation>%1 Dokumente werden erstellt …</translation>
    </message>
    <message numerus="yes">
        <source>Made %Ln document(s); each is in its deal's Documents.</source>
        <translation><numerusform>%Ln Dokument erstellt; es steht bei seinem Deal unter Dokumente.</numerusform><numerusform>%Ln Dokumente erstellt; jedes steht bei seinem Deal unter Dokumente.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Undone for %Ln deal(s).</source>
        <translation><numerusform>Für %Ln Deal rückgängig gemacht.</numerusform><numerusform>Für %Ln Deals rückgängig gemacht.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln changed since then were left as they are.</source>
        <translation><numerusform>%Ln inzwischen geänderter blieb unverändert.</numerusform><numerusform>%Ln inzwischen geänderte blieben unverändert.</numerusform></translation>
    </message>
    <message>
        <source>Undoing…</source>
        <translation>Wird rückgängig gemacht …</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>Nicht ausgeführt</translation>
    </message>
    <message>
        <source>Cancelled; nothing was changed.</source>
        <translation>Abgebrochen; nichts wurde geändert.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln deal(s) your role does not let you change stayed as they were.</source>
        <translation><numerusform>%Ln Deal, den Ihre Rolle Sie nicht ändern lässt, blieb, wie er war.</numerusform><numerusform>%Ln Deals, die Ihre Rolle Sie nicht ändern lässt, blieben, wie sie waren.</numerusform></translation>
    </message>
    <message>
        <source>Plan a task</source>
        <translation>Aufgabe planen</translation>
    </message>
    <message>
        <source>A task on %1 deals at once is too many: narrow the filter to %2 or fewer.</source>
        <translation>Eine Aufgabe für %1 Deals auf einmal ist zu viel: Grenzen Sie den Filter auf höchstens %2 ein.</translation>
    </message>
    <message numerus="yes">
        <source>Planned a task on %Ln deal(s).</source>
        <translation><numerusform>Aufgabe für %Ln Deal geplant.</numerusform><numerusform>Aufgabe für %Ln Deals geplant.</numerusform></translation>
    </message>
    <message>
        <source>Start a workflow</source>
        <translation>Workflow starten</translation>
    </message>
    <message>
        <source>A workflow on %1 deals at once is too many: narrow the filter to %2 or fewer.</source>
        <translation>Ein Workflow auf %1 Deals auf einmal ist zu viel: Schränken Sie den Filter auf höchstens %2 ein.</translation>
    </message>
    <message numerus="yes">
        <source>Started a workflow on %Ln deal(s).</source>
        <translation><numerusform>Workflow auf %Ln Deal gestartet.</numerusform><numerusform>Workflow auf %Ln Deals gestartet.</numerusform></translation>
    </message>
</context>
<context>
    <name>DealCellDelegate</name>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
</context>
<context>
    <name>DealFormDialog</name>
    <message>
        <source>Deal</source>
        <translation>Deal</translation>
    </message>
    <message>
        <source>New deal</source>
        <translation>Neuer Deal</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>Produkte</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Dokumente</translation>
    </message>
    <message>
        <source>Configure form…</source>
        <translation>Formular anpassen …</translation>
    </message>
    <message>
        <source>Move to another pipeline…</source>
        <translation>In eine andere Pipeline verschieben …</translation>
    </message>
    <message>
        <source>The total of the products (see the Products tab)</source>
        <translation>Die Summe der Produkte (siehe Reiter Produkte)</translation>
    </message>
    <message>
        <source>Move to another pipeline</source>
        <translation>In eine andere Pipeline verschieben</translation>
    </message>
    <message>
        <source>Save or undo your changes first.</source>
        <translation>Speichern oder verwerfen Sie zuerst Ihre Änderungen.</translation>
    </message>
    <message>
        <source>Where does “%1” go?</source>
        <translation>Wohin soll „%1“?</translation>
    </message>
    <message>
        <source>Not moved</source>
        <translation>Nicht verschoben</translation>
    </message>
    <message>
        <source>Nothing called “%1” was found.</source>
        <translation>Nichts mit dem Namen „%1“ gefunden.</translation>
    </message>
    <message>
        <source>Deal not saved</source>
        <translation>Deal nicht gespeichert</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>Save the changes to this deal?</source>
        <translation>Die Änderungen an diesem Deal speichern?</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>Aktivitäten</translation>
    </message>
    <message>
        <source>Invoices</source>
        <translation>Rechnungen</translation>
    </message>
    <message>
        <source>Quotes</source>
        <translation>Angebote</translation>
    </message>
    <message>
        <source>Workflows</source>
        <translation>Workflows</translation>
    </message>
</context>
<context>
    <name>DealImportDialog</name>
    <message>
        <source>Import deals</source>
        <translation>Deals importieren</translation>
    </message>
    <message>
        <source>Tables (*.csv *.txt *.xlsx);;All files (*)</source>
        <translation>Tabellen (*.csv *.txt *.xlsx);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Choose another file…</source>
        <translation>Andere Datei wählen …</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>Spalte in der Datei</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>Beispiele</translation>
    </message>
    <message>
        <source>Import as</source>
        <translation>Importieren als</translation>
    </message>
    <message>
        <source>Create companies and contacts Dealdesk doesn't know yet</source>
        <translation>Unternehmen und Kontakte anlegen, die Dealdesk noch nicht kennt</translation>
    </message>
    <message>
        <source>Numbers are written with a decimal comma (1.234,56)</source>
        <translation>Zahlen mit Dezimalkomma geschrieben (1.234,56)</translation>
    </message>
    <message>
        <source>Dates are written day first (31.12.2026, 31/12/2026)</source>
        <translation>Datum mit dem Tag zuerst geschrieben (31.12.2026, 31/12/2026)</translation>
    </message>
    <message>
        <source>Pipeline of rows that name none</source>
        <translation>Pipeline für Zeilen ohne Angabe</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>Excel workbook</source>
        <translation>Excel-Arbeitsmappe</translation>
    </message>
    <message>
        <source>— don't import —</source>
        <translation>— nicht importieren —</translation>
    </message>
    <message>
        <source>Choose for each column the field it goes to, then Check or Import.</source>
        <translation>Wählen Sie für jede Spalte das Feld, in das sie gehört, dann Prüfen oder Importieren.</translation>
    </message>
    <message>
        <source>semicolon</source>
        <translation>Semikolon</translation>
    </message>
    <message>
        <source>comma</source>
        <translation>Komma</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>Tabulator</translation>
    </message>
    <message>
        <source>text separated by %1</source>
        <translation>Text, getrennt durch %1</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Checking the rows…</source>
        <translation>Zeilen werden geprüft …</translation>
    </message>
    <message>
        <source>Importing deals…</source>
        <translation>Deals werden importiert …</translation>
    </message>
    <message numerus="yes">
        <source>All %Ln row(s) can be imported.</source>
        <translation><numerusform>Die %Ln Zeile kann importiert werden.</numerusform><numerusform>Alle %Ln Zeilen können importiert werden.</numerusform></translation>
    </message>
    <message>
        <source>New companies: %1, new contacts: %2.</source>
        <translation>Neue Unternehmen: %1, neue Kontakte: %2.</translation>
    </message>
    <message>
        <source>Cancelled: nothing was imported.</source>
        <translation>Abgebrochen: Es wurde nichts importiert.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln problem(s) in the file: nothing was imported. Correct the file or the mapping, then try again.</source>
        <translation><numerusform>%Ln Problem in der Datei: Es wurde nichts importiert. Korrigieren Sie die Datei oder die Zuordnung und versuchen Sie es erneut.</numerusform><numerusform>%Ln Probleme in der Datei: Es wurde nichts importiert. Korrigieren Sie die Datei oder die Zuordnung und versuchen Sie es erneut.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>… and %Ln more.</source>
        <translation><numerusform>… und %Ln weiteres.</numerusform><numerusform>… und %Ln weitere.</numerusform></translation>
    </message>
    <message>
        <source>&lt; Back</source>
        <translation>&lt; Zurück</translation>
    </message>
    <message>
        <source>Next &gt;</source>
        <translation>Weiter &gt;</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Erneut prüfen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>1 File</source>
        <translation>1 Datei</translation>
    </message>
    <message>
        <source>2 Columns</source>
        <translation>2 Spalten</translation>
    </message>
    <message>
        <source>3 Values</source>
        <translation>3 Werte</translation>
    </message>
    <message>
        <source>4 Check</source>
        <translation>4 Prüfung</translation>
    </message>
    <message>
        <source>Check how the file is read, then go on to its columns.</source>
        <translation>Prüfen Sie, wie die Datei gelesen wird, und gehen Sie dann weiter zu ihren Spalten.</translation>
    </message>
    <message>
        <source>Not imported: %1</source>
        <translation>Nicht importiert: %1</translation>
    </message>
    <message>
        <source>Every column is imported.</source>
        <translation>Jede Spalte wird importiert.</translation>
    </message>
    <message>
        <source>Say what the file's unknown names mean, then check.</source>
        <translation>Sagen Sie, was die unbekannten Namen der Datei bedeuten, und prüfen Sie dann.</translation>
    </message>
    <message>
        <source>Nothing has been written yet: Import stores every row, or none.</source>
        <translation>Noch ist nichts gespeichert: Importieren speichert jede Zeile – oder keine.</translation>
    </message>
    <message>
        <source>Correct the file, the columns or the values, then check again.</source>
        <translation>Korrigieren Sie die Datei, die Spalten oder die Werte und prüfen Sie erneut.</translation>
    </message>
    <message>
        <source>Save this mapping…</source>
        <translation>Diese Zuordnung speichern…</translation>
    </message>
    <message>
        <source>Saved mapping</source>
        <translation>Gespeicherte Zuordnung</translation>
    </message>
    <message>
        <source>— none —</source>
        <translation>— keine —</translation>
    </message>
    <message>
        <source>The columns are read as in the saved mapping “%1”.</source>
        <translation>Die Spalten werden wie in der gespeicherten Zuordnung „%1“ gelesen.</translation>
    </message>
    <message>
        <source>Save this mapping</source>
        <translation>Diese Zuordnung speichern</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Saved the mapping “%1”.</source>
        <translation>Zuordnung „%1“ gespeichert.</translation>
    </message>
    <message>
        <source>Import %1</source>
        <translation>%1 importieren</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>%1 werden importiert…</translation>
    </message>
</context>
<context>
    <name>DealQuickDialog</name>
    <message>
        <source>Edit deal</source>
        <translation>Deal bearbeiten</translation>
    </message>
    <message>
        <source>New deal</source>
        <translation>Neuer Deal</translation>
    </message>
    <message>
        <source>What is being sold, to whom</source>
        <translation>Was wird an wen verkauft</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Type a name: a stored contact, or a new one</source>
        <translation>Namen eingeben: ein gespeicherter oder ein neuer Kontakt</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Titel</translation>
    </message>
    <message>
        <source>&amp;Pipeline</source>
        <translation>&amp;Pipeline</translation>
    </message>
    <message>
        <source>&amp;Stage</source>
        <translation>Pha&amp;se</translation>
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation>&amp;Betrag</translation>
    </message>
    <message>
        <source>&amp;Close date</source>
        <translation>Abschluss&amp;datum</translation>
    </message>
    <message>
        <source>C&amp;ontact</source>
        <translation>K&amp;ontakt</translation>
    </message>
    <message>
        <source>A new contact “%1” is added with the deal.</source>
        <translation>Ein neuer Kontakt „%1“ wird mit dem Deal angelegt.</translation>
    </message>
    <message>
        <source>Deal not saved</source>
        <translation>Deal nicht gespeichert</translation>
    </message>
    <message>
        <source>Changed by somebody else</source>
        <translation>Von jemand anderem geändert</translation>
    </message>
    <message>
        <source>Load their version? Your changes in this form are discarded.</source>
        <translation>Deren Version laden? Ihre Änderungen in diesem Formular werden verworfen.</translation>
    </message>
</context>
<context>
    <name>DealTableModel</name>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Unternehmen</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Verantwortlich</translation>
    </message>
    <message>
        <source>Begin date</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>Close date</source>
        <translation>Abschlussdatum</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Angelegt</translation>
    </message>
    <message numerus="yes">
        <source>No stage change for %Ln day(s): longer than this stage allows.</source>
        <translation><numerusform>Seit %Ln Tag keine Phasenänderung: länger, als diese Phase erlaubt.</numerusform><numerusform>Seit %Ln Tagen keine Phasenänderung: länger, als diese Phase erlaubt.</numerusform></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message numerus="yes">
        <source>%1 · idle %Ln d</source>
        <translation><numerusform>%1 · %Ln T. ruhend</numerusform><numerusform>%1 · %Ln T. ruhend</numerusform></translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message numerus="yes">
        <source>%Ln overdue</source>
        <translation><numerusform>%Ln überfällig</numerusform><numerusform>%Ln überfällig</numerusform></translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message numerus="yes">
        <source>%Ln open</source>
        <translation><numerusform>%Ln offen</numerusform><numerusform>%Ln offen</numerusform></translation>
    </message>
    <message>
        <source>None planned</source>
        <translation>Nichts geplant</translation>
    </message>
    <message numerus="yes">
        <source>%Ln open task(s)</source>
        <translation><numerusform>%Ln offene Aufgabe</numerusform><numerusform>%Ln offene Aufgaben</numerusform></translation>
    </message>
    <message>
        <source>Next: %1</source>
        <translation>Nächste: %1</translation>
    </message>
    <message>
        <source>Nothing planned: no open task on this deal.</source>
        <translation>Nichts geplant: keine offene Aufgabe zu diesem Deal.</translation>
    </message>
</context>
<context>
    <name>DealsArea</name>
    <message>
        <source>Search deals by title or company</source>
        <translation>Deals nach Titel oder Unternehmen suchen</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Liste</translation>
    </message>
    <message>
        <source>Kanban</source>
        <translation>Kanban</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Kalender</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>Deal</translation>
    </message>
    <message>
        <source>New deal</source>
        <translation>Neuer Deal</translation>
    </message>
    <message>
        <source>Edit the pipeline's stages and tunnels</source>
        <translation>Phasen und Tunnel der Pipeline bearbeiten</translation>
    </message>
    <message>
        <source>All pipelines</source>
        <translation>Alle Pipelines</translation>
    </message>
    <message>
        <source>Filter (%1)</source>
        <translation>Filter (%1)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln selected deal(s) are no longer in the list and were unselected.</source>
        <translation><numerusform>%Ln ausgewählter Deal ist nicht mehr in der Liste und wurde abgewählt.</numerusform><numerusform>%Ln ausgewählte Deals sind nicht mehr in der Liste und wurden abgewählt.</numerusform></translation>
    </message>
</context>
<context>
    <name>DepartmentDialog</name>
    <message>
        <source>Edit department</source>
        <translation>Abteilung bearbeiten</translation>
    </message>
    <message>
        <source>New department</source>
        <translation>Neue Abteilung</translation>
    </message>
    <message>
        <source>(a top department)</source>
        <translation>(eine oberste Abteilung)</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>(niemand)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>Belongs to</source>
        <translation>Gehört zu</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>Leitung</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
</context>
<context>
    <name>DocumentsSettings</name>
    <message>
        <source>Quote</source>
        <translation>Angebot</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>Rechnung</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Vertrag</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <source>Document templates</source>
        <translation>Dokumentvorlagen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Pipelines</source>
        <translation>Pipelines</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Add a Word file…</source>
        <translation>Word-Datei hinzufügen …</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten …</translation>
    </message>
    <message>
        <source>Replace file…</source>
        <translation>Datei ersetzen …</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Entfernen …</translation>
    </message>
    <message>
        <source>Add the ready-made ones</source>
        <translation>Fertige Vorlagen hinzufügen</translation>
    </message>
    <message>
        <source>Placeholders…</source>
        <translation>Platzhalter …</translation>
    </message>
    <message>
        <source>Company name</source>
        <translation>Firmenname</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Tax ID</source>
        <translation>USt-IdNr.</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>Bank</translation>
    </message>
    <message>
        <source>IBAN</source>
        <translation>IBAN</translation>
    </message>
    <message>
        <source>BIC</source>
        <translation>BIC</translation>
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
        <source>Payment terms</source>
        <translation>Zahlungsbedingungen</translation>
    </message>
    <message>
        <source>a logo is set</source>
        <translation>ein Logo ist gesetzt</translation>
    </message>
    <message>
        <source>no logo</source>
        <translation>kein Logo</translation>
    </message>
    <message>
        <source>Choose logo…</source>
        <translation>Logo wählen …</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <source>{PREFIX}, {YYYY} or {YY}, and {NNNN}: the running number with its digits</source>
        <translation>{PREFIX}, {YYYY} oder {YY} und {NNNN}: die laufende Nummer mit ihren Stellen</translation>
    </message>
    <message>
        <source>Numbers of %1</source>
        <translation>Nummern für %1</translation>
    </message>
    <message>
        <source>Save the company's details</source>
        <translation>Firmendaten speichern</translation>
    </message>
    <message>
        <source>My company (on documents)</source>
        <translation>Meine Firma (auf Dokumenten)</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>Word template</source>
        <translation>Word-Vorlage</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Word-Dokumente (*.docx)</translation>
    </message>
    <message>
        <source>Not read</source>
        <translation>Nicht gelesen</translation>
    </message>
    <message>
        <source>Template not added</source>
        <translation>Vorlage nicht hinzugefügt</translation>
    </message>
    <message>
        <source>Remove the template “%1”? Documents made from it stay with their deals.</source>
        <translation>Die Vorlage „%1“ entfernen? Daraus erstellte Dokumente bleiben bei ihren Deals.</translation>
    </message>
    <message>
        <source>Remove template</source>
        <translation>Vorlage entfernen</translation>
    </message>
    <message>
        <source>Not removed</source>
        <translation>Nicht entfernt</translation>
    </message>
    <message>
        <source>Not added</source>
        <translation>Nicht hinzugefügt</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Bilder (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <source>Placeholders for templates</source>
        <translation>Platzhalter für Vorlagen</translation>
    </message>
    <message>
        <source>Write in the Word file</source>
        <translation>In der Word-Datei schreiben</translation>
    </message>
    <message>
        <source>Example (the newest deal)</source>
        <translation>Beispiel (der neueste Deal)</translation>
    </message>
    <message>
        <source>Amounts and dates are written as the template's language writes them.</source>
        <translation>Beträge und Daten werden so geschrieben, wie es die Sprache der Vorlage tut.</translation>
    </message>
    <message>
        <source>Quote numbers</source>
        <translation>Angebotsnummern</translation>
    </message>
    <message>
        <source>Invoice numbers</source>
        <translation>Rechnungsnummern</translation>
    </message>
    <message>
        <source>Contract numbers</source>
        <translation>Vertragsnummern</translation>
    </message>
    <message>
        <source>Other documents' numbers</source>
        <translation>Nummern sonstiger Dokumente</translation>
    </message>
    <message>
        <source>Saved at %1.</source>
        <translation>Gespeichert um %1.</translation>
    </message>
    <message>
        <source>Checking the template…</source>
        <translation>Die Vorlage wird geprüft…</translation>
    </message>
    <message>
        <source>Payment reminder</source>
        <translation>Zahlungserinnerung</translation>
    </message>
    <message>
        <source>Payment reminders' numbers</source>
        <translation>Nummern der Zahlungserinnerungen</translation>
    </message>
</context>
<context>
    <name>DocumentsTab</name>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>New document…</source>
        <translation>Neues Dokument …</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Save a copy…</source>
        <translation>Kopie speichern …</translation>
    </message>
    <message>
        <source>Make PDF</source>
        <translation>PDF erstellen</translation>
    </message>
    <message>
        <source>No template yet: an administrator adds them in Settings › Document templates.</source>
        <translation>Noch keine Vorlage: Ein Administrator fügt sie unter Einstellungen › Dokumentvorlagen hinzu.</translation>
    </message>
    <message>
        <source>New document</source>
        <translation>Neues Dokument</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <source>Document not made</source>
        <translation>Dokument nicht erstellt</translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation>Kopie speichern</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Word-Dokumente (*.docx)</translation>
    </message>
    <message>
        <source>No PDF</source>
        <translation>Kein PDF</translation>
    </message>
    <message>
        <source>Document saved</source>
        <translation>Dokument gespeichert</translation>
    </message>
    <message>
        <source>No program on this computer opens Word documents. The document was saved as:
%1</source>
        <translation>Kein Programm auf diesem Computer öffnet Word-Dokumente. Das Dokument wurde gespeichert unter:
%1</translation>
    </message>
    <message>
        <source>Making the document…</source>
        <translation>Das Dokument wird erstellt…</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <source>Possible duplicates</source>
        <translation>Mögliche Dubletten</translation>
    </message>
    <message>
        <source>same e-mail</source>
        <translation>gleiche E-Mail</translation>
    </message>
    <message>
        <source>same phone</source>
        <translation>gleiche Telefonnummer</translation>
    </message>
    <message>
        <source>similar name</source>
        <translation>ähnlicher Name</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Nothing looks duplicated.</source>
        <translation>Nichts sieht doppelt aus.</translation>
    </message>
    <message>
        <source>Select two records of a group and merge them; the first one is kept.</source>
        <translation>Wählen Sie zwei Einträge einer Gruppe und führen Sie sie zusammen; der erste bleibt.</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>Zusammenführen …</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Zusammenführen</translation>
    </message>
    <message>
        <source>Select two records to merge.</source>
        <translation>Wählen Sie zwei Einträge zum Zusammenführen.</translation>
    </message>
</context>
<context>
    <name>EntryCanvas</name>
    <message>
        <source>+%1 more</source>
        <translation>+%1 weitere</translation>
    </message>
    <message>
        <source>New deal…</source>
        <translation>Neuer Deal…</translation>
    </message>
    <message>
        <source>New task…</source>
        <translation>Neue Aufgabe…</translation>
    </message>
</context>
<context>
    <name>FieldCatalog</name>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Type a company's name: a stored one, or a new one</source>
        <translation>Namen eines Unternehmens eingeben: ein gespeichertes oder ein neues</translation>
    </message>
    <message>
        <source>A new company “%1” is added with the deal.</source>
        <translation>Ein neues Unternehmen „%1“ wird mit dem Deal angelegt.</translation>
    </message>
    <message>
        <source>Add a contact: type a name, then Enter</source>
        <translation>Kontakt hinzufügen: Namen eingeben, dann Enter</translation>
    </message>
    <message>
        <source>Remove from this deal</source>
        <translation>Aus diesem Deal entfernen</translation>
    </message>
    <message>
        <source>Add a company: type its name</source>
        <translation>Unternehmen hinzufügen: Namen eingeben</translation>
    </message>
    <message>
        <source>Type a name to search</source>
        <translation>Zum Suchen einen Namen eingeben</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
</context>
<context>
    <name>FieldsSettings</name>
    <message>
        <source>Fields</source>
        <translation>Felder</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>Deals</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <source>Companies</source>
        <translation>Unternehmen</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>Leads</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Pflichtfeld</translation>
    </message>
    <message>
        <source>In the list</source>
        <translation>In der Liste</translation>
    </message>
    <message>
        <source>New field…</source>
        <translation>Neues Feld …</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten …</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen …</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message numerus="yes">
        <source>Delete the field “%1”? %Ln record(s) have a value in it; the values go too.</source>
        <translation><numerusform>Das Feld „%1“ löschen? %Ln Datensatz hat darin einen Wert; er geht mit.</numerusform><numerusform>Das Feld „%1“ löschen? %Ln Datensätze haben darin einen Wert; die Werte gehen mit.</numerusform></translation>
    </message>
    <message>
        <source>Delete the field “%1”? No record has a value in it yet.</source>
        <translation>Das Feld „%1“ löschen? Noch kein Datensatz hat darin einen Wert.</translation>
    </message>
    <message>
        <source>Delete field</source>
        <translation>Feld löschen</translation>
    </message>
    <message>
        <source>Field not deleted</source>
        <translation>Feld nicht gelöscht</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Choose another file…</source>
        <translation>Andere Datei wählen…</translation>
    </message>
    <message>
        <source>Detect from the file</source>
        <translation>Aus der Datei erkennen</translation>
    </message>
    <message>
        <source>UTF-8 (Unicode)</source>
        <translation>UTF-8 (Unicode)</translation>
    </message>
    <message>
        <source>Windows-1252 (Western European)</source>
        <translation>Windows-1252 (Westeuropäisch)</translation>
    </message>
    <message>
        <source>DOS code page 850</source>
        <translation>DOS-Codepage 850</translation>
    </message>
    <message>
        <source>Mac Roman</source>
        <translation>Mac Roman</translation>
    </message>
    <message>
        <source>ISO-8859-1 (Latin-1)</source>
        <translation>ISO-8859-1 (Latin-1)</translation>
    </message>
    <message>
        <source>Decimal comma (1.234,56)</source>
        <translation>Dezimalkomma (1.234,56)</translation>
    </message>
    <message>
        <source>Decimal point (1,234.56)</source>
        <translation>Dezimalpunkt (1,234.56)</translation>
    </message>
    <message>
        <source>Dates are written day first (31.12.2026, 31/12/2026)</source>
        <translation>Datumsangaben beginnen mit dem Tag (31.12.2026, 31/12/2026)</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>Kodierung</translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation>Zahlen</translation>
    </message>
    <message>
        <source>Pipeline of rows that name none</source>
        <translation>Pipeline für Zeilen ohne Pipeline</translation>
    </message>
    <message>
        <source>The first rows:</source>
        <translation>Die ersten Zeilen:</translation>
    </message>
    <message>
        <source>Read as %1.</source>
        <translation>Gelesen als %1.</translation>
    </message>
    <message>
        <source>Read as %1, the likeliest of several: if umlauts look wrong in the rows below, choose another.</source>
        <translation>Gelesen als %1, die wahrscheinlichste von mehreren: Sehen Umlaute in den Zeilen unten falsch aus, wählen Sie eine andere.</translation>
    </message>
    <message>
        <source>A table of my own</source>
        <translation>Eine eigene Tabelle</translation>
    </message>
    <message>
        <source>An export of %1</source>
        <translation>Ein Export aus %1</translation>
    </message>
    <message>
        <source>The file is</source>
        <translation>Die Datei ist</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>Deals</translation>
    </message>
    <message>
        <source>Companies</source>
        <translation>Unternehmen</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>Leads</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>Produkte</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personen</translation>
    </message>
</context>
<context>
    <name>FilterPanel</name>
    <message>
        <source>Any</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>Gewonnen</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Verloren</translation>
    </message>
    <message>
        <source>from</source>
        <translation>von</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Only deals idle longer than their stage allows</source>
        <translation>Nur Deals, die länger ruhen, als ihre Phase erlaubt</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Stages</source>
        <translation>Phasen</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Verantwortlich</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Close date</source>
        <translation>Abschlussdatum</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Angelegt</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Anwenden</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Speichern unter …</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Delete the selected saved filter</source>
        <translation>Den gewählten gespeicherten Filter löschen</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Saved filters</source>
        <translation>Gespeicherte Filter</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Jederzeit</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Me</source>
        <translation>Ich</translation>
    </message>
    <message>
        <source>%1 (shared)</source>
        <translation>%1 (geteilt)</translation>
    </message>
    <message>
        <source>'%1' is not an amount.</source>
        <translation>„%1“ ist kein Betrag.</translation>
    </message>
    <message>
        <source>The smallest amount is larger than the largest.</source>
        <translation>Der kleinste Betrag ist größer als der größte.</translation>
    </message>
    <message>
        <source>Save filter</source>
        <translation>Filter speichern</translation>
    </message>
    <message>
        <source>Name of the filter:</source>
        <translation>Name des Filters:</translation>
    </message>
    <message>
        <source>Filter not saved</source>
        <translation>Filter nicht gespeichert</translation>
    </message>
    <message>
        <source>Delete filter</source>
        <translation>Filter löschen</translation>
    </message>
    <message>
        <source>Delete the saved filter '%1'?</source>
        <translation>Den gespeicherten Filter „%1“ löschen?</translation>
    </message>
    <message>
        <source>Filter not deleted</source>
        <translation>Filter nicht gelöscht</translation>
    </message>
    <message>
        <source>Only idle deals</source>
        <translation>Nur ruhende Deals</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>Aktivitäten</translation>
    </message>
</context>
<context>
    <name>FirstRunAssistant</name>
    <message>
        <source>Dealdesk: first start</source>
        <translation>Dealdesk: erster Start</translation>
    </message>
</context>
<context>
    <name>FormDesignerDialog</name>
    <message>
        <source>Configure the form</source>
        <translation>Formular anpassen</translation>
    </message>
    <message>
        <source>Just for me</source>
        <translation>Nur für mich</translation>
    </message>
    <message>
        <source>For everyone</source>
        <translation>Für alle</translation>
    </message>
    <message>
        <source>Everyone uses it (personal layouts are ignored)</source>
        <translation>Alle verwenden es (persönliche Formulare werden ignoriert)</translation>
    </message>
    <message>
        <source>Every pipeline</source>
        <translation>Alle Pipelines</translation>
    </message>
    <message>
        <source>Layout:</source>
        <translation>Formular:</translation>
    </message>
    <message>
        <source>Hidden fields (drag here to hide)</source>
        <translation>Ausgeblendete Felder (hierher ziehen zum Ausblenden)</translation>
    </message>
    <message>
        <source>Add section</source>
        <translation>Abschnitt hinzufügen</translation>
    </message>
    <message>
        <source>New field…</source>
        <translation>Neues Feld …</translation>
    </message>
    <message>
        <source>Reset to default</source>
        <translation>Auf Standard zurücksetzen</translation>
    </message>
    <message>
        <source>“%1” is always required, so it can't be hidden.</source>
        <translation>„%1“ ist immer Pflicht und kann daher nicht ausgeblendet werden.</translation>
    </message>
    <message>
        <source>New section</source>
        <translation>Neuer Abschnitt</translation>
    </message>
    <message>
        <source>A form needs at least one section.</source>
        <translation>Ein Formular braucht mindestens einen Abschnitt.</translation>
    </message>
    <message>
        <source>Reset the form</source>
        <translation>Formular zurücksetzen</translation>
    </message>
    <message>
        <source>Go back to the standard form for everyone?</source>
        <translation>Für alle zum Standardformular zurückkehren?</translation>
    </message>
    <message>
        <source>Forget your own layout and use the office's (or the standard) form?</source>
        <translation>Ihr eigenes Formular verwerfen und das des Büros (oder das Standardformular) verwenden?</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Choose a field to set who sees it and when it is required.</source>
        <translation>Wählen Sie ein Feld, um festzulegen, wer es sieht und ab wann es Pflicht ist.</translation>
    </message>
    <message>
        <source>Everyone sees it</source>
        <translation>Alle sehen es</translation>
    </message>
    <message>
        <source>Everyone may change it</source>
        <translation>Alle dürfen es ändern</translation>
    </message>
    <message>
        <source>Required from stage</source>
        <translation>Pflicht ab Phase</translation>
    </message>
    <message>
        <source>Only these people</source>
        <translation>Nur diese Personen</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Form not saved</source>
        <translation>Formular nicht gespeichert</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>Dealdesk user guide</source>
        <translation>Dealdesk-Benutzerhandbuch</translation>
    </message>
    <message>
        <source>The user guide is missing from this installation.</source>
        <translation>Das Benutzerhandbuch fehlt in dieser Installation.</translation>
    </message>
</context>
<context>
    <name>HistoryFormat</name>
    <message>
        <source>Products</source>
        <translation>Produkte</translation>
    </message>
    <message>
        <source>Amount from products</source>
        <translation>Betrag aus Produkten</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>%1 × %2 at %3</source>
        <translation>%1 × %2 à %3</translation>
    </message>
</context>
<context>
    <name>ImportsDialog</name>
    <message>
        <source>Imports</source>
        <translation>Importe</translation>
    </message>
    <message>
        <source>Undoing an import removes the deals it made that nobody has changed since, and the companies, contacts and products it made that nothing uses any more.</source>
        <translation>Ein Import wird rückgängig gemacht, indem die Deals entfernt werden, die er angelegt hat und die seitdem niemand geändert hat, sowie die Unternehmen, Kontakte und Produkte, die er angelegt hat und die nichts mehr verwendet.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importiert</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>Deals</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stand</translation>
    </message>
    <message>
        <source>Undo import…</source>
        <translation>Import rückgängig machen…</translation>
    </message>
    <message>
        <source>undone</source>
        <translation>rückgängig gemacht</translation>
    </message>
    <message>
        <source>Nothing has been imported yet.</source>
        <translation>Bisher wurde nichts importiert.</translation>
    </message>
    <message>
        <source>Undo import</source>
        <translation>Import rückgängig machen</translation>
    </message>
    <message>
        <source>Remove what the import of %1 made? Deals changed since it stay.</source>
        <translation>Entfernen, was der Import von %1 angelegt hat? Seitdem geänderte Deals bleiben.</translation>
    </message>
    <message>
        <source>Undoing the import…</source>
        <translation>Import wird rückgängig gemacht…</translation>
    </message>
    <message numerus="yes">
        <source>Removed %Ln deal(s).</source>
        <translation><numerusform>%Ln Deal entfernt.</numerusform><numerusform>%Ln Deals entfernt.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln deal(s) changed since the import stay: %1</source>
        <translation><numerusform>%Ln seit dem Import geänderter Deal bleibt: %1</numerusform><numerusform>%Ln seit dem Import geänderte Deals bleiben: %1</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>The %Ln person/people it created stay (deactivate them in Settings).</source>
        <translation><numerusform>Die %Ln Person, die er angelegt hat, bleibt (deaktivieren Sie sie in den Einstellungen).</numerusform><numerusform>Die %Ln Personen, die er angelegt hat, bleiben (deaktivieren Sie sie in den Einstellungen).</numerusform></translation>
    </message>
    <message>
        <source>Of</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Datensätze</translation>
    </message>
    <message>
        <source>Companies</source>
        <translation>Unternehmen</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>Leads</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>Produkte</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personen</translation>
    </message>
    <message numerus="yes">
        <source>Removed %Ln record(s).</source>
        <translation><numerusform>%Ln Datensatz entfernt.</numerusform><numerusform>%Ln Datensätze entfernt.</numerusform></translation>
    </message>
</context>
<context>
    <name>InvoiceFiles</name>
    <message>
        <source>Making the document…</source>
        <translation>Dokument wird erstellt …</translation>
    </message>
    <message>
        <source>Save e-invoice</source>
        <translation>E-Rechnung speichern</translation>
    </message>
    <message>
        <source>Saved the e-invoice %1.</source>
        <translation>E-Rechnung %1 gespeichert.</translation>
    </message>
    <message>
        <source>Making the e-invoice…</source>
        <translation>E-Rechnung wird erstellt …</translation>
    </message>
    <message>
        <source>Payment reminder</source>
        <translation>Zahlungserinnerung</translation>
    </message>
    <message>
        <source>Second reminder</source>
        <translation>1. Mahnung</translation>
    </message>
    <message>
        <source>Final reminder</source>
        <translation>Letzte Mahnung</translation>
    </message>
    <message>
        <source>%1 for invoice %2, open %3.
Reminder fee:</source>
        <translation>%1 zu Rechnung %2, offen %3.
Mahngebühr:</translation>
    </message>
    <message>
        <source>Reminder %1 for %2: payment by %3.</source>
        <translation>Mahnstufe %1 zu %2: Zahlung bis %3.</translation>
    </message>
    <message>
        <source>Writing the reminder…</source>
        <translation>Mahnung wird geschrieben …</translation>
    </message>
    <message>
        <source>Export invoices</source>
        <translation>Rechnungen exportieren</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel-Arbeitsmappe (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exported %1 invoices to %2.</source>
        <translation>%1 Rechnungen nach %2 exportiert.</translation>
    </message>
    <message>
        <source>Invoices</source>
        <translation>Rechnungen</translation>
    </message>
    <message>
        <source>Document saved</source>
        <translation>Dokument gespeichert</translation>
    </message>
    <message>
        <source>No program on this computer opens Word documents. The document was saved as:
%1</source>
        <translation>Kein Programm auf diesem Computer öffnet Word-Dokumente. Das Dokument wurde gespeichert unter:
%1</translation>
    </message>
</context>
<context>
    <name>InvoicesView</name>
    <message>
        <source>Draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Gestellt</translation>
    </message>
    <message>
        <source>Partly paid</source>
        <translation>Teilweise bezahlt</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Bezahlt</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Überfällig</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Storniert</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>Rechnung</translation>
    </message>
    <message>
        <source>Down payment</source>
        <translation>Anzahlung</translation>
    </message>
    <message>
        <source>Final invoice</source>
        <translation>Schlussrechnung</translation>
    </message>
    <message>
        <source>Cancellation</source>
        <translation>Stornorechnung</translation>
    </message>
    <message>
        <source>Invoices</source>
        <translation>Rechnungen</translation>
    </message>
    <message>
        <source>All invoices</source>
        <translation>Alle Rechnungen</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>Entwürfe</translation>
    </message>
    <message>
        <source>+ Invoice</source>
        <translation>+ Rechnung</translation>
    </message>
    <message>
        <source>Invoice for the deal</source>
        <translation>Rechnung für den Deal</translation>
    </message>
    <message>
        <source>Down payment…</source>
        <translation>Anzahlung…</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>Stellen</translation>
    </message>
    <message>
        <source>Payment…</source>
        <translation>Zahlung…</translation>
    </message>
    <message>
        <source>Cancel invoice…</source>
        <translation>Stornieren…</translation>
    </message>
    <message>
        <source>E-invoice…</source>
        <translation>E-Rechnung…</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stand</translation>
    </message>
    <message>
        <source>No invoices yet: “+ Invoice” makes one from the deal.</source>
        <translation>Noch keine Rechnungen: „+ Rechnung“ erstellt eine aus dem Deal.</translation>
    </message>
    <message>
        <source>No invoices here: a deal's Invoices tab makes them.</source>
        <translation>Keine Rechnungen: Die Registerkarte „Rechnungen“ eines Deals erstellt sie.</translation>
    </message>
    <message>
        <source>(draft)</source>
        <translation>(Entwurf)</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>Offen %1</translation>
    </message>
    <message>
        <source>overdue %1</source>
        <translation>überfällig %1</translation>
    </message>
    <message>
        <source>Share of the deal (%)</source>
        <translation>Anteil am Deal (%)</translation>
    </message>
    <message>
        <source>A draft invoice was made: issue it to give it its number.</source>
        <translation>Ein Rechnungsentwurf wurde erstellt: Stellen Sie ihn, damit er seine Nummer bekommt.</translation>
    </message>
    <message>
        <source>Invoice %1 issued.</source>
        <translation>Rechnung %1 gestellt.</translation>
    </message>
    <message>
        <source>Cancel invoice</source>
        <translation>Rechnung stornieren</translation>
    </message>
    <message>
        <source>Cancel %1? A cancellation invoice with the next number is issued; %1 keeps its number.</source>
        <translation>%1 stornieren? Eine Stornorechnung mit der nächsten Nummer wird gestellt; %1 behält ihre Nummer.</translation>
    </message>
    <message>
        <source>Save e-invoice</source>
        <translation>E-Rechnung speichern</translation>
    </message>
    <message>
        <source>XRechnung (CII) (*.xml)</source>
        <translation>XRechnung (CII) (*.xml)</translation>
    </message>
    <message>
        <source>Saved the e-invoice %1.</source>
        <translation>E-Rechnung %1 gespeichert.</translation>
    </message>
    <message>
        <source>Save as XRechnung (XML) or as a ZUGFeRD PDF</source>
        <translation>Als XRechnung (XML) oder als ZUGFeRD-PDF speichern</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <source>Open the invoice as it was issued (a draft: a preview)</source>
        <translation>Die Rechnung so öffnen, wie sie gestellt wurde (ein Entwurf: eine Vorschau)</translation>
    </message>
    <message>
        <source>Reminder…</source>
        <translation>Mahnen …</translation>
    </message>
    <message>
        <source>Send the next payment reminder for an overdue invoice</source>
        <translation>Die nächste Mahnstufe für eine überfällige Rechnung schreiben</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren …</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>Mahnstufe</translation>
    </message>
    <message>
        <source>Level %1</source>
        <translation>Stufe %1</translation>
    </message>
    <message>
        <source>%1, of it overdue %2</source>
        <translation>%1, davon überfällig %2</translation>
    </message>
    <message>
        <source>Open: %1</source>
        <translation>Offen: %1</translation>
    </message>
    <message>
        <source>Edit lines…</source>
        <translation>Positionen bearbeiten …</translation>
    </message>
    <message>
        <source>Change a draft's lines before it is issued</source>
        <translation>Die Positionen eines Entwurfs ändern, bevor er gestellt wird</translation>
    </message>
    <message>
        <source>Lines of the draft invoice</source>
        <translation>Positionen des Rechnungsentwurfs</translation>
    </message>
    <message>
        <source>Workflows…</source>
        <translation>Workflows…</translation>
    </message>
</context>
<context>
    <name>KanbanView</name>
    <message>
        <source>The board shows one pipeline at a time: this is %1. Pick another above.</source>
        <translation>Das Board zeigt jeweils eine Pipeline: dies ist %1. Wählen Sie oben eine andere.</translation>
    </message>
    <message>
        <source>There is no pipeline yet. Add one in the settings.</source>
        <translation>Es gibt noch keine Pipeline. Legen Sie in den Einstellungen eine an.</translation>
    </message>
    <message>
        <source>No stage of this pipeline is shown: change the filter.</source>
        <translation>Keine Phase dieser Pipeline wird angezeigt: ändern Sie den Filter.</translation>
    </message>
    <message>
        <source>Move to another pipeline</source>
        <translation>In eine andere Pipeline verschieben</translation>
    </message>
    <message numerus="yes">
        <source>Where do %Ln deal(s) go?</source>
        <translation><numerusform>Wohin soll %Ln Deal?</numerusform><numerusform>Wohin sollen %Ln Deals?</numerusform></translation>
    </message>
    <message>
        <source>Your role does not let you move deals into the stage “%1”.</source>
        <translation>Ihre Rolle erlaubt Ihnen nicht, Deals in die Phase „%1“ zu verschieben.</translation>
    </message>
</context>
<context>
    <name>LanguagePage</name>
    <message>
        <source>Welcome to Dealdesk</source>
        <translation>Willkommen bei Dealdesk</translation>
    </message>
    <message>
        <source>A few questions, and Dealdesk is ready. First: which language?</source>
        <translation>Ein paar Fragen, dann ist Dealdesk bereit. Zuerst: welche Sprache?</translation>
    </message>
    <message>
        <source>You can change it later under Settings.</source>
        <translation>Sie können sie später unter Einstellungen ändern.</translation>
    </message>
</context>
<context>
    <name>LeadFormDialog</name>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>In process</source>
        <translation>In Bearbeitung</translation>
    </message>
    <message>
        <source>Processed</source>
        <translation>Bearbeitet</translation>
    </message>
    <message>
        <source>Converted</source>
        <translation>Umgewandelt</translation>
    </message>
    <message>
        <source>Junk</source>
        <translation>Ungültig</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>Lead</translation>
    </message>
    <message>
        <source>New lead</source>
        <translation>Neuer Lead</translation>
    </message>
    <message>
        <source>Convert…</source>
        <translation>Umwandeln …</translation>
    </message>
    <message>
        <source>Undo conversion</source>
        <translation>Umwandlung rückgängig machen</translation>
    </message>
    <message>
        <source>Open the deal</source>
        <translation>Deal öffnen</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Configure form…</source>
        <translation>Formular anpassen …</translation>
    </message>
    <message>
        <source>Lead not saved</source>
        <translation>Lead nicht gespeichert</translation>
    </message>
    <message>
        <source>Not undone</source>
        <translation>Nicht rückgängig gemacht</translation>
    </message>
    <message>
        <source>Workflows…</source>
        <translation>Workflows…</translation>
    </message>
</context>
<context>
    <name>LeadTableModel</name>
    <message>
        <source>Lead</source>
        <translation>Lead</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Unternehmen</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Verantwortlich</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Angelegt</translation>
    </message>
</context>
<context>
    <name>LeadsArea</name>
    <message>
        <source>Leads</source>
        <translation>Leads</translation>
    </message>
    <message>
        <source>Open leads</source>
        <translation>Offene Leads</translation>
    </message>
    <message>
        <source>All leads</source>
        <translation>Alle Leads</translation>
    </message>
    <message>
        <source>Search by lead, name, company or e-mail</source>
        <translation>Nach Lead, Name, Unternehmen oder E-Mail suchen</translation>
    </message>
    <message>
        <source>+ Lead</source>
        <translation>+ Lead</translation>
    </message>
</context>
<context>
    <name>LinesDialog</name>
    <message>
        <source>Item</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Einheit</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Discount %</source>
        <translation>Rabatt %</translation>
    </message>
    <message>
        <source>VAT %</source>
        <translation>MwSt. %</translation>
    </message>
    <message>
        <source>+ Line</source>
        <translation>+ Position</translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation>Position entfernen</translation>
    </message>
    <message>
        <source>pcs</source>
        <translation>Stk.</translation>
    </message>
    <message>
        <source>Line %1 needs an item.</source>
        <translation>Position %1 braucht eine Bezeichnung.</translation>
    </message>
    <message>
        <source>Line %1: quantity, price, discount and VAT are numbers.</source>
        <translation>Position %1: Menge, Preis, Rabatt und MwSt. sind Zahlen.</translation>
    </message>
    <message>
        <source>Line %1: discount and VAT are between 0 and 100 %.</source>
        <translation>Position %1: Rabatt und MwSt. liegen zwischen 0 und 100 %.</translation>
    </message>
    <message>
        <source>Net %1 · VAT %2 · Total %3</source>
        <translation>Netto %1 · MwSt. %2 · Gesamt %3</translation>
    </message>
    <message>
        <source>Keep at least one line.</source>
        <translation>Mindestens eine Position bleibt.</translation>
    </message>
</context>
<context>
    <name>LockWait</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Waiting for the database</source>
        <translation>Warten auf die Datenbank</translation>
    </message>
    <message>
        <source>Another PC is writing to the database:
%1
Your change is saved as soon as the file is free; Cancel gives it up.</source>
        <translation>Ein anderer PC schreibt gerade in die Datenbank:
%1
Ihre Änderung wird gespeichert, sobald die Datei frei ist; „Abbrechen“ verwirft sie.</translation>
    </message>
    <message>
        <source>Somebody else is writing to the database (another PC's import or large change).
Your change is saved as soon as the file is free; Cancel gives it up.</source>
        <translation>Jemand anderes schreibt gerade in die Datenbank (ein Import oder eine große Änderung an einem anderen PC).
Ihre Änderung wird gespeichert, sobald die Datei frei ist; „Abbrechen“ verwirft sie.</translation>
    </message>
</context>
<context>
    <name>LossReasonDialog</name>
    <message>
        <source>Deal lost</source>
        <translation>Deal verloren</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <source>Details (optional)</source>
        <translation>Details (optional)</translation>
    </message>
    <message>
        <source>Why was it lost?</source>
        <translation>Warum wurde er verloren?</translation>
    </message>
    <message>
        <source>Why were they lost?</source>
        <translation>Warum wurden sie verloren?</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>MailSettings</name>
    <message>
        <source>E-mail (for automation)</source>
        <translation>E-Mail (für die Automatisierung)</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>kept in this computer's password store</source>
        <translation>im Passwortspeicher dieses Computers gespeichert</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Send a test mail…</source>
        <translation>Test-E-Mail senden…</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sicherheit</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Anmeldename</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Absender</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>Test mail</source>
        <translation>Test-E-Mail</translation>
    </message>
    <message>
        <source>Send a test mail to</source>
        <translation>Test-E-Mail senden an</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <source>The test mail went out to %1.</source>
        <translation>Die Test-E-Mail ging an %1.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Tasks</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <source>Calls, meetings and to-dos about your deals. Coming soon.</source>
        <translation>Anrufe, Termine und To-dos zu Ihren Deals. Kommt bald.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message numerus="yes">
        <source>Imported %Ln deal(s).</source>
        <translation><numerusform>%Ln Deal importiert.</numerusform><numerusform>%Ln Deals importiert.</numerusform></translation>
    </message>
    <message>
        <source>Not moved</source>
        <translation>Nicht verschoben</translation>
    </message>
    <message>
        <source>Deal not opened</source>
        <translation>Deal nicht geöffnet</translation>
    </message>
    <message numerus="yes">
        <source>%Ln deal(s)</source>
        <translation><numerusform>%Ln Deal</numerusform><numerusform>%Ln Deals</numerusform></translation>
    </message>
    <message>
        <source>%1 · total %2</source>
        <translation>%1 · Summe %2</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Undo change of %Ln deal(s)</source>
        <translation><numerusform>Änderung an %Ln Deal &amp;rückgängig machen</numerusform><numerusform>Änderung an %Ln Deals &amp;rückgängig machen</numerusform></translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
    <message>
        <source>Could not read the deals: %1</source>
        <translation>Die Deals konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Back up database</source>
        <translation>Datenbank sichern</translation>
    </message>
    <message>
        <source>Dealdesk database (*.sqlite)</source>
        <translation>Dealdesk-Datenbank (*.sqlite)</translation>
    </message>
    <message>
        <source>Backed up to %1</source>
        <translation>Gesichert nach %1</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>Sicherung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Backing up the database…</source>
        <translation>Datenbank wird gesichert …</translation>
    </message>
    <message>
        <source>About Dealdesk</source>
        <translation>Über Dealdesk</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Dealdesk %1&lt;/h3&gt;&lt;p&gt;A fast, private desktop CRM for deals.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Dealdesk %1&lt;/h3&gt;&lt;p&gt;Ein schnelles, privates Desktop-CRM für Deals.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Undo move of “%1” to %2</source>
        <translation>„%1“ nach %2 verschieben &amp;rückgängig machen</translation>
    </message>
    <message>
        <source>Moved “%1” to %2.</source>
        <translation>„%1“ nach %2 verschoben.</translation>
    </message>
    <message numerus="yes">
        <source>Moved %Ln deal(s).</source>
        <translation><numerusform>%Ln Deal verschoben.</numerusform><numerusform>%Ln Deals verschoben.</numerusform></translation>
    </message>
    <message>
        <source>Database not reachable</source>
        <translation>Datenbank nicht erreichbar</translation>
    </message>
    <message>
        <source>The database can be reached again.</source>
        <translation>Die Datenbank ist wieder erreichbar.</translation>
    </message>
    <message>
        <source>Checking the database after an unexpected end…</source>
        <translation>Die Datenbank wird nach einem unerwarteten Ende geprüft…</translation>
    </message>
    <message>
        <source>Checked after an unexpected end: the database is sound.</source>
        <translation>Nach einem unerwarteten Ende geprüft: Die Datenbank ist in Ordnung.</translation>
    </message>
    <message>
        <source>The database is damaged</source>
        <translation>Die Datenbank ist beschädigt</translation>
    </message>
    <message>
        <source>The check after the last unexpected end found the database damaged (%1).

Restore a backup now: choose one in the list that follows.</source>
        <translation>Die Prüfung nach dem letzten unerwarteten Ende hat die Datenbank beschädigt vorgefunden (%1).

Stellen Sie jetzt eine Sicherung wieder her: Wählen Sie eine in der folgenden Liste.</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Wiederhergestellt</translation>
    </message>
    <message>
        <source>The backup is in place. The file as it was is kept at:
%1

Dealdesk starts again now.</source>
        <translation>Die Sicherung ist eingespielt. Die Datei im vorherigen Zustand liegt unter:
%1

Dealdesk startet jetzt neu.</translation>
    </message>
    <message>
        <source>Read only</source>
        <translation>Nur lesen</translation>
    </message>
    <message>
        <source>The database file, its folder or its drive is write-protected: you can look at everything, but changes can't be saved. Ask whoever looks after the drive for write access.</source>
        <translation>Die Datenbankdatei, ihr Ordner oder ihr Laufwerk ist schreibgeschützt: Sie können alles ansehen, aber Änderungen können nicht gespeichert werden. Bitten Sie die Person, die das Laufwerk betreut, um Schreibrechte.</translation>
    </message>
    <message>
        <source>Export all into a folder</source>
        <translation>Alles in einen Ordner exportieren</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln file(s) to %1</source>
        <translation><numerusform>%Ln Datei nach %1 exportiert</numerusform><numerusform>%Ln Dateien nach %1 exportiert</numerusform></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Exporting everything…</source>
        <translation>Alles wird exportiert…</translation>
    </message>
    <message numerus="yes">
        <source>Imported %Ln record(s).</source>
        <translation><numerusform>%Ln Datensatz importiert.</numerusform><numerusform>%Ln Datensätze importiert.</numerusform></translation>
    </message>
    <message>
        <source>Invoices</source>
        <translation>Rechnungen</translation>
    </message>
    <message>
        <source>Quotes</source>
        <translation>Angebote</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Dealdesk %1&lt;/h3&gt;&lt;p&gt;A fast, private desktop CRM for deals.&lt;/p&gt;&lt;p&gt;Database: %2&lt;br&gt;Schema revision: %3&lt;br&gt;Logs: %4&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Dealdesk %1&lt;/h3&gt;&lt;p&gt;Ein schnelles, privates Desktop-CRM für Deals.&lt;/p&gt;&lt;p&gt;Datenbank: %2&lt;br&gt;Schema-Version: %3&lt;br&gt;Protokolle: %4&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Log folder</source>
        <translation>Protokollordner</translation>
    </message>
    <message>
        <source>Counting deals…</source>
        <translation>Deals werden gezählt…</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge</source>
        <translation>Zusammenführen</translation>
    </message>
    <message>
        <source>Keep: %1</source>
        <translation>Behalten: %1</translation>
    </message>
    <message>
        <source>Merge in: %1</source>
        <translation>Hineinführen: %1</translation>
    </message>
    <message>
        <source>The other record has no values that differ.</source>
        <translation>Der andere Eintrag hat keine abweichenden Werte.</translation>
    </message>
    <message>
        <source>Deals, companies and contacts linked to either go to the record kept; the other is deleted. Both keep a note in their history.</source>
        <translation>Deals, Unternehmen und Kontakte beider gehen an den verbleibenden Eintrag; der andere wird gelöscht. Beide behalten einen Vermerk im Verlauf.</translation>
    </message>
    <message>
        <source>Not merged</source>
        <translation>Nicht zusammengeführt</translation>
    </message>
</context>
<context>
    <name>MissingDatabaseDialog</name>
    <message>
        <source>Dealdesk: database not found</source>
        <translation>Dealdesk: Datenbank nicht gefunden</translation>
    </message>
    <message>
        <source>&lt;b&gt;There is no Dealdesk database yet.&lt;/b&gt;&lt;br&gt;Create a new one at %1, or open the file your office uses (for example on the network drive).</source>
        <translation>&lt;b&gt;Es gibt noch keine Dealdesk-Datenbank.&lt;/b&gt;&lt;br&gt;Legen Sie unter %1 eine neue an, oder öffnen Sie die Datei, die Ihr Büro verwendet (zum Beispiel auf dem Netzlaufwerk).</translation>
    </message>
    <message>
        <source>&lt;b&gt;The file %1 is empty (0 bytes): it holds no database.&lt;/b&gt;&lt;br&gt;Is it the right file? If the office database lives on a network drive, is the drive connected?</source>
        <translation>&lt;b&gt;Die Datei %1 ist leer (0 Byte): Sie enthält keine Datenbank.&lt;/b&gt;&lt;br&gt;Ist es die richtige Datei? Wenn die Datenbank des Büros auf einem Netzlaufwerk liegt: Ist das Laufwerk verbunden?</translation>
    </message>
    <message>
        <source>&lt;b&gt;The file %1 is not there.&lt;/b&gt;&lt;br&gt;Is the network drive connected? Connect it and try again, or open another file. Dealdesk never starts an empty database on its own: work done in it would be missing from the office's.</source>
        <translation>&lt;b&gt;Die Datei %1 ist nicht vorhanden.&lt;/b&gt;&lt;br&gt;Ist das Netzlaufwerk verbunden? Verbinden Sie es und versuchen Sie es erneut, oder öffnen Sie eine andere Datei. Dealdesk beginnt nie von sich aus eine leere Datenbank: Was darin erfasst würde, fehlte in der des Büros.</translation>
    </message>
    <message>
        <source>%1 (not there)</source>
        <translation>%1 (nicht vorhanden)</translation>
    </message>
    <message>
        <source>Recently opened:</source>
        <translation>Zuletzt geöffnet:</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Open another file…</source>
        <translation>Andere Datei öffnen…</translation>
    </message>
    <message>
        <source>Create a new database here</source>
        <translation>Neue Datenbank anlegen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Open a Dealdesk database</source>
        <translation>Eine Dealdesk-Datenbank öffnen</translation>
    </message>
    <message>
        <source>Dealdesk database (*.sqlite);;All files (*)</source>
        <translation>Dealdesk-Datenbank (*.sqlite);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>NotificationText</name>
    <message>
        <source>Dealdesk</source>
        <translation>Dealdesk</translation>
    </message>
    <message numerus="yes">
        <source>%1 assigned you %Ln deal(s)</source>
        <translation><numerusform>%1 hat Ihnen %Ln Deal zugewiesen</numerusform><numerusform>%1 hat Ihnen %Ln Deals zugewiesen</numerusform></translation>
    </message>
    <message>
        <source>%1 assigned you the deal “%2”</source>
        <translation>%1 hat Ihnen den Deal „%2“ zugewiesen</translation>
    </message>
    <message numerus="yes">
        <source>%1 moved %Ln of your deals to %3</source>
        <translation><numerusform>%1 hat %Ln Ihrer Deals nach %3 verschoben</numerusform><numerusform>%1 hat %Ln Ihrer Deals nach %3 verschoben</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1 moved %Ln of your deals</source>
        <translation><numerusform>%1 hat %Ln Ihrer Deals verschoben</numerusform><numerusform>%1 hat %Ln Ihrer Deals verschoben</numerusform></translation>
    </message>
    <message>
        <source>%1 moved your deal “%2” to %3</source>
        <translation>%1 hat Ihren Deal „%2“ nach %3 verschoben</translation>
    </message>
    <message>
        <source>%1 moved your deal “%2”</source>
        <translation>%1 hat Ihren Deal „%2“ verschoben</translation>
    </message>
    <message numerus="yes">
        <source>%1 gave you %Ln task(s)</source>
        <translation><numerusform>%1 hat Ihnen %Ln Aufgabe gegeben</numerusform><numerusform>%1 hat Ihnen %Ln Aufgaben gegeben</numerusform></translation>
    </message>
    <message>
        <source>%1 gave you a task: “%2”</source>
        <translation>%1 hat Ihnen eine Aufgabe gegeben: „%2“</translation>
    </message>
    <message>
        <source>Task due: “%2” (%3)</source>
        <translation>Aufgabe fällig: „%2“ (%3)</translation>
    </message>
    <message>
        <source>Task due: “%2”</source>
        <translation>Aufgabe fällig: „%2“</translation>
    </message>
</context>
<context>
    <name>NotificationBell</name>
    <message numerus="yes">
        <source>%Ln unread notification(s)</source>
        <translation><numerusform>%Ln ungelesene Benachrichtigung</numerusform><numerusform>%Ln ungelesene Benachrichtigungen</numerusform></translation>
    </message>
</context>
<context>
    <name>NotificationPopup</name>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>Mark all read</source>
        <translation>Alle als gelesen markieren</translation>
    </message>
    <message>
        <source>Nothing new.</source>
        <translation>Nichts Neues.</translation>
    </message>
</context>
<context>
    <name>OfficeHoursBox</name>
    <message>
        <source>Working days and hours</source>
        <translation>Arbeitstage und -zeiten</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>from</source>
        <translation>von</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
</context>
<context>
    <name>Operation</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Change my password</source>
        <translation>Mein Passwort ändern</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>Aktuelles Passwort</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Neues Passwort</translation>
    </message>
    <message>
        <source>The same again</source>
        <translation>Noch einmal</translation>
    </message>
    <message>
        <source>At least 8 characters. Once you have one, Dealdesk asks for it when you sign in.</source>
        <translation>Mindestens 8 Zeichen. Sobald Sie eins haben, fragt Dealdesk bei der Anmeldung danach.</translation>
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation>Die beiden neuen Passwörter sind verschieden.</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <source>Payment for %1</source>
        <translation>Zahlung zu %1</translation>
    </message>
    <message>
        <source>Bank transfer</source>
        <translation>Überweisung</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Bar</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Karte</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Paid on</source>
        <translation>Bezahlt am</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Wie</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
</context>
<context>
    <name>PeopleLabel</name>
    <message>
        <source>Only you in this file</source>
        <translation>Nur Sie in dieser Datei</translation>
    </message>
    <message numerus="yes">
        <source>%Ln people in this file</source>
        <translation><numerusform>%Ln Person in dieser Datei</numerusform><numerusform>%Ln Personen in dieser Datei</numerusform></translation>
    </message>
    <message>
        <source>%1 on %2, since %3</source>
        <translation>%1 an %2, seit %3</translation>
    </message>
    <message>
        <source>(you)</source>
        <translation>(Sie)</translation>
    </message>
</context>
<context>
    <name>PeopleSettings</name>
    <message>
        <source>Users and departments</source>
        <translation>Benutzer und Abteilungen</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Abteilung</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>Leitung</translation>
    </message>
    <message>
        <source>New department…</source>
        <translation>Neue Abteilung …</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten …</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen …</translation>
    </message>
    <message>
        <source>Find a person</source>
        <translation>Person suchen</translation>
    </message>
    <message>
        <source>Show deactivated</source>
        <translation>Deaktivierte zeigen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Login</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>New person…</source>
        <translation>Neue Person …</translation>
    </message>
    <message>
        <source>Move to…</source>
        <translation>Verschieben nach …</translation>
    </message>
    <message>
        <source>Set password…</source>
        <translation>Passwort setzen …</translation>
    </message>
    <message>
        <source>Deactivate…</source>
        <translation>Deaktivieren …</translation>
    </message>
    <message>
        <source>Everybody</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>deactivated</source>
        <translation>deaktiviert</translation>
    </message>
    <message>
        <source>Delete the department “%1”?</source>
        <translation>Die Abteilung „%1“ löschen?</translation>
    </message>
    <message>
        <source>Delete department</source>
        <translation>Abteilung löschen</translation>
    </message>
    <message>
        <source>Not deleted</source>
        <translation>Nicht gelöscht</translation>
    </message>
    <message>
        <source>(no department)</source>
        <translation>(keine Abteilung)</translation>
    </message>
    <message>
        <source>Move to a department</source>
        <translation>In eine Abteilung verschieben</translation>
    </message>
    <message numerus="yes">
        <source>Move %Ln person(s) to:</source>
        <translation><numerusform>%Ln Person verschieben nach:</numerusform><numerusform>%Ln Personen verschieben nach:</numerusform></translation>
    </message>
    <message>
        <source>Not moved</source>
        <translation>Nicht verschoben</translation>
    </message>
    <message>
        <source>Set password</source>
        <translation>Passwort setzen</translation>
    </message>
    <message>
        <source>New password for %1 (at least 8 characters):</source>
        <translation>Neues Passwort für %1 (mindestens 8 Zeichen):</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Nicht gesetzt</translation>
    </message>
    <message>
        <source>Deactivate %1? They can no longer sign in; their deals keep their name.</source>
        <translation>%1 deaktivieren? Die Person kann sich nicht mehr anmelden; ihre Deals behalten ihren Namen.</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Deaktivieren</translation>
    </message>
    <message>
        <source>Not deactivated</source>
        <translation>Nicht deaktiviert</translation>
    </message>
    <message>
        <source> (department)</source>
        <translation> (Abteilung)</translation>
    </message>
    <message>
        <source> (everybody)</source>
        <translation> (alle)</translation>
    </message>
    <message>
        <source>%1 (deactivated)</source>
        <translation>%1 (deaktiviert)</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>Edit person</source>
        <translation>Person bearbeiten</translation>
    </message>
    <message>
        <source>New person</source>
        <translation>Neue Person</translation>
    </message>
    <message>
        <source>(no department)</source>
        <translation>(keine Abteilung)</translation>
    </message>
    <message>
        <source>Administrator: may do everything, rights do not apply</source>
        <translation>Administrator: darf alles, Rechte gelten nicht</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Login</source>
        <translation>&amp;Login</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Abteilung</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>The same again</source>
        <translation>Noch einmal</translation>
    </message>
    <message>
        <source>At least 8 characters; they can change it later. Empty: none yet.</source>
        <translation>Mindestens 8 Zeichen; die Person kann es später ändern. Leer: noch keins.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Die beiden Passwörter sind verschieden.</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
</context>
<context>
    <name>PipelinesSettings</name>
    <message>
        <source>In progress</source>
        <translation>In Bearbeitung</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>Erfolg</translation>
    </message>
    <message>
        <source>Failure</source>
        <translation>Misserfolg</translation>
    </message>
    <message>
        <source>Pipelines and stages</source>
        <translation>Pipelines und Phasen</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>Neu …</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Umbenennen …</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen …</translation>
    </message>
    <message>
        <source>Move the pipeline up</source>
        <translation>Pipeline nach oben</translation>
    </message>
    <message>
        <source>Move the pipeline down</source>
        <translation>Pipeline nach unten</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Farbe</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Wahrscheinlichkeit</translation>
    </message>
    <message>
        <source>Idle after</source>
        <translation>Ruhend nach</translation>
    </message>
    <message>
        <source>Ø days in it</source>
        <translation>Ø Tage darin</translation>
    </message>
    <message>
        <source>Add stage</source>
        <translation>Phase hinzufügen</translation>
    </message>
    <message>
        <source>Add failure stage</source>
        <translation>Misserfolgsphase hinzufügen</translation>
    </message>
    <message>
        <source>Delete stage…</source>
        <translation>Phase löschen …</translation>
    </message>
    <message>
        <source>Move the stage up</source>
        <translation>Phase nach oben</translation>
    </message>
    <message>
        <source>Move the stage down</source>
        <translation>Phase nach unten</translation>
    </message>
    <message>
        <source>Tunnels: drag from a stage to a stage of another pipeline. A deal reaching the first is copied into the second (dashed arrow) or moved there (solid arrow); double-click an arrow to switch, select it and press Delete to remove it.</source>
        <translation>Tunnel: von einer Phase auf eine Phase einer anderen Pipeline ziehen. Ein Deal, der die erste erreicht, wird in die zweite kopiert (gestrichelter Pfeil) oder dorthin verschoben (durchgezogener Pfeil); Doppelklick auf einen Pfeil wechselt, auswählen und Entf drücken entfernt ihn.</translation>
    </message>
    <message>
        <source>Changing pipelines needs the right to manage settings.</source>
        <translation>Pipelines zu ändern erfordert das Recht, Einstellungen zu verwalten.</translation>
    </message>
    <message>
        <source> (default)</source>
        <translation> (Standard)</translation>
    </message>
    <message>
        <source>Double-click to choose a colour</source>
        <translation>Doppelklick, um eine Farbe zu wählen</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Stage not changed</source>
        <translation>Phase nicht geändert</translation>
    </message>
    <message>
        <source>Colour of “%1”</source>
        <translation>Farbe von „%1“</translation>
    </message>
    <message>
        <source>New pipeline</source>
        <translation>Neue Pipeline</translation>
    </message>
    <message>
        <source>Name of the pipeline</source>
        <translation>Name der Pipeline</translation>
    </message>
    <message>
        <source>Pipeline not created</source>
        <translation>Pipeline nicht angelegt</translation>
    </message>
    <message>
        <source>Rename pipeline</source>
        <translation>Pipeline umbenennen</translation>
    </message>
    <message>
        <source>Pipeline not renamed</source>
        <translation>Pipeline nicht umbenannt</translation>
    </message>
    <message>
        <source>Delete pipeline</source>
        <translation>Pipeline löschen</translation>
    </message>
    <message>
        <source>The default pipeline can't be deleted.</source>
        <translation>Die Standard-Pipeline kann nicht gelöscht werden.</translation>
    </message>
    <message numerus="yes">
        <source>“%1” holds %Ln deal(s). Where do they go?</source>
        <translation><numerusform>„%1“ enthält %Ln Deal. Wohin soll er?</numerusform><numerusform>„%1“ enthält %Ln Deals. Wohin sollen sie?</numerusform></translation>
    </message>
    <message>
        <source>Delete the pipeline “%1”?</source>
        <translation>Die Pipeline „%1“ löschen?</translation>
    </message>
    <message>
        <source>Pipeline not deleted</source>
        <translation>Pipeline nicht gelöscht</translation>
    </message>
    <message>
        <source>Not moved</source>
        <translation>Nicht verschoben</translation>
    </message>
    <message>
        <source>New stage</source>
        <translation>Neue Phase</translation>
    </message>
    <message>
        <source>New failure stage</source>
        <translation>Neue Misserfolgsphase</translation>
    </message>
    <message>
        <source>Name of the stage</source>
        <translation>Name der Phase</translation>
    </message>
    <message>
        <source>Stage not added</source>
        <translation>Phase nicht hinzugefügt</translation>
    </message>
    <message>
        <source>Delete stage</source>
        <translation>Phase löschen</translation>
    </message>
    <message>
        <source>Delete the stage “%1”?</source>
        <translation>Die Phase „%1“ löschen?</translation>
    </message>
    <message>
        <source>Stage not deleted</source>
        <translation>Phase nicht gelöscht</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <source>Sales plan</source>
        <translation>Verkaufsplan</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Quartal</translation>
    </message>
    <message>
        <source>Targets per person, in the base currency; an empty cell has none. A quarter's target is spread evenly over its three months.</source>
        <translation>Ziele je Person in der Basiswährung; eine leere Zelle hat keines. Das Ziel eines Quartals wird gleichmäßig auf seine drei Monate verteilt.</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>&amp;Jahr:</translation>
    </message>
    <message>
        <source>&amp;Targets per:</source>
        <translation>&amp;Ziele je:</translation>
    </message>
    <message>
        <source>Q%1</source>
        <translation>Q%1</translation>
    </message>
    <message>
        <source>Plan not saved</source>
        <translation>Plan nicht gespeichert</translation>
    </message>
    <message>
        <source>'%1' is not an amount.</source>
        <translation>„%1“ ist kein Betrag.</translation>
    </message>
    <message>
        <source>A target is an amount from 0 upward.</source>
        <translation>Ein Ziel ist ein Betrag ab 0.</translation>
    </message>
    <message>
        <source>Save the plan of %1 first?</source>
        <translation>Zuerst den Plan für %1 speichern?</translation>
    </message>
    <message>
        <source>Close without saving the changed targets?</source>
        <translation>Ohne Speichern der geänderten Ziele schließen?</translation>
    </message>
</context>
<context>
    <name>ProductDialog</name>
    <message>
        <source>Edit product</source>
        <translation>Produkt bearbeiten</translation>
    </message>
    <message>
        <source>New product</source>
        <translation>Neues Produkt</translation>
    </message>
    <message>
        <source>Tax included in the price</source>
        <translation>Steuer im Preis enthalten</translation>
    </message>
    <message>
        <source>Offered in deals</source>
        <translation>In Deals angeboten</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>Artikelnummer</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Einheit</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>Tax rate %</source>
        <translation>Steuersatz %</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Product not saved</source>
        <translation>Produkt nicht gespeichert</translation>
    </message>
</context>
<context>
    <name>ProductRowsModel</name>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Einheit</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Rabatt</translation>
    </message>
    <message>
        <source>Discount in</source>
        <translation>Rabatt in</translation>
    </message>
    <message>
        <source>Tax %</source>
        <translation>Steuer %</translation>
    </message>
    <message>
        <source>Tax incl.</source>
        <translation>Steuer inkl.</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
</context>
<context>
    <name>ProductsSettings</name>
    <message>
        <source>Products</source>
        <translation>Produkte</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>Artikelnummer</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>Steuer</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>New product…</source>
        <translation>Neues Produkt …</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten …</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen …</translation>
    </message>
    <message>
        <source>Every section</source>
        <translation>Alle Bereiche</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Delete the product “%1”? Deals keep their rows with its name and price; to stop offering it, switch it off instead (Edit…).</source>
        <translation>Das Produkt „%1“ löschen? Deals behalten ihre Zeilen mit Name und Preis; um es nicht mehr anzubieten, schalten Sie es stattdessen ab (Bearbeiten …).</translation>
    </message>
    <message>
        <source>Delete product</source>
        <translation>Produkt löschen</translation>
    </message>
    <message>
        <source>Product not deleted</source>
        <translation>Produkt nicht gelöscht</translation>
    </message>
</context>
<context>
    <name>ProductsTab</name>
    <message>
        <source>Add from the catalog…</source>
        <translation>Aus dem Katalog hinzufügen …</translation>
    </message>
    <message>
        <source>Add a row</source>
        <translation>Zeile hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>The deal's amount is the total of its products</source>
        <translation>Der Betrag des Deals ist die Summe seiner Produkte</translation>
    </message>
    <message>
        <source>Discounts</source>
        <translation>Rabatte</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Netto</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>Steuer</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <source>New product</source>
        <translation>Neues Produkt</translation>
    </message>
    <message>
        <source>“%1” is not a number.</source>
        <translation>„%1“ ist keine Zahl.</translation>
    </message>
    <message>
        <source>%1 % : %2</source>
        <translation>%1 % : %2</translation>
    </message>
</context>
<context>
    <name>QuotesView</name>
    <message>
        <source>Draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Versendet</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Angenommen</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>All quotes</source>
        <translation>Alle Angebote</translation>
    </message>
    <message>
        <source>Open (draft or sent)</source>
        <translation>Offen (Entwurf oder versendet)</translation>
    </message>
    <message>
        <source>Expiring within a week</source>
        <translation>Laufen innerhalb einer Woche ab</translation>
    </message>
    <message>
        <source>+ Quote</source>
        <translation>+ Angebot</translation>
    </message>
    <message>
        <source>Revise</source>
        <translation>Überarbeiten</translation>
    </message>
    <message>
        <source>Accepted…</source>
        <translation>Angenommen…</translation>
    </message>
    <message>
        <source>Invoice it</source>
        <translation>Abrechnen</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Gültig bis</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stand</translation>
    </message>
    <message>
        <source>No quotes yet.</source>
        <translation>Noch keine Angebote.</translation>
    </message>
    <message>
        <source>Quotes</source>
        <translation>Angebote</translation>
    </message>
    <message>
        <source>Quote accepted</source>
        <translation>Angebot angenommen</translation>
    </message>
    <message>
        <source>Put the quote's lines on the deal (its products and amount)?</source>
        <translation>Die Positionen des Angebots in den Deal übernehmen (Produkte und Betrag)?</translation>
    </message>
    <message>
        <source>A draft invoice was made from the quote.</source>
        <translation>Aus dem Angebot wurde ein Rechnungsentwurf erstellt.</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <source>Open the quote's document (as its lines are now)</source>
        <translation>Das Dokument des Angebots öffnen (mit seinen jetzigen Positionen)</translation>
    </message>
    <message>
        <source>Edit lines…</source>
        <translation>Positionen bearbeiten …</translation>
    </message>
    <message>
        <source>Lines of %1</source>
        <translation>Positionen von %1</translation>
    </message>
</context>
<context>
    <name>RecordBox</name>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten …</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen …</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
</context>
<context>
    <name>RecordWorkflows</name>
    <message>
        <source>Start workflow…</source>
        <translation>Workflow starten…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>No workflow has run on this record yet.</source>
        <translation>Auf diesem Datensatz ist noch kein Workflow gelaufen.</translation>
    </message>
    <message>
        <source>Path taken:</source>
        <translation>Genommener Weg:</translation>
    </message>
    <message>
        <source>Workflows</source>
        <translation>Workflows</translation>
    </message>
</context>
<context>
    <name>ReminderClock</name>
    <message>
        <source>Reminder</source>
        <translation>Erinnerung</translation>
    </message>
    <message>
        <source>Missed reminder</source>
        <translation>Verpasste Erinnerung</translation>
    </message>
    <message numerus="yes">
        <source>%Ln reminder(s) came while Dealdesk was closed: %1</source>
        <translation><numerusform>%Ln Erinnerung kam, während Dealdesk geschlossen war: %1</numerusform><numerusform>%Ln Erinnerungen kamen, während Dealdesk geschlossen war: %1</numerusform></translation>
    </message>
    <message>
        <source>Missed reminders</source>
        <translation>Verpasste Erinnerungen</translation>
    </message>
</context>
<context>
    <name>ReminderToast</name>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>RequiredFieldsDialog</name>
    <message>
        <source>Fill in to move</source>
        <translation>Zum Verschieben ausfüllen</translation>
    </message>
    <message numerus="yes">
        <source>Stage “%1” needs these fields. What you enter goes to the %Ln deal(s) that lack them.</source>
        <translation><numerusform>Die Phase „%1“ braucht diese Felder. Was Sie eingeben, erhält der %Ln Deal, dem sie fehlen.</numerusform><numerusform>Die Phase „%1“ braucht diese Felder. Was Sie eingeben, erhalten die %Ln Deals, denen sie fehlen.</numerusform></translation>
    </message>
    <message>
        <source>Every field here is needed for the move.</source>
        <translation>Jedes Feld hier wird für das Verschieben gebraucht.</translation>
    </message>
</context>
<context>
    <name>RoleMatrix</name>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Own</source>
        <translation>Eigene</translation>
    </message>
    <message>
        <source>Own department</source>
        <translation>Eigene Abteilung</translation>
    </message>
    <message>
        <source>Department and sub-departments</source>
        <translation>Abteilung und Unterabteilungen</translation>
    </message>
    <message>
        <source>Own and open</source>
        <translation>Eigene und offene</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Lesen</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Anlegen</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Ändern</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>Deals</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <source>Companies</source>
        <translation>Unternehmen</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>Leads</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Dokumente</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Datensätze</translation>
    </message>
    <message>
        <source>May move into</source>
        <translation>Darf verschieben in</translation>
    </message>
    <message>
        <source>As above: %1</source>
        <translation>Wie oben: %1</translation>
    </message>
    <message>
        <source>the stages ticked below</source>
        <translation>die unten angehakten Phasen</translation>
    </message>
    <message>
        <source>any stage</source>
        <translation>jede Phase</translation>
    </message>
    <message>
        <source>no stage</source>
        <translation>keine Phase</translation>
    </message>
    <message>
        <source>as above</source>
        <translation>wie oben</translation>
    </message>
</context>
<context>
    <name>RolesSettings</name>
    <message>
        <source>Roles and access rights</source>
        <translation>Rollen und Zugriffsrechte</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>Neu …</translation>
    </message>
    <message>
        <source>Copy…</source>
        <translation>Kopieren …</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Umbenennen …</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen …</translation>
    </message>
    <message>
        <source>May manage settings (users, roles, pipelines, fields, …)</source>
        <translation>Darf Einstellungen verwalten (Benutzer, Rollen, Pipelines, Felder, …)</translation>
    </message>
    <message>
        <source>May manage automation</source>
        <translation>Darf Automatisierung verwalten</translation>
    </message>
    <message>
        <source>Sees the sums of lists and kanban columns</source>
        <translation>Sieht die Summen von Listen und Kanban-Spalten</translation>
    </message>
    <message>
        <source>their own figures</source>
        <translation>die eigenen Zahlen</translation>
    </message>
    <message>
        <source>their department's</source>
        <translation>die der Abteilung</translation>
    </message>
    <message>
        <source>everybody's</source>
        <translation>die aller</translation>
    </message>
    <message>
        <source>Analytics shows</source>
        <translation>Analysen zeigen</translation>
    </message>
    <message>
        <source>Give to…</source>
        <translation>Vergeben an …</translation>
    </message>
    <message>
        <source>Take from…</source>
        <translation>Entziehen …</translation>
    </message>
    <message>
        <source>(the role above)</source>
        <translation>(die Rolle oben)</translation>
    </message>
    <message>
        <source>What can this person do?</source>
        <translation>Was darf diese Person?</translation>
    </message>
    <message>
        <source>Save role</source>
        <translation>Rolle speichern</translation>
    </message>
    <message>
        <source>everybody</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>%1 with its sub-departments</source>
        <translation>%1 mit Unterabteilungen</translation>
    </message>
    <message>
        <source>Held by: %1</source>
        <translation>Vergeben an: %1</translation>
    </message>
    <message>
        <source>Nobody holds this role.</source>
        <translation>Niemand hat diese Rolle.</translation>
    </message>
    <message>
        <source>%1 as an administrator may do everything.</source>
        <translation>%1 darf als Administrator alles.</translation>
    </message>
    <message>
        <source>What %1 may do through all their roles together (read only).</source>
        <translation>Was %1 durch alle eigenen Rollen zusammen darf (nur lesen).</translation>
    </message>
    <message>
        <source>Role not saved</source>
        <translation>Rolle nicht gespeichert</translation>
    </message>
    <message>
        <source>Saved. People holding the role have these rights from their next step on.</source>
        <translation>Gespeichert. Wer die Rolle hat, hat diese Rechte ab dem nächsten Schritt.</translation>
    </message>
    <message>
        <source>New role</source>
        <translation>Neue Rolle</translation>
    </message>
    <message>
        <source>Name of the role:</source>
        <translation>Name der Rolle:</translation>
    </message>
    <message>
        <source>Copy role</source>
        <translation>Rolle kopieren</translation>
    </message>
    <message>
        <source>Name of the copy:</source>
        <translation>Name der Kopie:</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (Kopie)</translation>
    </message>
    <message>
        <source>Rename role</source>
        <translation>Rolle umbenennen</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Neuer Name:</translation>
    </message>
    <message>
        <source>Delete the role “%1”? Those who hold it lose what it gives them.</source>
        <translation>Die Rolle „%1“ löschen? Wer sie hat, verliert, was sie gibt.</translation>
    </message>
    <message>
        <source>Delete role</source>
        <translation>Rolle löschen</translation>
    </message>
    <message>
        <source>Everybody</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Person: %1</source>
        <translation>Person: %1</translation>
    </message>
    <message>
        <source>Department: %1</source>
        <translation>Abteilung: %1</translation>
    </message>
    <message>
        <source>Department with its sub-departments: %1</source>
        <translation>Abteilung mit Unterabteilungen: %1</translation>
    </message>
    <message>
        <source>Give the role</source>
        <translation>Rolle vergeben</translation>
    </message>
    <message>
        <source>Give “%1” to:</source>
        <translation>„%1“ vergeben an:</translation>
    </message>
    <message>
        <source>Take the role</source>
        <translation>Rolle entziehen</translation>
    </message>
    <message>
        <source>Take “%1” from:</source>
        <translation>„%1“ entziehen:</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>Nicht ausgeführt</translation>
    </message>
</context>
<context>
    <name>RuleDialog</name>
    <message>
        <source>Edit rule</source>
        <translation>Regel bearbeiten</translation>
    </message>
    <message>
        <source>New rule</source>
        <translation>Neue Regel</translation>
    </message>
    <message>
        <source>h</source>
        <translation>Std.</translation>
    </message>
    <message>
        <source>The deal's responsible person</source>
        <translation>Die verantwortliche Person des Deals</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Due after</source>
        <translation>Fällig nach</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Für</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>Neuer Wert</translation>
    </message>
    <message>
        <source>In turn (round robin)</source>
        <translation>Reihum (Round Robin)</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personen</translation>
    </message>
    <message>
        <source>To stage</source>
        <translation>In Phase</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>The deal's contact (else its company)</source>
        <translation>Der Kontakt des Deals (sonst sein Unternehmen)</translation>
    </message>
    <message>
        <source>The deal's company (else its contact)</source>
        <translation>Das Unternehmen des Deals (sonst sein Kontakt)</translation>
    </message>
    <message>
        <source>Dear {{ contact.first_name }}, …</source>
        <translation>Guten Tag {{ contact.first_name }}, …</translation>
    </message>
    <message>
        <source>No attachment</source>
        <translation>Kein Anhang</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Attach a document</source>
        <translation>Dokument anhängen</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <source>At once</source>
        <translation>Sofort</translation>
    </message>
    <message>
        <source>After a delay</source>
        <translation>Nach einer Wartezeit</translation>
    </message>
    <message>
        <source>Days before a date of the deal</source>
        <translation>Tage vor einem Datum des Deals</translation>
    </message>
    <message>
        <source>Days after a date of the deal</source>
        <translation>Tage nach einem Datum des Deals</translation>
    </message>
    <message>
        <source>At a time of day</source>
        <translation>Zu einer Uhrzeit</translation>
    </message>
    <message>
        <source>min</source>
        <translation>Min.</translation>
    </message>
    <message>
        <source>Only on working days and hours (Settings › Automation)</source>
        <translation>Nur an Arbeitstagen und zu Arbeitszeiten (Einstellungen › Automatisierung)</translation>
    </message>
    <message>
        <source>After the previous rule (its delay counts from there)</source>
        <translation>Nach der vorigen Regel (ihre Wartezeit zählt ab dort)</translation>
    </message>
    <message>
        <source>Run even if the deal has moved on by then</source>
        <translation>Auch ausführen, wenn der Deal bis dahin weitergezogen ist</translation>
    </message>
    <message>
        <source>contains</source>
        <translation>enthält</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>ist leer</translation>
    </message>
    <message>
        <source>is not empty</source>
        <translation>ist nicht leer</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>the system</source>
        <translation>das System</translation>
    </message>
    <message>
        <source>The rule acts with the rights of the person who saves it: %1.</source>
        <translation>Die Regel handelt mit den Rechten der Person, die sie speichert: %1.</translation>
    </message>
    <message>
        <source>Try on a deal…</source>
        <translation>An einem Deal ausprobieren…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Does</source>
        <translation>Tut</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Delay</source>
        <translation>Wartezeit</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Tage</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>At</source>
        <translation>Um</translation>
    </message>
    <message>
        <source>Only if</source>
        <translation>Nur wenn</translation>
    </message>
    <message>
        <source>Try on a deal</source>
        <translation>An einem Deal ausprobieren</translation>
    </message>
    <message>
        <source>Deal ID</source>
        <translation>Deal-ID</translation>
    </message>
    <message>
        <source>never (the deal lacks the date)</source>
        <translation>nie (dem Deal fehlt das Datum)</translation>
    </message>
    <message>
        <source>its conditions do not hold now</source>
        <translation>ihre Bedingungen sind jetzt nicht erfüllt</translation>
    </message>
    <message>
        <source>No rule of this stage would run.</source>
        <translation>Keine Regel dieser Phase würde laufen.</translation>
    </message>
    <message>
        <source>What would happen</source>
        <translation>Was geschehen würde</translation>
    </message>
</context>
<context>
    <name>RunLogDialog</name>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Late, not run</source>
        <translation>Verspätet, nicht ausgeführt</translation>
    </message>
    <message>
        <source>Automation run log</source>
        <translation>Ausführungsprotokoll der Automatisierung</translation>
    </message>
    <message>
        <source>Every outcome</source>
        <translation>Jedes Ergebnis</translation>
    </message>
    <message>
        <source>Search by deal or rule…</source>
        <translation>Nach Deal oder Regel suchen…</translation>
    </message>
    <message>
        <source>Run again</source>
        <translation>Erneut ausführen</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Rule or trigger</source>
        <translation>Regel oder Auslöser</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>Deal</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Was geschah</translation>
    </message>
    <message>
        <source>%1 waiting · %2 failed · %3 done</source>
        <translation>%1 wartend · %2 fehlgeschlagen · %3 erledigt</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>In der Warteschlange</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
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
        <translation>Stand</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Server's answer</source>
        <translation>Antwort des Servers</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Erneut senden</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <source>E-mails and SMS</source>
        <translation>E-Mails und SMS</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Wird gesendet</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
</context>
<context>
    <name>SectionEditor</name>
    <message>
        <source>Name of the section</source>
        <translation>Name des Abschnitts</translation>
    </message>
    <message>
        <source>Two columns</source>
        <translation>Zwei Spalten</translation>
    </message>
    <message>
        <source>Move the section up</source>
        <translation>Abschnitt nach oben</translation>
    </message>
    <message>
        <source>Move the section down</source>
        <translation>Abschnitt nach unten</translation>
    </message>
    <message>
        <source>Remove the section (its fields become hidden)</source>
        <translation>Abschnitt entfernen (seine Felder werden ausgeblendet)</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>As the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>The new language shows when Dealdesk starts again.</source>
        <translation>Die neue Sprache erscheint beim nächsten Start von Dealdesk.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Language of the window</source>
        <translation>Sprache der Oberfläche</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>Verwendet</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>niemand</translation>
    </message>
    <message>
        <source>Signed in as</source>
        <translation>Angemeldet als</translation>
    </message>
    <message>
        <source>Back up database…</source>
        <translation>Datenbank sichern …</translation>
    </message>
    <message>
        <source>Save reasons</source>
        <translation>Gründe speichern</translation>
    </message>
    <message>
        <source>Offered when a deal is lost, one per line; people can add details in their own words.</source>
        <translation>Zur Auswahl, wenn ein Deal verloren geht, einer pro Zeile; Details können in eigenen Worten ergänzt werden.</translation>
    </message>
    <message>
        <source>Changing them needs the right to manage settings.</source>
        <translation>Sie zu ändern erfordert das Recht, Einstellungen zu verwalten.</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>Deals</translation>
    </message>
    <message>
        <source>Reasons a deal is lost</source>
        <translation>Gründe für verlorene Deals</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
    <message numerus="yes">
        <source>Saved: %Ln reason(s).</source>
        <translation><numerusform>Gespeichert: %Ln Grund.</numerusform><numerusform>Gespeichert: %Ln Gründe.</numerusform></translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation>Jetzt neu starten</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>Pipelines and stages</source>
        <translation>Pipelines und Phasen</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>Produkte</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Dokumente</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Felder</translation>
    </message>
    <message>
        <source>Users and departments</source>
        <translation>Benutzer und Abteilungen</translation>
    </message>
    <message>
        <source>Roles and access rights</source>
        <translation>Rollen und Zugriffsrechte</translation>
    </message>
    <message>
        <source>Change my password…</source>
        <translation>Mein Passwort ändern …</translation>
    </message>
    <message>
        <source>Password set</source>
        <translation>Passwort gesetzt</translation>
    </message>
    <message>
        <source>Your password is set; Dealdesk asks for it when you sign in.</source>
        <translation>Ihr Passwort ist gesetzt; Dealdesk fragt bei der Anmeldung danach.</translation>
    </message>
    <message>
        <source>Automation</source>
        <translation>Automatisierung</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>E-mail and SMS</source>
        <translation>E-Mail und SMS</translation>
    </message>
    <message>
        <source>Workflows</source>
        <translation>Workflows</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Deals</source>
        <translation>Deals</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <source>Companies</source>
        <translation>Unternehmen</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>Leads</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <source>Analytics</source>
        <translation>Analysen</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Invoices</source>
        <translation>Rechnungen</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to Dealdesk</source>
        <translation>Bei Dealdesk anmelden</translation>
    </message>
    <message>
        <source>Several people work in this database. Who is signing in?</source>
        <translation>In dieser Datenbank arbeiten mehrere Personen. Wer meldet sich an?</translation>
    </message>
    <message>
        <source>Leave empty if you have not set one yet</source>
        <translation>Leer lassen, wenn Sie noch keins gesetzt haben</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Choose who you are.</source>
        <translation>Wählen Sie, wer Sie sind.</translation>
    </message>
</context>
<context>
    <name>SmsSettings</name>
    <message>
        <source>SMS gateway (for automation)</source>
        <translation>SMS-Gateway (für die Automatisierung)</translation>
    </message>
    <message>
        <source>Send the parameters as JSON</source>
        <translation>Parameter als JSON senden</translation>
    </message>
    <message>
        <source>kept in this computer's password store</source>
        <translation>im Passwortspeicher dieses Computers gespeichert</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Key header</source>
        <translation>Header für den Schlüssel</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Country of local numbers</source>
        <translation>Land für Nummern ohne Vorwahl</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
</context>
<context>
    <name>StageTableModel</name>
    <message numerus="yes">
        <source>%Ln day(s)</source>
        <translation><numerusform>%Ln Tag</numerusform><numerusform>%Ln Tage</numerusform></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Farbe</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Wahrscheinlichkeit</translation>
    </message>
    <message>
        <source>Idle after</source>
        <translation>Ruhend nach</translation>
    </message>
    <message>
        <source>Ø days in it</source>
        <translation>Ø Tage darin</translation>
    </message>
    <message>
        <source>Double-click to choose a colour</source>
        <translation>Doppelklick, um eine Farbe zu wählen</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>How to begin</source>
        <translation>Wie es losgeht</translation>
    </message>
    <message>
        <source>Everything is ready.</source>
        <translation>Alles ist bereit.</translation>
    </message>
    <message>
        <source>Start empty</source>
        <translation>Leer beginnen</translation>
    </message>
    <message>
        <source>Import my data (from a spreadsheet or another CRM)</source>
        <translation>Meine Daten importieren (aus einer Tabelle oder einem anderen CRM)</translation>
    </message>
    <message>
        <source>Look around with demo data (2,000 example deals in this database)</source>
        <translation>Mit Demodaten umsehen (2.000 Beispiel-Deals in dieser Datenbank)</translation>
    </message>
</context>
<context>
    <name>StartWorkflowDialog</name>
    <message>
        <source>Start a workflow</source>
        <translation>Workflow starten</translation>
    </message>
    <message numerus="yes">
        <source>On %n record(s).</source>
        <translation><numerusform>Auf %n Datensatz.</numerusform><numerusform>Auf %n Datensätzen.</numerusform></translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Workflow</source>
        <translation>Workflow</translation>
    </message>
    <message>
        <source>No workflow starts by hand for these records (Settings › Workflows).</source>
        <translation>Für diese Datensätze startet kein Workflow von Hand (Einstellungen › Workflows).</translation>
    </message>
</context>
<context>
    <name>StepEditor</name>
    <message>
        <source>The record's responsible person</source>
        <translation>Die verantwortliche Person des Datensatzes</translation>
    </message>
    <message>
        <source>Their manager (head of department)</source>
        <translation>Deren Führungskraft (Abteilungsleitung)</translation>
    </message>
    <message>
        <source>Who started the workflow</source>
        <translation>Wer den Workflow gestartet hat</translation>
    </message>
    <message>
        <source>Choose a step to see its settings, or drag one in from the left.</source>
        <translation>Wählen Sie einen Schritt, um seine Einstellungen zu sehen, oder ziehen Sie einen von links herein.</translation>
    </message>
    <message>
        <source>What it is for (shown on the path)</source>
        <translation>Wofür er ist (auf dem Weg angezeigt)</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>A variable is var:name, an earlier step's outcome step:id. No condition: the branch taken otherwise.</source>
        <translation>Eine Variable ist var:name, das Ergebnis eines früheren Schritts step:id. Ohne Bedingung: der Zweig für alle anderen Fälle.</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <source>Taken if</source>
        <translation>Genommen, wenn</translation>
    </message>
    <message>
        <source>For a time</source>
        <translation>Eine Zeit lang</translation>
    </message>
    <message>
        <source>Until a date of the record</source>
        <translation>Bis zu einem Datum des Datensatzes</translation>
    </message>
    <message>
        <source>Until a field changes</source>
        <translation>Bis sich ein Feld ändert</translation>
    </message>
    <message>
        <source>Until a task of an earlier step is done</source>
        <translation>Bis eine Aufgabe eines früheren Schritts erledigt ist</translation>
    </message>
    <message>
        <source>h</source>
        <translation>Std.</translation>
    </message>
    <message>
        <source>days</source>
        <translation>Tage</translation>
    </message>
    <message>
        <source>the id of the step that made the task</source>
        <translation>die ID des Schritts, der die Aufgabe angelegt hat</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>unbegrenzt</translation>
    </message>
    <message>
        <source>Wait</source>
        <translation>Warten</translation>
    </message>
    <message>
        <source>How long</source>
        <translation>Wie lange</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Days from the date</source>
        <translation>Tage ab dem Datum</translation>
    </message>
    <message>
        <source>Task of step</source>
        <translation>Aufgabe des Schritts</translation>
    </message>
    <message>
        <source>At most</source>
        <translation>Höchstens</translation>
    </message>
    <message>
        <source>Any one of them</source>
        <translation>Eine Person davon</translation>
    </message>
    <message>
        <source>All of them</source>
        <translation>Alle davon</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Task title</source>
        <translation>Titel der Aufgabe</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>Freigabe durch</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>Braucht</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Frist</translation>
    </message>
    <message>
        <source>Then also ask</source>
        <translation>Danach auch fragen</translation>
    </message>
    <message>
        <source>Variable</source>
        <translation>Variable</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Workflow</source>
        <translation>Workflow</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>The first branch whose conditions hold is taken (select a branch).</source>
        <translation>Der erste Zweig, dessen Bedingungen zutreffen, wird genommen (wählen Sie einen Zweig).</translation>
    </message>
    <message>
        <source>All branches run at once; the workflow goes on when all are done.</source>
        <translation>Alle Zweige laufen gleichzeitig; der Workflow geht weiter, wenn alle fertig sind.</translation>
    </message>
    <message>
        <source>The workflow ends here, whatever else still runs.</source>
        <translation>Der Workflow endet hier, was auch immer sonst noch läuft.</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message numerus="yes">
        <source>%Ln deal(s)</source>
        <translation><numerusform>%Ln Deal</numerusform><numerusform>%Ln Deals</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln new compan(y/ies)</source>
        <translation><numerusform>%Ln neues Unternehmen</numerusform><numerusform>%Ln neue Unternehmen</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln new contact(s)</source>
        <translation><numerusform>%Ln neuer Kontakt</numerusform><numerusform>%Ln neue Kontakte</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln new person/people</source>
        <translation><numerusform>%Ln neue Person</numerusform><numerusform>%Ln neue Personen</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln new product(s)</source>
        <translation><numerusform>%Ln neues Produkt</numerusform><numerusform>%Ln neue Produkte</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln imported before, skipped</source>
        <translation><numerusform>%Ln schon importiert, übersprungen</numerusform><numerusform>%Ln schon importiert, übersprungen</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln note(s)</source>
        <translation><numerusform>%Ln Hinweis</numerusform><numerusform>%Ln Hinweise</numerusform></translation>
    </message>
    <message>
        <source>Ready to import: %1.</source>
        <translation>Bereit zum Import: %1.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln kind(s) of problem in the file: nothing can be imported yet (%1).</source>
        <translation><numerusform>%Ln Art von Problem in der Datei: Noch kann nichts importiert werden (%1).</numerusform><numerusform>%Ln Arten von Problemen in der Datei: Noch kann nichts importiert werden (%1).</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>… and %Ln more kind(s) of problem.</source>
        <translation><numerusform>… und %Ln weitere Art von Problem.</numerusform><numerusform>… und %Ln weitere Arten von Problemen.</numerusform></translation>
    </message>
    <message>
        <source>Not imported (no field chosen): %1</source>
        <translation>Nicht importiert (kein Feld gewählt): %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln to update</source>
        <translation><numerusform>%Ln zu aktualisieren</numerusform><numerusform>%Ln zu aktualisieren</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln new record(s)</source>
        <translation><numerusform>%Ln neuer Datensatz</numerusform><numerusform>%Ln neue Datensätze</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln there already, skipped</source>
        <translation><numerusform>%Ln schon vorhanden, übersprungen</numerusform><numerusform>%Ln schon vorhanden, übersprungen</numerusform></translation>
    </message>
    <message>
        <source>Every row passed the check: nothing needs your attention.</source>
        <translation>Jede Zeile hat die Prüfung bestanden: Nichts braucht Ihre Aufmerksamkeit.</translation>
    </message>
</context>
<context>
    <name>TaskDialog</name>
    <message>
        <source>To-do</source>
        <translation>To-do</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Anruf</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Termin</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>New task</source>
        <translation>Neue Aufgabe</translation>
    </message>
    <message>
        <source>All day</source>
        <translation>Ganztägig</translation>
    </message>
    <message>
        <source>min</source>
        <translation>Min.</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>Deal</translation>
    </message>
    <message numerus="yes">
        <source>A task on %Ln deal(s)</source>
        <translation><numerusform>Eine Aufgabe für %Ln Deal</numerusform><numerusform>Eine Aufgabe für %Ln Deals</numerusform></translation>
    </message>
    <message>
        <source>Each deal's responsible person</source>
        <translation>Die verantwortliche Person jedes Deals</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>Erinnerung</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Verantwortlich</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Teilnehmende</translation>
    </message>
    <message>
        <source>Observers</source>
        <translation>Beobachtende</translation>
    </message>
    <message>
        <source>No reminder</source>
        <translation>Keine Erinnerung</translation>
    </message>
    <message>
        <source>At the due time</source>
        <translation>Zum Fälligkeitszeitpunkt</translation>
    </message>
    <message>
        <source>5 minutes before</source>
        <translation>5 Minuten vorher</translation>
    </message>
    <message>
        <source>15 minutes before</source>
        <translation>15 Minuten vorher</translation>
    </message>
    <message>
        <source>30 minutes before</source>
        <translation>30 Minuten vorher</translation>
    </message>
    <message>
        <source>1 hour before</source>
        <translation>1 Stunde vorher</translation>
    </message>
    <message>
        <source>1 day before</source>
        <translation>1 Tag vorher</translation>
    </message>
    <message>
        <source>Edit task</source>
        <translation>Aufgabe bearbeiten</translation>
    </message>
</context>
<context>
    <name>TasksView</name>
    <message>
        <source>Tasks</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <source>My tasks</source>
        <translation>Meine Aufgaben</translation>
    </message>
    <message>
        <source>All I may see</source>
        <translation>Alle, die ich sehen darf</translation>
    </message>
    <message>
        <source>Every kind</source>
        <translation>Jede Art</translation>
    </message>
    <message>
        <source>Search tasks…</source>
        <translation>Aufgaben suchen…</translation>
    </message>
    <message>
        <source>+ Task</source>
        <translation>+ Aufgabe</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>Deal</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Verantwortlich</translation>
    </message>
    <message>
        <source>No tasks: all done, or none planned yet. “+ Task” plans one.</source>
        <translation>Keine Aufgaben: alles erledigt oder noch nichts geplant. „+ Aufgabe“ plant eine.</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Überfällig</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation>Morgen</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Diese Woche</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Später</translation>
    </message>
    <message>
        <source>No date</source>
        <translation>Ohne Datum</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Task done</source>
        <translation>Aufgabe erledigt</translation>
    </message>
    <message>
        <source>What came of “%1”?</source>
        <translation>Was ist bei „%1“ herausgekommen?</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>Erledigt: %1</translation>
    </message>
    <message>
        <source>+ Activity</source>
        <translation>+ Aktivität</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>What's next?</source>
        <translation>Wie geht es weiter?</translation>
    </message>
    <message>
        <source>Nothing else is planned for “%1”. Plan the next step?</source>
        <translation>Für „%1“ ist nichts weiter geplant. Den nächsten Schritt planen?</translation>
    </message>
    <message>
        <source>… and %1 more: search or choose a kind to narrow them down</source>
        <translation>… und %1 weitere: Suchen oder eine Art wählen, um sie einzugrenzen</translation>
    </message>
    <message>
        <source>Linked to anything</source>
        <translation>Beliebig verknüpft</translation>
    </message>
    <message>
        <source>About a deal</source>
        <translation>Zu einem Deal</translation>
    </message>
    <message>
        <source>About a contact</source>
        <translation>Zu einem Kontakt</translation>
    </message>
    <message>
        <source>About a company</source>
        <translation>Zu einem Unternehmen</translation>
    </message>
    <message>
        <source>About a lead</source>
        <translation>Zu einem Lead</translation>
    </message>
    <message>
        <source>Not linked</source>
        <translation>Nicht verknüpft</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Open deal</source>
        <translation>Deal öffnen</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>Delete task</source>
        <translation>Aufgabe löschen</translation>
    </message>
    <message>
        <source>Delete the task “%1”?</source>
        <translation>Die Aufgabe „%1“ löschen?</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>Freigabe</translation>
    </message>
    <message>
        <source>This approval is not yours to answer, or answered already.</source>
        <translation>Diese Freigabe ist nicht Ihre oder wurde schon beantwortet.</translation>
    </message>
</context>
<context>
    <name>TemplateDialog</name>
    <message>
        <source>Document template</source>
        <translation>Dokumentvorlage</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Unknown placeholders (they stay empty): %1</source>
        <translation>Unbekannte Platzhalter (sie bleiben leer): %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Only for pipelines
(none ticked: all)</source>
        <translation>Nur für Pipelines
(keine angehakt: alle)</translation>
    </message>
    <message>
        <source>Uses</source>
        <translation>Verwendet</translation>
    </message>
    <message>
        <source>Template not saved</source>
        <translation>Vorlage nicht gespeichert</translation>
    </message>
</context>
<context>
    <name>TimelineTab</name>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Created “%1”</source>
        <translation>„%1“ angelegt</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Gelöscht</translation>
    </message>
    <message>
        <source>Made the document %1</source>
        <translation>Dokument %1 erstellt</translation>
    </message>
    <message>
        <source>Comment: %1</source>
        <translation>Kommentar: %1</translation>
    </message>
    <message>
        <source>E-mail to %1: %2</source>
        <translation>E-Mail an %1: %2</translation>
    </message>
    <message>
        <source>Automation “%1”: %2</source>
        <translation>Automatisierung „%1“: %2</translation>
    </message>
    <message>
        <source>Automation: %1</source>
        <translation>Automatisierung: %1</translation>
    </message>
    <message>
        <source>SMS to %1: %2</source>
        <translation>SMS an %1: %2</translation>
    </message>
</context>
<context>
    <name>TriggerDialog</name>
    <message>
        <source>New trigger</source>
        <translation>Neuer Auslöser</translation>
    </message>
    <message>
        <source>any new value</source>
        <translation>jeder neue Wert</translation>
    </message>
    <message>
        <source>Also move deals back (from a later stage)</source>
        <translation>Deals auch zurückverschieben (aus einer späteren Phase)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wenn</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Changed to</source>
        <translation>Geändert auf</translation>
    </message>
</context>
<context>
    <name>TunnelMap</name>
    <message>
        <source>Tunnel not added</source>
        <translation>Tunnel nicht angelegt</translation>
    </message>
    <message>
        <source>Tunnel not changed</source>
        <translation>Tunnel nicht geändert</translation>
    </message>
    <message>
        <source>Tunnel not removed</source>
        <translation>Tunnel nicht entfernt</translation>
    </message>
    <message>
        <source>Copies deals from %1 to %2</source>
        <translation>Kopiert Deals von %1 nach %2</translation>
    </message>
    <message>
        <source>Moves deals from %1 to %2</source>
        <translation>Verschiebt Deals von %1 nach %2</translation>
    </message>
</context>
<context>
    <name>UndoToast</name>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
</context>
<context>
    <name>ValuesPage</name>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>In the file</source>
        <translation>In der Datei</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>Means</source>
        <translation>Bedeutet</translation>
    </message>
    <message>
        <source>Create companies, contacts and products Dealdesk doesn't know yet</source>
        <translation>Unternehmen, Kontakte und Produkte anlegen, die Dealdesk noch nicht kennt</translation>
    </message>
    <message>
        <source>Create people for responsible names Dealdesk doesn't know</source>
        <translation>Personen für Verantwortliche anlegen, die Dealdesk nicht kennt</translation>
    </message>
    <message>
        <source>Skip deals imported before (the same ID)</source>
        <translation>Schon importierte Deals überspringen (dieselbe ID)</translation>
    </message>
    <message>
        <source>Every name in the file is known to Dealdesk.</source>
        <translation>Dealdesk kennt jeden Namen in der Datei.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln name(s) in the file are not known to Dealdesk. Say what each one means, or leave it blank; suggestions are preselected.</source>
        <translation><numerusform>%Ln Name in der Datei ist Dealdesk nicht bekannt. Sagen Sie, was er bedeutet, oder lassen Sie ihn leer; Vorschläge sind vorausgewählt.</numerusform><numerusform>%Ln Namen in der Datei sind Dealdesk nicht bekannt. Sagen Sie, was jeder bedeutet, oder lassen Sie ihn leer; Vorschläge sind vorausgewählt.</numerusform></translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— wählen —</translation>
    </message>
    <message>
        <source>(leave blank)</source>
        <translation>(leer lassen)</translation>
    </message>
    <message>
        <source>are refused: nothing is imported twice</source>
        <translation>werden abgelehnt: Nichts wird doppelt importiert</translation>
    </message>
    <message>
        <source>are skipped</source>
        <translation>werden übersprungen</translation>
    </message>
    <message>
        <source>are updated from the file (unless changed in Dealdesk since)</source>
        <translation>werden aus der Datei aktualisiert (außer seitdem in Dealdesk geändert)</translation>
    </message>
    <message>
        <source>Deals imported before (the same ID)</source>
        <translation>Schon importierte Deals (dieselbe ID)</translation>
    </message>
</context>
<context>
    <name>WherePage</name>
    <message>
        <source>Where your data lives</source>
        <translation>Wo Ihre Daten liegen</translation>
    </message>
    <message>
        <source>Dealdesk keeps everything in one database. Who works with it?</source>
        <translation>Dealdesk hält alles in einer Datenbank. Wer arbeitet damit?</translation>
    </message>
    <message>
        <source>Just me, on this computer</source>
        <translation>Nur ich, auf diesem Computer</translation>
    </message>
    <message>
        <source>An office file on a shared drive (2 to 10 people)</source>
        <translation>Eine Bürodatei auf einem Netzlaufwerk (2 bis 10 Personen)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen …</translation>
    </message>
    <message>
        <source>A PostgreSQL server</source>
        <translation>Ein PostgreSQL-Server</translation>
    </message>
    <message>
        <source>Test the connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>The office's database file</source>
        <translation>Die Datenbankdatei des Büros</translation>
    </message>
    <message>
        <source>Dealdesk databases (*.sqlite)</source>
        <translation>Dealdesk-Datenbanken (*.sqlite)</translation>
    </message>
    <message>
        <source>This file is on this computer's own disk: colleagues reach it only if the folder is shared. An office file belongs on the network drive (for example S:\ or /mnt/office).</source>
        <translation>Diese Datei liegt auf der eigenen Festplatte dieses Computers: Kollegen erreichen sie nur, wenn der Ordner freigegeben ist. Eine Bürodatei gehört auf das Netzlaufwerk (zum Beispiel S:\ oder /mnt/office).</translation>
    </message>
    <message>
        <source>On a network drive, Dealdesk uses SQLite's rollback journal, not the faster WAL mode: WAL needs memory shared between the computers, which network drives do not give reliably, and a database could be damaged.</source>
        <translation>Auf einem Netzlaufwerk nutzt Dealdesk das Rollback-Journal von SQLite, nicht den schnelleren WAL-Modus: WAL braucht gemeinsamen Speicher der Computer, den Netzlaufwerke nicht zuverlässig bieten, und eine Datenbank könnte beschädigt werden.</translation>
    </message>
    <message>
        <source>Connected: the server answers.</source>
        <translation>Verbunden: Der Server antwortet.</translation>
    </message>
    <message>
        <source>No connection: %1</source>
        <translation>Keine Verbindung: %1</translation>
    </message>
    <message>
        <source>That folder is not there. Is the network drive connected?</source>
        <translation>Diesen Ordner gibt es nicht. Ist das Netzlaufwerk verbunden?</translation>
    </message>
</context>
<context>
    <name>WorkflowDesigner</name>
    <message>
        <source>Edit workflow</source>
        <translation>Workflow bearbeiten</translation>
    </message>
    <message>
        <source>New workflow</source>
        <translation>Neuer Workflow</translation>
    </message>
    <message>
        <source>By hand (the record's menu, the list)</source>
        <translation>Von Hand (Menü des Datensatzes, die Liste)</translation>
    </message>
    <message>
        <source>When a record is created</source>
        <translation>Wenn ein Datensatz angelegt wird</translation>
    </message>
    <message>
        <source>When it changes, only these fields (empty: any):</source>
        <translation>Wenn er sich ändert, nur diese Felder (leer: jedes):</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Asked as</source>
        <translation>Gefragt als</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Needed</source>
        <translation>Pflicht</translation>
    </message>
    <message>
        <source>Add parameter</source>
        <translation>Parameter hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Runs on</source>
        <translation>Läuft auf</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Startet</translation>
    </message>
    <message>
        <source>Asked at the start</source>
        <translation>Beim Start gefragt</translation>
    </message>
    <message>
        <source>Drag a step into the workflow:</source>
        <translation>In den Workflow ziehen:</translation>
    </message>
    <message>
        <source>Steps (a branch holds the steps it runs):</source>
        <translation>Schritte (ein Zweig enthält die Schritte, die er ausführt):</translation>
    </message>
    <message>
        <source>Add branch</source>
        <translation>Zweig hinzufügen</translation>
    </message>
    <message>
        <source>Remove step</source>
        <translation>Schritt entfernen</translation>
    </message>
    <message>
        <source>Its steps act with the rights of the person who saves it. Saving a changed workflow makes a new version; running ones keep theirs.</source>
        <translation>Seine Schritte handeln mit den Rechten der Person, die ihn speichert. Ein geänderter Workflow wird als neue Version gespeichert; laufende behalten ihre.</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>Deals</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <source>Companies</source>
        <translation>Unternehmen</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>Leads</translation>
    </message>
    <message>
        <source>Invoices</source>
        <translation>Rechnungen</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Zahl</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Yes / no</source>
        <translation>Ja / nein</translation>
    </message>
    <message>
        <source>Condition (if / else)</source>
        <translation>Bedingung (wenn / sonst)</translation>
    </message>
    <message>
        <source>Parallel branches</source>
        <translation>Parallele Zweige</translation>
    </message>
    <message>
        <source>Wait</source>
        <translation>Warten</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>Freigabe</translation>
    </message>
    <message>
        <source>Set a variable</source>
        <translation>Variable setzen</translation>
    </message>
    <message>
        <source>Start another workflow</source>
        <translation>Anderen Workflow starten</translation>
    </message>
    <message>
        <source>End the workflow</source>
        <translation>Workflow beenden</translation>
    </message>
    <message>
        <source>If</source>
        <translation>Wenn</translation>
    </message>
    <message>
        <source>Else</source>
        <translation>Sonst</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Freigegeben</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Nobody ticked: everyone who may change the record</source>
        <translation>Niemand angehakt: alle, die den Datensatz ändern dürfen</translation>
    </message>
    <message>
        <source>Started by hand only by</source>
        <translation>Von Hand starten nur</translation>
    </message>
</context>
<context>
    <name>WorkflowPath</name>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>an approval</source>
        <translation>eine Freigabe</translation>
    </message>
    <message>
        <source>a time</source>
        <translation>einen Zeitpunkt</translation>
    </message>
    <message>
        <source>a field to change</source>
        <translation>die Änderung eines Felds</translation>
    </message>
    <message>
        <source>a task to be done</source>
        <translation>die Erledigung einer Aufgabe</translation>
    </message>
    <message>
        <source>Now waiting for %1.</source>
        <translation>Wartet jetzt auf %1.</translation>
    </message>
</context>
<context>
    <name>WorkflowsSettings</name>
    <message>
        <source>Workflows</source>
        <translation>Workflows</translation>
    </message>
    <message>
        <source>A workflow runs step by step on a deal, contact, company, lead or invoice: branches, waits, approvals. It starts by hand, when a record is created or when it changes.</source>
        <translation>Ein Workflow läuft Schritt für Schritt auf einem Deal, Kontakt, Unternehmen, Lead oder einer Rechnung: Verzweigungen, Wartezeiten, Freigaben. Er startet von Hand, wenn ein Datensatz angelegt wird oder wenn er sich ändert.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Runs on</source>
        <translation>Läuft auf</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Startet</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Laufend</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>Neu…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importieren…</translation>
    </message>
    <message>
        <source>Add the ready-made ones</source>
        <translation>Fertige Vorlagen hinzufügen</translation>
    </message>
    <message>
        <source>Running or waiting</source>
        <translation>Laufend oder wartend</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Workflow</source>
        <translation>Workflow</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Runs:</source>
        <translation>Läufe:</translation>
    </message>
    <message>
        <source>by hand</source>
        <translation>von Hand</translation>
    </message>
    <message>
        <source>when created</source>
        <translation>beim Anlegen</translation>
    </message>
    <message>
        <source>when changed</source>
        <translation>bei Änderung</translation>
    </message>
    <message>
        <source>Delete workflow</source>
        <translation>Workflow löschen</translation>
    </message>
    <message>
        <source>Delete “%1” and the history of its runs? Running ones stop.</source>
        <translation>„%1“ und die Geschichte seiner Läufe löschen? Laufende werden angehalten.</translation>
    </message>
    <message>
        <source>Export workflow</source>
        <translation>Workflow exportieren</translation>
    </message>
    <message>
        <source>Workflow files (*.json)</source>
        <translation>Workflow-Dateien (*.json)</translation>
    </message>
    <message>
        <source>Import workflow</source>
        <translation>Workflow importieren</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>Deal</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Unternehmen</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>Lead</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>Rechnung</translation>
    </message>
    <message>
        <source>Every workflow</source>
        <translation>Jeder Workflow</translation>
    </message>
</context>
<context>
    <name>actions</name>
    <message>
        <source>&amp;New deal…</source>
        <translation>&amp;Neuer Deal …</translation>
    </message>
    <message>
        <source>&amp;Import deals…</source>
        <translation>Deals &amp;importieren …</translation>
    </message>
    <message>
        <source>&amp;Back up database…</source>
        <translation>Datenbank &amp;sichern …</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <source>&amp;List</source>
        <translation>&amp;Liste</translation>
    </message>
    <message>
        <source>&amp;Kanban</source>
        <translation>&amp;Kanban</translation>
    </message>
    <message>
        <source>&amp;Calendar</source>
        <translation>&amp;Kalender</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;About Dealdesk</source>
        <translation>Ü&amp;ber Dealdesk</translation>
    </message>
    <message>
        <source>&amp;Restore from a backup…</source>
        <translation>Aus einer Sicherung &amp;wiederherstellen…</translation>
    </message>
    <message>
        <source>Imp&amp;orts…</source>
        <translation>Imp&amp;orte…</translation>
    </message>
    <message>
        <source>&amp;Export all…</source>
        <translation>Alles &amp;exportieren…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation>&amp;Protokollordner öffnen</translation>
    </message>
    <message>
        <source>User &amp;guide</source>
        <translation>&amp;Benutzerhandbuch</translation>
    </message>
</context>
<context>
    <name>activity</name>
    <message>
        <source>With overdue tasks</source>
        <translation>Mit überfälligen Aufgaben</translation>
    </message>
    <message>
        <source>With tasks due today</source>
        <translation>Mit heute fälligen Aufgaben</translation>
    </message>
    <message>
        <source>Without a planned activity</source>
        <translation>Ohne geplante Aktivität</translation>
    </message>
</context>
<context>
    <name>application</name>
    <message>
        <source>Opening the database…
A database from an older Dealdesk is backed up and upgraded first; a large one takes a minute. If another PC holds the file (a long import), this waits for it.</source>
        <translation>Die Datenbank wird geöffnet …
Eine Datenbank aus einer älteren Dealdesk-Version wird zuerst gesichert und aktualisiert; bei einer großen dauert das eine Minute. Hält ein anderer PC die Datei (ein langer Import), wird darauf gewartet.</translation>
    </message>
    <message>
        <source>Dealdesk can't open the database</source>
        <translation>Dealdesk kann die Datenbank nicht öffnen</translation>
    </message>
    <message>
        <source>%1 on %2: %3</source>
        <translation>%1 an %2: %3</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>automation</name>
    <message>
        <source>Planned the task “{title}”.</source>
        <translation>Aufgabe „{title}“ geplant.</translation>
    </message>
    <message>
        <source>Create a task</source>
        <translation>Aufgabe erstellen</translation>
    </message>
    <message>
        <source>Task “{title}”, due {hours} h later</source>
        <translation>Aufgabe „{title}“, fällig {hours} Std. später</translation>
    </message>
    <message>
        <source>Nobody to notify (the deal has no responsible person).</source>
        <translation>Niemand zu benachrichtigen (der Deal hat keine verantwortliche Person).</translation>
    </message>
    <message>
        <source>Notified {count} person(s).</source>
        <translation>{count} Person(en) benachrichtigt.</translation>
    </message>
    <message>
        <source>Notify people</source>
        <translation>Personen benachrichtigen</translation>
    </message>
    <message>
        <source>Notify: “{text}”</source>
        <translation>Benachrichtigen: „{text}“</translation>
    </message>
    <message>
        <source>Set {field} to “{value}”.</source>
        <translation>{field} auf „{value}“ gesetzt.</translation>
    </message>
    <message>
        <source>Change a field</source>
        <translation>Feld ändern</translation>
    </message>
    <message>
        <source>Set {field} to “{value}”</source>
        <translation>{field} auf „{value}“ setzen</translation>
    </message>
    <message>
        <source>Nobody to hand the deal to.</source>
        <translation>Niemand, dem der Deal übergeben werden kann.</translation>
    </message>
    <message>
        <source>Handed the deal to person {person}.</source>
        <translation>Deal an Person {person} übergeben.</translation>
    </message>
    <message>
        <source>Change the responsible person</source>
        <translation>Verantwortliche Person ändern</translation>
    </message>
    <message>
        <source>Hand over to one of {count} (round robin)</source>
        <translation>An eine von {count} Personen übergeben (reihum)</translation>
    </message>
    <message>
        <source>Hand over to person {person}</source>
        <translation>An Person {person} übergeben</translation>
    </message>
    <message>
        <source>Moved the deal to {stage}.</source>
        <translation>Deal nach {stage} verschoben.</translation>
    </message>
    <message>
        <source>Moved the deal to {stage} ({pipeline}).</source>
        <translation>Deal nach {stage} ({pipeline}) verschoben.</translation>
    </message>
    <message>
        <source>Move to a stage</source>
        <translation>In eine Phase verschieben</translation>
    </message>
    <message>
        <source>Move to stage {stage}</source>
        <translation>In Phase {stage} verschieben</translation>
    </message>
    <message>
        <source>Commented: “{text}”.</source>
        <translation>Kommentiert: „{text}“.</translation>
    </message>
    <message>
        <source>Add a comment to the timeline</source>
        <translation>Kommentar zum Verlauf hinzufügen</translation>
    </message>
    <message>
        <source>Comment: “{text}”</source>
        <translation>Kommentar: „{text}“</translation>
    </message>
    <message>
        <source>No e-mail sent: the deal's contact and company have no e-mail address.</source>
        <translation>Keine E-Mail gesendet: Kontakt und Unternehmen des Deals haben keine E-Mail-Adresse.</translation>
    </message>
    <message>
        <source>Queued an e-mail to {to}: “{subject}”.</source>
        <translation>E-Mail an {to} in den Postausgang gelegt: „{subject}“.</translation>
    </message>
    <message>
        <source>Send the client an e-mail</source>
        <translation>E-Mail an den Kunden senden</translation>
    </message>
    <message>
        <source>E-mail: “{subject}”</source>
        <translation>E-Mail: „{subject}“</translation>
    </message>
    <message>
        <source>No SMS sent: the deal's contact and company have no phone number.</source>
        <translation>Keine SMS gesendet: Kontakt und Unternehmen des Deals haben keine Telefonnummer.</translation>
    </message>
    <message>
        <source>Queued an SMS to {to}.</source>
        <translation>SMS an {to} in den Postausgang gelegt.</translation>
    </message>
    <message>
        <source>Send the client an SMS</source>
        <translation>SMS an den Kunden senden</translation>
    </message>
    <message>
        <source>SMS: “{text}”</source>
        <translation>SMS: „{text}“</translation>
    </message>
    <message>
        <source>Made the document {number}.</source>
        <translation>Dokument {number} erstellt.</translation>
    </message>
    <message>
        <source>Create a document</source>
        <translation>Dokument erstellen</translation>
    </message>
    <message>
        <source>Document from template {template}</source>
        <translation>Dokument aus Vorlage {template}</translation>
    </message>
    <message>
        <source>Wait</source>
        <translation>Warten</translation>
    </message>
    <message>
        <source>Waited.</source>
        <translation>Gewartet.</translation>
    </message>
    <message>
        <source>It came due while no Dealdesk was running; not run blindly.</source>
        <translation>Fällig geworden, während kein Dealdesk lief; nicht ungeprüft ausgeführt.</translation>
    </message>
    <message>
        <source>The deal is gone.</source>
        <translation>Der Deal existiert nicht mehr.</translation>
    </message>
    <message>
        <source>The trigger was removed or switched off.</source>
        <translation>Der Auslöser wurde entfernt oder ausgeschaltet.</translation>
    </message>
    <message>
        <source>The rule was removed or switched off.</source>
        <translation>Die Regel wurde entfernt oder ausgeschaltet.</translation>
    </message>
    <message>
        <source>The deal left the stage before it ran.</source>
        <translation>Der Deal hat die Phase verlassen, bevor sie lief.</translation>
    </message>
    <message>
        <source>Its conditions did not hold.</source>
        <translation>Ihre Bedingungen waren nicht erfüllt.</translation>
    </message>
    <message>
        <source>Unknown action '{action}'.</source>
        <translation>Unbekannte Aktion „{action}“.</translation>
    </message>
    <message>
        <source>Automation stopped: rules and triggers kept moving this deal ({depth} times in a row).</source>
        <translation>Automatisierung gestoppt: Regeln und Auslöser haben diesen Deal immer wieder verschoben ({depth}-mal hintereinander).</translation>
    </message>
    <message>
        <source>A task of the deal is done</source>
        <translation>Eine Aufgabe des Deals ist erledigt</translation>
    </message>
    <message>
        <source>A field changed</source>
        <translation>Ein Feld hat sich geändert</translation>
    </message>
    <message>
        <source>A document was made</source>
        <translation>Ein Dokument wurde erstellt</translation>
    </message>
    <message>
        <source>An e-mail was sent</source>
        <translation>Eine E-Mail wurde gesendet</translation>
    </message>
    <message>
        <source>No SMS sent: “{number}” is not a phone number.</source>
        <translation>Keine SMS gesendet: „{number}“ ist keine Telefonnummer.</translation>
    </message>
    <message>
        <source>A date of the deal is reached</source>
        <translation>Ein Datum des Deals ist erreicht</translation>
    </message>
    <message>
        <source>A payment was received</source>
        <translation>Eine Zahlung ist eingegangen</translation>
    </message>
    <message>
        <source>An invoice was paid in full</source>
        <translation>Eine Rechnung wurde vollständig bezahlt</translation>
    </message>
    <message>
        <source>A quote was accepted</source>
        <translation>Ein Angebot wurde angenommen</translation>
    </message>
</context>
<context>
    <name>entities</name>
    <message>
        <source>Deal</source>
        <translation>Deal</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Unternehmen</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>Lead</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Formular</translation>
    </message>
    <message>
        <source>Tunnel</source>
        <translation>Tunnel</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <source>Document template</source>
        <translation>Dokumentvorlage</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Abteilung</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Mail server</source>
        <translation>Mailserver</translation>
    </message>
    <message>
        <source>Automation rule</source>
        <translation>Automatisierungsregel</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>Auslöser</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>There is no user '{login}'.</source>
        <translation>Es gibt keinen Benutzer „{login}“.</translation>
    </message>
    <message>
        <source>A contact needs a first or a last name.</source>
        <translation>Ein Kontakt braucht einen Vor- oder Nachnamen.</translation>
    </message>
    <message>
        <source>Stage '{stage}' does not belong to the chosen pipeline.</source>
        <translation>Die Phase „{stage}“ gehört nicht zur gewählten Pipeline.</translation>
    </message>
    <message>
        <source>There is no pipeline to put the deal in.</source>
        <translation>Es gibt keine Pipeline für den Deal.</translation>
    </message>
    <message>
        <source>The pipeline has no stages yet.</source>
        <translation>Die Pipeline hat noch keine Phasen.</translation>
    </message>
    <message>
        <source>The close date can't be before the begin date.</source>
        <translation>Das Abschlussdatum kann nicht vor dem Beginn liegen.</translation>
    </message>
    <message>
        <source>Stage '{stage}' belongs to another pipeline; move the deal to that pipeline first.</source>
        <translation>Die Phase „{stage}“ gehört zu einer anderen Pipeline; verschieben Sie den Deal zuerst in diese Pipeline.</translation>
    </message>
    <message>
        <source>A deal can have at most {max} product rows.</source>
        <translation>Ein Deal kann höchstens {max} Produktzeilen haben.</translation>
    </message>
    <message>
        <source>Product row {row}: {problem}</source>
        <translation>Produktzeile {row}: {problem}</translation>
    </message>
    <message>
        <source>{count} of the selected deals are in another pipeline than stage '{stage}'.</source>
        <translation>{count} der gewählten Deals liegen in einer anderen Pipeline als die Phase „{stage}“.</translation>
    </message>
    <message>
        <source>A contact's first and last name can have 100 characters each.</source>
        <translation>Vor- und Nachname eines Kontakts können je 100 Zeichen lang sein.</translation>
    </message>
    <message>
        <source>{entity} {id} does not exist (it may have been deleted).</source>
        <translation>{entity} {id} existiert nicht (vielleicht wurde er gelöscht).</translation>
    </message>
    <message>
        <source>{entity} '{title}' was changed by {user} at {time} ({fields}) after you opened it.</source>
        <translation>{entity} „{title}“ wurde von {user} um {time} geändert ({fields}), nachdem Sie ihn geöffnet haben.</translation>
    </message>
    <message>
        <source>{entity} '{title}' was changed by somebody else after you opened it.</source>
        <translation>{entity} „{title}“ wurde von jemand anderem geändert, nachdem Sie ihn geöffnet haben.</translation>
    </message>
    <message>
        <source>Changing pipelines and their stages needs the right to manage settings.</source>
        <translation>Pipelines und Phasen zu ändern erfordert das Recht, Einstellungen zu verwalten.</translation>
    </message>
    <message>
        <source>There is no pipeline '{pipeline}' (there are: {names}).</source>
        <translation>Es gibt keine Pipeline „{pipeline}“ (vorhanden: {names}).</translation>
    </message>
    <message>
        <source>There is no stage '{stage}'.</source>
        <translation>Es gibt keine Phase „{stage}“.</translation>
    </message>
    <message>
        <source>'{stage}' names a stage in several pipelines; give the stage ID.</source>
        <translation>„{stage}“ heißt eine Phase in mehreren Pipelines; geben Sie die Phasen-ID an.</translation>
    </message>
    <message>
        <source>A colour looks like #39A8EF.</source>
        <translation>Eine Farbe sieht so aus: #39A8EF.</translation>
    </message>
    <message>
        <source>Probability must be from 0 to 100.</source>
        <translation>Die Wahrscheinlichkeit muss zwischen 0 und 100 liegen.</translation>
    </message>
    <message>
        <source>A pipeline has exactly one success stage.</source>
        <translation>Eine Pipeline hat genau eine Erfolgsphase.</translation>
    </message>
    <message>
        <source>Idle days are a whole number from 1 to {max}, or none.</source>
        <translation>Ruhetage sind eine ganze Zahl von 1 bis {max} oder keine.</translation>
    </message>
    <message>
        <source>Choose another stage of the same pipeline for its deals.</source>
        <translation>Wählen Sie für seine Deals eine andere Phase derselben Pipeline.</translation>
    </message>
    <message>
        <source>Stage '{stage}' still holds {count} deals; move them to another stage first.</source>
        <translation>Die Phase „{stage}“ enthält noch {count} Deals; verschieben Sie sie zuerst in eine andere Phase.</translation>
    </message>
    <message>
        <source>A pipeline needs a success stage and at least one failure stage.</source>
        <translation>Eine Pipeline braucht eine Erfolgsphase und mindestens eine Misserfolgsphase.</translation>
    </message>
    <message>
        <source>A pipeline needs at least one stage in progress.</source>
        <translation>Eine Pipeline braucht mindestens eine Phase in Bearbeitung.</translation>
    </message>
    <message>
        <source>The default pipeline can't be deleted.</source>
        <translation>Die Standard-Pipeline kann nicht gelöscht werden.</translation>
    </message>
    <message>
        <source>Choose a stage of another pipeline for its deals.</source>
        <translation>Wählen Sie für ihre Deals eine Phase einer anderen Pipeline.</translation>
    </message>
    <message>
        <source>Pipeline '{pipeline}' still holds {count} deals; move them first.</source>
        <translation>Die Pipeline „{pipeline}“ enthält noch {count} Deals; verschieben Sie sie zuerst.</translation>
    </message>
    <message>
        <source>Changing the order of the stages needs the right to manage settings.</source>
        <translation>Die Reihenfolge der Phasen zu ändern erfordert das Recht, Einstellungen zu verwalten.</translation>
    </message>
    <message>
        <source>Only stages in progress can be moved, and only within their pipeline.</source>
        <translation>Nur Phasen in Bearbeitung können verschoben werden, und nur innerhalb ihrer Pipeline.</translation>
    </message>
    <message>
        <source>Give every pipeline once to reorder them.</source>
        <translation>Geben Sie jede Pipeline genau einmal an, um sie neu zu ordnen.</translation>
    </message>
    <message>
        <source>'{value}' is not an e-mail address.</source>
        <translation>„{value}“ ist keine E-Mail-Adresse.</translation>
    </message>
    <message>
        <source>{label}: '{code}' is not one of the choices.</source>
        <translation>{label}: „{code}“ steht nicht zur Auswahl.</translation>
    </message>
    <message>
        <source>{label}: expected record IDs.</source>
        <translation>{label}: Datensatz-IDs erwartet.</translation>
    </message>
    <message>
        <source>'{code}' is not a currency set up in Dealdesk.</source>
        <translation>„{code}“ ist keine in Dealdesk eingerichtete Währung.</translation>
    </message>
    <message>
        <source>{label}: there is no record with ID {id}.</source>
        <translation>{label}: Es gibt keinen Datensatz mit der ID {id}.</translation>
    </message>
    <message>
        <source>The login '{login}' is taken.</source>
        <translation>Der Anmeldename „{login}“ ist vergeben.</translation>
    </message>
    <message>
        <source>A list field needs at least one choice.</source>
        <translation>Ein Listenfeld braucht mindestens eine Auswahl.</translation>
    </message>
    <message>
        <source>Each choice of a list may appear only once.</source>
        <translation>Jede Auswahl einer Liste darf nur einmal vorkommen.</translation>
    </message>
    <message>
        <source>{label} is required.</source>
        <translation>{label} ist ein Pflichtfeld.</translation>
    </message>
    <message>
        <source>{label} takes one value.</source>
        <translation>{label} nimmt nur einen Wert.</translation>
    </message>
    <message>
        <source>'{value}' is not a valid value for {label}.</source>
        <translation>„{value}“ ist kein gültiger Wert für {label}.</translation>
    </message>
    <message>
        <source>{label} can be at most {max} characters long.</source>
        <translation>{label} darf höchstens {max} Zeichen lang sein.</translation>
    </message>
    <message>
        <source>{label} must be a number with at most 2 decimals.</source>
        <translation>{label} muss eine Zahl mit höchstens 2 Nachkommastellen sein.</translation>
    </message>
    <message>
        <source>{label} can't be negative.</source>
        <translation>{label} darf nicht negativ sein.</translation>
    </message>
    <message>
        <source>{label} is too large (at most {max}).</source>
        <translation>{label} ist zu groß (höchstens {max}).</translation>
    </message>
    <message>
        <source>{label} must be a percentage from 0 to 100.</source>
        <translation>{label} muss ein Prozentwert von 0 bis 100 sein.</translation>
    </message>
    <message>
        <source>{label} must be a date like 2026-11-27.</source>
        <translation>{label} muss ein Datum wie 27.11.2026 sein.</translation>
    </message>
    <message>
        <source>{label} must be a whole number from 0 to 100.</source>
        <translation>{label} muss eine ganze Zahl von 0 bis 100 sein.</translation>
    </message>
    <message>
        <source>Choose something to filter by before saving.</source>
        <translation>Wählen Sie vor dem Speichern etwas, wonach gefiltert wird.</translation>
    </message>
    <message>
        <source>Sharing a filter with everyone needs the right to manage settings.</source>
        <translation>Einen Filter mit allen zu teilen erfordert das Recht, Einstellungen zu verwalten.</translation>
    </message>
    <message>
        <source>Only its owner (or an administrator, if shared) may delete it.</source>
        <translation>Nur der Besitzer (oder bei geteilten Filtern ein Administrator) darf ihn löschen.</translation>
    </message>
    <message>
        <source>Only who made a change can undo it.</source>
        <translation>Nur wer eine Änderung gemacht hat, kann sie rückgängig machen.</translation>
    </message>
    <message>
        <source>This change can't be undone (any more).</source>
        <translation>Diese Änderung kann nicht (mehr) rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Changing the office's settings needs the right to manage settings.</source>
        <translation>Die Einstellungen des Büros zu ändern erfordert das Recht, Einstellungen zu verwalten.</translation>
    </message>
    <message>
        <source>Changing the rules of a field needs the right to manage settings.</source>
        <translation>Die Regeln eines Felds zu ändern erfordert das Recht, Einstellungen zu verwalten.</translation>
    </message>
    <message>
        <source>{label} is needed from stage '{stage}' on.</source>
        <translation>{label} wird ab der Phase „{stage}“ benötigt.</translation>
    </message>
    <message>
        <source>Choose a stage of this pipeline.</source>
        <translation>Wählen Sie eine Phase dieser Pipeline.</translation>
    </message>
    <message>
        <source>There is no field '{key}'.</source>
        <translation>Es gibt kein Feld „{key}“.</translation>
    </message>
    <message>
        <source>A form needs at least one section.</source>
        <translation>Ein Formular braucht mindestens einen Abschnitt.</translation>
    </message>
    <message>
        <source>A form can have at most {max} sections.</source>
        <translation>Ein Formular kann höchstens {max} Abschnitte haben.</translation>
    </message>
    <message>
        <source>Every section needs a name.</source>
        <translation>Jeder Abschnitt braucht einen Namen.</translation>
    </message>
    <message>
        <source>A section's name can be at most {max} characters long.</source>
        <translation>Der Name eines Abschnitts kann höchstens {max} Zeichen lang sein.</translation>
    </message>
    <message>
        <source>Changing the form for everyone needs the right to manage settings.</source>
        <translation>Das Formular für alle zu ändern erfordert das Recht, Einstellungen zu verwalten.</translation>
    </message>
    <message>
        <source>{label} is always required, so it can't be hidden.</source>
        <translation>{label} ist immer Pflicht und kann daher nicht ausgeblendet werden.</translation>
    </message>
    <message>
        <source>Prices, discounts and tax rates have at most two decimals.</source>
        <translation>Preise, Rabatte und Steuersätze haben höchstens zwei Nachkommastellen.</translation>
    </message>
    <message>
        <source>A quantity has at most three decimals.</source>
        <translation>Eine Menge hat höchstens drei Nachkommastellen.</translation>
    </message>
    <message>
        <source>A product row needs a name.</source>
        <translation>Eine Produktzeile braucht einen Namen.</translation>
    </message>
    <message>
        <source>A price can't be negative.</source>
        <translation>Ein Preis kann nicht negativ sein.</translation>
    </message>
    <message>
        <source>The quantity must be more than zero.</source>
        <translation>Die Menge muss größer als null sein.</translation>
    </message>
    <message>
        <source>The tax rate must be a percentage from 0.</source>
        <translation>Der Steuersatz muss ein Prozentsatz ab 0 sein.</translation>
    </message>
    <message>
        <source>A discount can't be negative.</source>
        <translation>Ein Rabatt kann nicht negativ sein.</translation>
    </message>
    <message>
        <source>A discount can't be more than 100 %.</source>
        <translation>Ein Rabatt kann nicht mehr als 100 % sein.</translation>
    </message>
    <message>
        <source>A discount can't be more than the price.</source>
        <translation>Ein Rabatt kann nicht höher als der Preis sein.</translation>
    </message>
    <message>
        <source>Row {row}: {problem}</source>
        <translation>Zeile {row}: {problem}</translation>
    </message>
    <message>
        <source>Choose the column that holds the deals' titles.</source>
        <translation>Wählen Sie die Spalte mit den Titeln der Deals.</translation>
    </message>
    <message>
        <source>Columns '{first}' and '{second}' are both imported as {label}.</source>
        <translation>Die Spalten „{first}“ und „{second}“ werden beide als {label} importiert.</translation>
    </message>
    <message>
        <source>The file has no rows below its header.</source>
        <translation>Die Datei hat keine Zeilen unter ihrer Kopfzeile.</translation>
    </message>
    <message>
        <source>The file does not exist or can't be opened.</source>
        <translation>Die Datei existiert nicht oder lässt sich nicht öffnen.</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>Die Datei ist leer.</translation>
    </message>
    <message>
        <source>The first row of the file must name the columns.</source>
        <translation>Die erste Zeile der Datei muss die Spalten benennen.</translation>
    </message>
    <message>
        <source>The file is not an Excel workbook (.xlsx) that can be read.</source>
        <translation>Die Datei ist keine lesbare Excel-Arbeitsmappe (.xlsx).</translation>
    </message>
    <message>
        <source>'{value}' in column '{column}' is not a number.</source>
        <translation>„{value}“ in der Spalte „{column}“ ist keine Zahl.</translation>
    </message>
    <message>
        <source>'{value}' in column '{column}' is not a date (write 27.11.2026 or 2026-11-27).</source>
        <translation>„{value}“ in der Spalte „{column}“ ist kein Datum (schreiben Sie 27.11.2026 oder 2026-11-27).</translation>
    </message>
    <message>
        <source>'{value}' in column '{column}' is not a date and time (write 27.11.2026 14:30).</source>
        <translation>„{value}“ in der Spalte „{column}“ ist kein Datum mit Uhrzeit (schreiben Sie 27.11.2026 14:30).</translation>
    </message>
    <message>
        <source>'{value}' in column '{column}' is neither yes nor no.</source>
        <translation>„{value}“ in der Spalte „{column}“ ist weder ja noch nein.</translation>
    </message>
    <message>
        <source>There is no pipeline named '{value}'.</source>
        <translation>Es gibt keine Pipeline namens „{value}“.</translation>
    </message>
    <message>
        <source>Pipeline '{pipeline}' has no stage named '{value}'.</source>
        <translation>Die Pipeline „{pipeline}“ hat keine Phase namens „{value}“.</translation>
    </message>
    <message>
        <source>There is no user named '{value}'.</source>
        <translation>Es gibt keinen Benutzer namens „{value}“.</translation>
    </message>
    <message>
        <source>'{value}' is not one of the sources.</source>
        <translation>„{value}“ ist keine der Quellen.</translation>
    </message>
    <message>
        <source>'{value}' is not one of the choices of {label}.</source>
        <translation>„{value}“ ist keine Auswahl von {label}.</translation>
    </message>
    <message>
        <source>There is no company named '{value}'.</source>
        <translation>Es gibt kein Unternehmen namens „{value}“.</translation>
    </message>
    <message>
        <source>There is no contact named '{value}'.</source>
        <translation>Es gibt keinen Kontakt namens „{value}“.</translation>
    </message>
    <message>
        <source>Changing tunnels needs the right to manage settings.</source>
        <translation>Tunnel zu ändern erfordert das Recht, Einstellungen zu verwalten.</translation>
    </message>
    <message>
        <source>A tunnel leads to a stage of another pipeline.</source>
        <translation>Ein Tunnel führt zu einer Phase einer anderen Pipeline.</translation>
    </message>
    <message>
        <source>There is a tunnel from '{source}' to '{target}' already.</source>
        <translation>Es gibt schon einen Tunnel von „{source}“ nach „{target}“.</translation>
    </message>
    <message>
        <source>Deals in '{stage}' can move on through one tunnel only; the others copy them.</source>
        <translation>Deals in „{stage}“ können nur durch einen Tunnel weiterziehen; die anderen kopieren sie.</translation>
    </message>
    <message>
        <source>Deals would go round in circles: tunnels lead from '{target}' back to '{source}'.</source>
        <translation>Deals würden im Kreis laufen: Tunnel führen von „{target}“ zurück nach „{source}“.</translation>
    </message>
    <message>
        <source>Search for at most 100 characters.</source>
        <translation>Suchen Sie nach höchstens 100 Zeichen.</translation>
    </message>
    <message>
        <source>A record can't be merged with itself.</source>
        <translation>Ein Eintrag kann nicht mit sich selbst zusammengeführt werden.</translation>
    </message>
    <message>
        <source>Lead '{title}' was converted already.</source>
        <translation>Der Lead „{title}“ wurde schon umgewandelt.</translation>
    </message>
    <message>
        <source>A lead becomes Converted by converting it.</source>
        <translation>Ein Lead wird durch Umwandeln zu „Umgewandelt“.</translation>
    </message>
    <message>
        <source>Lead '{title}' is not converted.</source>
        <translation>Der Lead „{title}“ ist nicht umgewandelt.</translation>
    </message>
    <message>
        <source>The conversion can't be undone: what it made has changed or is used since.</source>
        <translation>Die Umwandlung kann nicht rückgängig gemacht werden: Was sie angelegt hat, wurde inzwischen geändert oder verwendet.</translation>
    </message>
    <message>
        <source>Deals can't be placed by '{field}'.</source>
        <translation>Deals können nicht nach „{field}“ stehen.</translation>
    </message>
    <message>
        <source>The deal needs a begin and a close date to move as a span.</source>
        <translation>Der Deal braucht Beginn und Abschlussdatum, um als Zeitraum verschoben zu werden.</translation>
    </message>
    <message>
        <source>Changing document templates needs the right to manage settings.</source>
        <translation>Dokumentvorlagen zu ändern erfordert das Recht, Einstellungen zu verwalten.</translation>
    </message>
    <message>
        <source>'{file}' is not a Word document (.docx) that can be read.</source>
        <translation>„{file}“ ist kein lesbares Word-Dokument (.docx).</translation>
    </message>
    <message>
        <source>The template has an error near “{near}”: {problem}</source>
        <translation>Die Vorlage hat einen Fehler bei „{near}“: {problem}</translation>
    </message>
    <message>
        <source>The template tries to reach inside Dealdesk (“{near}”); such templates are refused.</source>
        <translation>Die Vorlage versucht, in Dealdesk hineinzugreifen („{near}“); solche Vorlagen werden abgelehnt.</translation>
    </message>
    <message>
        <source>A PDF needs LibreOffice, which is not installed on this computer; the Word document was kept.</source>
        <translation>Ein PDF braucht LibreOffice, das auf diesem Computer nicht installiert ist; das Word-Dokument wurde gespeichert.</translation>
    </message>
    <message>
        <source>Changing the office's details needs the right to manage settings.</source>
        <translation>Die Angaben des Büros zu ändern erfordert das Recht, Einstellungen zu verwalten.</translation>
    </message>
    <message>
        <source>A number pattern needs {{NNNN}} (the running number) and at most 40 characters.</source>
        <translation>Ein Nummernmuster braucht {{NNNN}} (die laufende Nummer) und höchstens 40 Zeichen.</translation>
    </message>
    <message>
        <source>This document has no PDF yet.</source>
        <translation>Dieses Dokument hat noch kein PDF.</translation>
    </message>
    <message>
        <source>LibreOffice could not make a PDF of '{file}'.</source>
        <translation>LibreOffice konnte kein PDF von „{file}“ erstellen.</translation>
    </message>
    <message>
        <source>No free document number was found; please try again.</source>
        <translation>Es wurde keine freie Dokumentnummer gefunden; bitte erneut versuchen.</translation>
    </message>
    <message>
        <source>A template needs a name of at most 200 characters.</source>
        <translation>Eine Vorlage braucht einen Namen mit höchstens 200 Zeichen.</translation>
    </message>
    <message>
        <source>'{kind}' is not a kind of document.</source>
        <translation>„{kind}“ ist keine Dokumentart.</translation>
    </message>
    <message>
        <source>Choose a first and a last day, in that order.</source>
        <translation>Wählen Sie einen ersten und einen letzten Tag, in dieser Reihenfolge.</translation>
    </message>
    <message>
        <source>Setting sales plans needs the right to manage settings.</source>
        <translation>Verkaufspläne festzulegen erfordert das Recht, Einstellungen zu verwalten.</translation>
    </message>
    <message>
        <source>A month is 1 to 12.</source>
        <translation>Ein Monat ist 1 bis 12.</translation>
    </message>
    <message>
        <source>'{value}' is not an amount.</source>
        <translation>„{value}“ ist kein Betrag.</translation>
    </message>
    <message>
        <source>A target is an amount from 0 upward.</source>
        <translation>Ein Ziel ist ein Betrag ab 0.</translation>
    </message>
    <message>
        <source>'{value}' is not an access level.</source>
        <translation>„{value}“ ist keine Zugriffsstufe.</translation>
    </message>
    <message>
        <source>'{value}' is not an action.</source>
        <translation>„{value}“ ist keine Aktion.</translation>
    </message>
    <message>
        <source>'{value}' does not say which stages deals may go to.</source>
        <translation>„{value}“ sagt nicht, in welche Phasen Deals verschoben werden dürfen.</translation>
    </message>
    <message>
        <source>'{value}' is not a kind of record.</source>
        <translation>„{value}“ ist keine Art von Datensatz.</translation>
    </message>
    <message>
        <source>'{value}' is not a scope of analytics.</source>
        <translation>„{value}“ ist kein Umfang für Analysen.</translation>
    </message>
    <message>
        <source>Your role does not let you add this deal in “{stage}”.</source>
        <translation>Ihre Rolle erlaubt Ihnen nicht, diesen Deal in „{stage}“ anzulegen.</translation>
    </message>
    <message>
        <source>Your role does not let you change the deal “{title}”.</source>
        <translation>Ihre Rolle erlaubt Ihnen nicht, den Deal „{title}“ zu ändern.</translation>
    </message>
    <message>
        <source>Your role does not let you delete the deal “{title}”.</source>
        <translation>Ihre Rolle erlaubt Ihnen nicht, den Deal „{title}“ zu löschen.</translation>
    </message>
    <message>
        <source>Your role does not let you export the deal “{title}”.</source>
        <translation>Ihre Rolle erlaubt Ihnen nicht, den Deal „{title}“ zu exportieren.</translation>
    </message>
    <message>
        <source>Your role does not let you move deals into the stage “{stage}”.</source>
        <translation>Ihre Rolle erlaubt Ihnen nicht, Deals in die Phase „{stage}“ zu verschieben.</translation>
    </message>
    <message>
        <source>Your role does not let you manage settings ({what}).</source>
        <translation>Ihre Rolle erlaubt Ihnen nicht, Einstellungen zu verwalten ({what}).</translation>
    </message>
    <message>
        <source>Only an administrator may make somebody an administrator.</source>
        <translation>Nur ein Administrator kann jemanden zum Administrator machen.</translation>
    </message>
    <message>
        <source>People are never deleted (their deals keep their name): deactivate “{name}” instead.</source>
        <translation>Personen werden nie gelöscht (ihre Deals behalten ihren Namen): deaktivieren Sie „{name}“ stattdessen.</translation>
    </message>
    <message>
        <source>Give a role to one person, one department or everyone.</source>
        <translation>Vergeben Sie eine Rolle an eine Person, eine Abteilung oder alle.</translation>
    </message>
    <message>
        <source>A role needs a name (up to 100 characters).</source>
        <translation>Eine Rolle braucht einen Namen (bis zu 100 Zeichen).</translation>
    </message>
    <message>
        <source>There is a role called '{name}' already.</source>
        <translation>Es gibt bereits eine Rolle „{name}“.</translation>
    </message>
    <message>
        <source>A password needs at least {count} characters.</source>
        <translation>Ein Passwort braucht mindestens {count} Zeichen.</translation>
    </message>
    <message>
        <source>A password has at most {count} characters.</source>
        <translation>Ein Passwort hat höchstens {count} Zeichen.</translation>
    </message>
    <message>
        <source>The login or the password is wrong.</source>
        <translation>Der Login oder das Passwort ist falsch.</translation>
    </message>
    <message>
        <source>Too many failed attempts: try again in {seconds} seconds.</source>
        <translation>Zu viele Fehlversuche: versuchen Sie es in {seconds} Sekunden erneut.</translation>
    </message>
    <message>
        <source>There is no such person.</source>
        <translation>Diese Person gibt es nicht.</translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation>Das aktuelle Passwort ist falsch.</translation>
    </message>
    <message>
        <source>You can't deactivate yourself.</source>
        <translation>Sie können sich nicht selbst deaktivieren.</translation>
    </message>
    <message>
        <source>“{name}” is the last active administrator.</source>
        <translation>„{name}“ ist der letzte aktive Administrator.</translation>
    </message>
    <message>
        <source>There is no department '{name}'.</source>
        <translation>Es gibt keine Abteilung „{name}“.</translation>
    </message>
    <message>
        <source>“{name}” still has people or sub-departments: move them elsewhere first.</source>
        <translation>„{name}“ hat noch Personen oder Unterabteilungen: verschieben Sie sie zuerst.</translation>
    </message>
    <message>
        <source>A department needs a name (up to 200 characters).</source>
        <translation>Eine Abteilung braucht einen Namen (bis zu 200 Zeichen).</translation>
    </message>
    <message>
        <source>There is a department called '{name}' already.</source>
        <translation>Es gibt bereits eine Abteilung „{name}“.</translation>
    </message>
    <message>
        <source>A department can't be under itself or its sub-departments.</source>
        <translation>Eine Abteilung kann nicht unter sich selbst oder ihren Unterabteilungen stehen.</translation>
    </message>
    <message>
        <source>The head must be an active person.</source>
        <translation>Die Leitung muss eine aktive Person sein.</translation>
    </message>
    <message>
        <source>Your role does not let you import deals.</source>
        <translation>Ihre Rolle erlaubt Ihnen nicht, Deals zu importieren.</translation>
    </message>
    <message>
        <source>Your role does not let you change or delete “{title}”.</source>
        <translation>Ihre Rolle erlaubt Ihnen nicht, „{title}“ zu ändern oder zu löschen.</translation>
    </message>
    <message>
        <source>You may not change {fields}.</source>
        <translation>Sie dürfen {fields} nicht ändern.</translation>
    </message>
    <message>
        <source>Your role does not let you make documents.</source>
        <translation>Ihre Rolle erlaubt Ihnen nicht, Dokumente zu erstellen.</translation>
    </message>
    <message>
        <source>There is no role '{name}'.</source>
        <translation>Es gibt keine Rolle „{name}“.</translation>
    </message>
    <message>
        <source>{count} of the chosen deals were changed by somebody else after you chose them. The first: {first} Nothing was changed; look at them again and repeat the action.</source>
        <translation>{count} der gewählten Deals wurden von jemand anderem geändert, nachdem Sie sie gewählt hatten. Der erste: {first} Es wurde nichts geändert; sehen Sie sie sich noch einmal an und wiederholen Sie die Aktion.</translation>
    </message>
    <message>
        <source>'{file}' is larger than {limit} MB: templates are limited to that size.</source>
        <translation>„{file}“ ist größer als {limit} MB: Vorlagen sind auf diese Größe begrenzt.</translation>
    </message>
    <message>
        <source>'{file}' unpacks to more than {limit} MB (a Word file is a compressed folder): it is refused, as it would fill the memory of whoever renders it.</source>
        <translation>„{file}“ entpackt sich auf mehr als {limit} MB (eine Word-Datei ist ein komprimierter Ordner): Sie wird abgelehnt, da sie den Speicher jedes Rechners füllen würde, der sie ausfüllt.</translation>
    </message>
    <message>
        <source>The template computes a text or list longer than {limit} characters (near “{near}”); such templates are refused.</source>
        <translation>Die Vorlage berechnet einen Text oder eine Liste mit mehr als {limit} Zeichen (bei „{near}“); solche Vorlagen werden abgelehnt.</translation>
    </message>
    <message>
        <source>The template's loops take more than {limit} steps (near “{near}”); such templates are refused.</source>
        <translation>Die Schleifen der Vorlage brauchen mehr als {limit} Schritte (bei „{near}“); solche Vorlagen werden abgelehnt.</translation>
    </message>
    <message>
        <source>The template makes a document larger than {limit} MB; such templates are refused.</source>
        <translation>Die Vorlage erzeugt ein Dokument größer als {limit} MB; solche Vorlagen werden abgelehnt.</translation>
    </message>
    <message>
        <source>The template took longer than {seconds} seconds to fill and was stopped (a loop too many?). Nothing was kept.</source>
        <translation>Das Ausfüllen der Vorlage dauerte länger als {seconds} Sekunden und wurde abgebrochen (eine Schleife zu viel?). Es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>The template needs more than {limit} MB of memory to fill and was stopped. Nothing was kept.</source>
        <translation>Das Ausfüllen der Vorlage braucht mehr als {limit} MB Speicher und wurde abgebrochen. Es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>The window backs up database files; back up a server database with &apos;dealdesk backup&apos; (on a schedule: &apos;dealdesk backup --if-due&apos;).</source>
        <translation>Das Fenster sichert Datenbankdateien; sichern Sie eine Server-Datenbank mit &apos;dealdesk backup&apos; (nach Zeitplan: &apos;dealdesk backup --if-due&apos;).</translation>
    </message>
    <message>
        <source>The file can't be read as {encoding}: choose the encoding it was saved in.</source>
        <translation>Die Datei lässt sich nicht als {encoding} lesen: Wählen Sie die Kodierung, in der sie gespeichert wurde.</translation>
    </message>
    <message>
        <source>There is no product named '{value}'.</source>
        <translation>Es gibt kein Produkt namens „{value}“.</translation>
    </message>
    <message>
        <source>{problem} Did you mean '{suggestion}'?</source>
        <translation>{problem} Meinten Sie „{suggestion}“?</translation>
    </message>
    <message>
        <source>{label} {value} is in the future.</source>
        <translation>{label} {value} liegt in der Zukunft.</translation>
    </message>
    <message>
        <source>The deal closed ({closed}) before it was created ({created}).</source>
        <translation>Der Deal wurde abgeschlossen ({closed}), bevor er angelegt wurde ({created}).</translation>
    </message>
    <message>
        <source>The ID '{value}' is in the file more than once.</source>
        <translation>Die ID „{value}“ steht mehrmals in der Datei.</translation>
    </message>
    <message>
        <source>These deals were imported before (the same ID): nothing is imported twice; choose to skip them.</source>
        <translation>Diese Deals wurden schon einmal importiert (dieselbe ID): Nichts wird doppelt importiert; wählen Sie, sie zu überspringen.</translation>
    </message>
    <message>
        <source>'{value}' in column '{column}' (row {row}) only makes sense with a decimal comma: switch on "decimal comma" or nothing is imported.</source>
        <translation>„{value}“ in Spalte „{column}“ (Zeile {row}) ergibt nur mit Dezimalkomma Sinn: Schalten Sie „Dezimalkomma“ ein, sonst wird nichts importiert.</translation>
    </message>
    <message>
        <source>'{value}' in column '{column}' (row {row}) only makes sense with a decimal point: switch off "decimal comma" or nothing is imported.</source>
        <translation>„{value}“ in Spalte „{column}“ (Zeile {row}) ergibt nur mit Dezimalpunkt Sinn: Schalten Sie „Dezimalkomma“ aus, sonst wird nichts importiert.</translation>
    </message>
    <message>
        <source>The file writes numbers with a decimal comma ('{comma}', row {comma_row}) and with a decimal point ('{point}', row {point_row}): correct one of them.</source>
        <translation>Die Datei schreibt Zahlen mit Dezimalkomma („{comma}“, Zeile {comma_row}) und mit Dezimalpunkt („{point}“, Zeile {point_row}): Korrigieren Sie eines davon.</translation>
    </message>
    <message>
        <source>Only somebody who may manage people can create the new ones this file names.</source>
        <translation>Nur wer Personen verwalten darf, kann die neuen Personen anlegen, die diese Datei nennt.</translation>
    </message>
    <message>
        <source>The file was read as {encoding}, the likeliest of several encodings: if letters look wrong, choose another.</source>
        <translation>Die Datei wurde als {encoding} gelesen, die wahrscheinlichste von mehreren Kodierungen: Sehen Buchstaben falsch aus, wählen Sie eine andere.</translation>
    </message>
    <message>
        <source>Numbers were read with a decimal comma (as '{value}' in column '{column}', row {row}).</source>
        <translation>Zahlen wurden mit Dezimalkomma gelesen (wie „{value}“ in Spalte „{column}“, Zeile {row}).</translation>
    </message>
    <message>
        <source>Numbers were read with a decimal point (as '{value}' in column '{column}', row {row}).</source>
        <translation>Zahlen wurden mit Dezimalpunkt gelesen (wie „{value}“ in Spalte „{column}“, Zeile {row}).</translation>
    </message>
    <message>
        <source>No column says when deals were closed: won and lost deals are taken as closed on their close date ('{column}').</source>
        <translation>Keine Spalte sagt, wann Deals abgeschlossen wurden: Gewonnene und verlorene Deals gelten als an ihrem Abschlussdatum („{column}“) abgeschlossen.</translation>
    </message>
    <message>
        <source>{count} won or lost deals have no closing date: they are taken as closed today.</source>
        <translation>{count} gewonnene oder verlorene Deals haben kein Abschlussdatum: Sie gelten als heute abgeschlossen.</translation>
    </message>
    <message>
        <source>{count} deals have no creation date: each is taken as created on the earliest date the file gives for it (its begin date, a stage's date or its closing).</source>
        <translation>{count} Deals haben kein Erstellungsdatum: Jeder gilt als am frühesten Datum angelegt, das die Datei für ihn nennt (Beginn, Datum einer Phase oder Abschluss).</translation>
    </message>
    <message>
        <source>{count} deals have no date at all: they are taken as created today.</source>
        <translation>{count} Deals haben gar kein Datum: Sie gelten als heute angelegt.</translation>
    </message>
    <message>
        <source>No column holds the deals' titles: {count} deals are named after their company and product (or their ID).</source>
        <translation>Keine Spalte enthält die Titel der Deals: {count} Deals werden nach Unternehmen und Produkt (oder ihrer ID) benannt.</translation>
    </message>
    <message>
        <source>{count} deals imported before (the same ID) are skipped.</source>
        <translation>{count} schon früher importierte Deals (dieselbe ID) werden übersprungen.</translation>
    </message>
    <message>
        <source>New people are created without roles: give them roles in Settings › People.</source>
        <translation>Neue Personen werden ohne Rollen angelegt: Geben Sie ihnen Rollen unter Einstellungen › Personen.</translation>
    </message>
    <message>
        <source>Rows {rows}: {problem}</source>
        <translation>Zeilen {rows}: {problem}</translation>
    </message>
    <message>
        <source>Rows {rows} and {more} more: {problem}</source>
        <translation>Zeilen {rows} und {more} weitere: {problem}</translation>
    </message>
    <message>
        <source>This is not an import, or it was undone already.</source>
        <translation>Das ist kein Import, oder er wurde schon rückgängig gemacht.</translation>
    </message>
    <message>
        <source>Only who imported the file, or an administrator, can undo the import.</source>
        <translation>Nur wer die Datei importiert hat, oder ein Administrator, kann den Import rückgängig machen.</translation>
    </message>
    <message>
        <source>'{value}' is not a status (open, won or lost).</source>
        <translation>„{value}“ ist kein Status (offen, gewonnen oder verloren).</translation>
    </message>
    <message>
        <source>These deals were imported before (the same ID): nothing is imported twice; choose to skip or to update them.</source>
        <translation>Diese Deals wurden schon einmal importiert (dieselbe ID): Nichts wird doppelt importiert; wählen Sie, sie zu überspringen oder zu aktualisieren.</translation>
    </message>
    <message>
        <source>{count} deals imported before (the same ID) are updated with the file's values.</source>
        <translation>{count} schon importierte Deals (dieselbe ID) werden mit den Werten der Datei aktualisiert.</translation>
    </message>
    <message>
        <source>{count} deals imported before were changed in Dealdesk since (or deleted) and stay as they are: {ids}</source>
        <translation>{count} schon importierte Deals wurden seitdem in Dealdesk geändert (oder gelöscht) und bleiben, wie sie sind: {ids}</translation>
    </message>
    <message>
        <source>Only an administrator can export everything.</source>
        <translation>Nur ein Administrator kann alles exportieren.</translation>
    </message>
    <message>
        <source>Only an administrator can import a whole export.</source>
        <translation>Nur ein Administrator kann einen ganzen Export importieren.</translation>
    </message>
    <message>
        <source>{folder} is not a folder written by Export all (it has no deals.csv).</source>
        <translation>{folder} ist kein Ordner von „Alles exportieren“ (er enthält keine deals.csv).</translation>
    </message>
    <message>
        <source>Give the mapping a name (at most 80 characters).</source>
        <translation>Geben Sie der Zuordnung einen Namen (höchstens 80 Zeichen).</translation>
    </message>
    <message>
        <source>{name} is in Dealdesk already (the same name or ID): choose to skip or to update such rows.</source>
        <translation>{name} ist schon in Dealdesk (derselbe Name oder dieselbe ID): Wählen Sie, solche Zeilen zu überspringen oder zu aktualisieren.</translation>
    </message>
    <message>
        <source>Choose the column that holds the {what}' names.</source>
        <translation>Wählen Sie die Spalte mit den Namen der {what}.</translation>
    </message>
    <message>
        <source>New custom fields (text) are made for the columns {columns}.</source>
        <translation>Für die Spalten {columns} werden neue eigene Felder (Text) angelegt.</translation>
    </message>
    <message>
        <source>Choose the columns that hold the people's logins and names.</source>
        <translation>Wählen Sie die Spalten mit den Anmeldenamen und Namen der Personen.</translation>
    </message>
    <message>
        <source>A task needs a title (at most 255 characters).</source>
        <translation>Eine Aufgabe braucht einen Titel (höchstens 255 Zeichen).</translation>
    </message>
    <message>
        <source>'{value}' is not a kind of task (to-do, call, meeting, e-mail).</source>
        <translation>„{value}“ ist keine Art von Aufgabe (Aufgabe, Anruf, Termin, E-Mail).</translation>
    </message>
    <message>
        <source>A meeting lasts between 1 minute and 24 hours.</source>
        <translation>Ein Termin dauert zwischen 1 Minute und 24 Stunden.</translation>
    </message>
    <message>
        <source>There is no task {id} (any more).</source>
        <translation>Es gibt keine Aufgabe {id} (mehr).</translation>
    </message>
    <message>
        <source>This task is not yours to change.</source>
        <translation>Diese Aufgabe dürfen Sie nicht ändern.</translation>
    </message>
    <message>
        <source>There is no {what} {id} to link the task to.</source>
        <translation>Es gibt kein(e) {what} {id}, mit dem/der die Aufgabe verknüpft werden könnte.</translation>
    </message>
    <message>
        <source>A reminder comes between 0 minutes and 7 days before the task.</source>
        <translation>Eine Erinnerung kommt zwischen 0 Minuten und 7 Tagen vor der Aufgabe.</translation>
    </message>
    <message>
        <source>Choose the deals to plan the task for.</source>
        <translation>Wählen Sie die Deals, für die die Aufgabe geplant wird.</translation>
    </message>
    <message>
        <source>There is no person {id} to put on the task.</source>
        <translation>Es gibt keine Person {id}, die der Aufgabe zugeordnet werden kann.</translation>
    </message>
    <message>
        <source>A notification needs a text (at most 255 characters).</source>
        <translation>Eine Benachrichtigung braucht einen Text (höchstens 255 Zeichen).</translation>
    </message>
    <message>
        <source>Choose at least one person to notify.</source>
        <translation>Wählen Sie mindestens eine Person, die benachrichtigt wird.</translation>
    </message>
    <message>
        <source>The task needs a title.</source>
        <translation>Die Aufgabe braucht einen Titel.</translation>
    </message>
    <message>
        <source>Say what the message is.</source>
        <translation>Geben Sie den Text der Nachricht an.</translation>
    </message>
    <message>
        <source>Choose at least one person.</source>
        <translation>Wählen Sie mindestens eine Person.</translation>
    </message>
    <message>
        <source>Choose the field to change.</source>
        <translation>Wählen Sie das zu ändernde Feld.</translation>
    </message>
    <message>
        <source>Choose the stage to move the deal to.</source>
        <translation>Wählen Sie die Phase, in die der Deal verschoben wird.</translation>
    </message>
    <message>
        <source>An e-mail needs a subject and a text.</source>
        <translation>Eine E-Mail braucht einen Betreff und einen Text.</translation>
    </message>
    <message>
        <source>Choose the document template.</source>
        <translation>Wählen Sie die Dokumentvorlage.</translation>
    </message>
    <message>
        <source>A task is due between 0 hours and 365 days after the rule runs.</source>
        <translation>Eine Aufgabe ist zwischen 0 Stunden und 365 Tagen nach dem Lauf der Regel fällig.</translation>
    </message>
    <message>
        <source>A condition names no field of a deal ('{value}').</source>
        <translation>Eine Bedingung nennt kein Feld eines Deals („{value}“).</translation>
    </message>
    <message>
        <source>'{value}' is not a comparison a condition can make.</source>
        <translation>„{value}“ ist kein Vergleich, den eine Bedingung anstellen kann.</translation>
    </message>
    <message>
        <source>Another PC took this automation job over (this one was too slow): its work was undone here.</source>
        <translation>Ein anderer PC hat diesen Automatisierungsauftrag übernommen (dieser war zu langsam): Seine Arbeit wurde hier zurückgenommen.</translation>
    </message>
    <message>
        <source>Your role does not let you run automation jobs again.</source>
        <translation>Ihre Rolle erlaubt nicht, Automatisierungsaufträge erneut auszuführen.</translation>
    </message>
    <message>
        <source>Give the mail server's name (e.g. smtp.example.com).</source>
        <translation>Geben Sie den Namen des Mailservers an (z. B. smtp.example.com).</translation>
    </message>
    <message>
        <source>A port is a number from 1 to 65535.</source>
        <translation>Ein Port ist eine Zahl von 1 bis 65535.</translation>
    </message>
    <message>
        <source>Choose STARTTLS, SSL or none.</source>
        <translation>Wählen Sie STARTTLS, SSL oder keine Verschlüsselung.</translation>
    </message>
    <message>
        <source>Give the address the e-mails come from.</source>
        <translation>Geben Sie die Absenderadresse der E-Mails an.</translation>
    </message>
    <message>
        <source>No mail server is set up yet (Settings › E-mail).</source>
        <translation>Noch kein Mailserver eingerichtet (Einstellungen › E-Mail).</translation>
    </message>
    <message>
        <source>This computer has no password store Dealdesk can use, so the password can't be kept: {why}</source>
        <translation>Dieser Computer hat keinen Passwortspeicher, den Dealdesk nutzen kann, daher kann das Passwort nicht gespeichert werden: {why}</translation>
    </message>
    <message>
        <source>The mail server did not take the message: {why}</source>
        <translation>Der Mailserver hat die Nachricht nicht angenommen: {why}</translation>
    </message>
    <message>
        <source>Your role does not let you set up automation.</source>
        <translation>Ihre Rolle erlaubt nicht, Automatisierung einzurichten.</translation>
    </message>
    <message>
        <source>A rule needs a name (at most 200 characters).</source>
        <translation>Eine Regel braucht einen Namen (höchstens 200 Zeichen).</translation>
    </message>
    <message>
        <source>'{value}' is not something a rule can do.</source>
        <translation>„{value}“ kann eine Regel nicht tun.</translation>
    </message>
    <message>
        <source>'{value}' is not something a trigger can listen for.</source>
        <translation>Auf „{value}“ kann ein Auslöser nicht reagieren.</translation>
    </message>
    <message>
        <source>There is no rule {id} (any more).</source>
        <translation>Es gibt (nicht mehr) die Regel {id}.</translation>
    </message>
    <message>
        <source>There is no trigger {id} (any more).</source>
        <translation>Es gibt (nicht mehr) den Auslöser {id}.</translation>
    </message>
    <message>
        <source>There is no stage {id}.</source>
        <translation>Es gibt keine Phase {id}.</translation>
    </message>
    <message>
        <source>There is no deal {id}.</source>
        <translation>Es gibt keinen Deal {id}.</translation>
    </message>
    <message>
        <source>A delay is between 1 minute and 365 days.</source>
        <translation>Eine Verzögerung liegt zwischen 1 Minute und 365 Tagen.</translation>
    </message>
    <message>
        <source>Days before or after a date are between 0 and 365.</source>
        <translation>Tage vor oder nach einem Datum liegen zwischen 0 und 365.</translation>
    </message>
    <message>
        <source>Choose the deal's date the rule counts from.</source>
        <translation>Wählen Sie das Datum des Deals, von dem aus die Regel zählt.</translation>
    </message>
    <message>
        <source>'{value}' is not a time of day (HH:MM).</source>
        <translation>„{value}“ ist keine Uhrzeit (HH:MM).</translation>
    </message>
    <message>
        <source>Choose the field whose change moves the deal.</source>
        <translation>Wählen Sie das Feld, dessen Änderung den Deal verschiebt.</translation>
    </message>
    <message>
        <source>Your role does not let you send automation's messages again.</source>
        <translation>Ihre Rolle erlaubt nicht, Nachrichten der Automatisierung erneut zu senden.</translation>
    </message>
    <message>
        <source>The SMS gateway's address starts with https:// (or http://).</source>
        <translation>Die Adresse des SMS-Gateways beginnt mit https:// (oder http://).</translation>
    </message>
    <message>
        <source>The SMS gateway is called with GET or POST.</source>
        <translation>Das SMS-Gateway wird mit GET oder POST aufgerufen.</translation>
    </message>
    <message>
        <source>The gateway's parameters need the number and the text in them ({names}).</source>
        <translation>Die Parameter des Gateways brauchen die Nummer und den Text ({names}).</translation>
    </message>
    <message>
        <source>'{value}' is not a country code (DE, AT, CH, GB …).</source>
        <translation>„{value}“ ist kein Ländercode (DE, AT, CH, GB …).</translation>
    </message>
    <message>
        <source>Choose the deal's date (close date or begin date) that moves it.</source>
        <translation>Wählen Sie das Datum des Deals (Abschluss- oder Beginndatum), das ihn verschiebt.</translation>
    </message>
    <message>
        <source>There is no invoice {id} (any more).</source>
        <translation>Es gibt (nicht mehr) die Rechnung {id}.</translation>
    </message>
    <message>
        <source>A down payment is more than 0 % and at most 100 % of the deal.</source>
        <translation>Eine Anzahlung beträgt mehr als 0 % und höchstens 100 % des Deals.</translation>
    </message>
    <message>
        <source>The deal has nothing to invoice (no products and no amount).</source>
        <translation>Der Deal hat nichts abzurechnen (keine Produkte und kein Betrag).</translation>
    </message>
    <message>
        <source>Invoice {number} is issued: it is not changed any more. Cancel it and make a new one.</source>
        <translation>Rechnung {number} ist gestellt: Sie wird nicht mehr geändert. Stornieren Sie sie und erstellen Sie eine neue.</translation>
    </message>
    <message>
        <source>Only an issued invoice can be cancelled.</source>
        <translation>Nur eine gestellte Rechnung kann storniert werden.</translation>
    </message>
    <message>
        <source>Payments are recorded against issued invoices only.</source>
        <translation>Zahlungen werden nur zu gestellten Rechnungen erfasst.</translation>
    </message>
    <message>
        <source>A payment is an amount of more than 0.</source>
        <translation>Eine Zahlung ist ein Betrag über 0.</translation>
    </message>
    <message>
        <source>That is more than the {open} still open on invoice {number}.</source>
        <translation>Das ist mehr als die {open}, die auf Rechnung {number} noch offen sind.</translation>
    </message>
    <message>
        <source>An invoice needs at least one line.</source>
        <translation>Eine Rechnung braucht mindestens eine Position.</translation>
    </message>
    <message>
        <source>Payment is due within 0 to 365 days.</source>
        <translation>Die Zahlung ist innerhalb von 0 bis 365 Tagen fällig.</translation>
    </message>
    <message>
        <source>Only an issued invoice can be an e-invoice.</source>
        <translation>Nur eine gestellte Rechnung kann eine E-Rechnung sein.</translation>
    </message>
    <message>
        <source>An e-invoice needs the office's name, address and VAT ID (Settings › Documents › My company).</source>
        <translation>Eine E-Rechnung braucht Name, Anschrift und USt-IdNr. des Büros (Einstellungen › Dokumente › Mein Unternehmen).</translation>
    </message>
    <message>
        <source>The e-invoice did not pass the EN 16931 schema: {why}</source>
        <translation>Die E-Rechnung hat das EN-16931-Schema nicht bestanden: {why}</translation>
    </message>
    <message>
        <source>There is no quote {id} (any more).</source>
        <translation>Es gibt (nicht mehr) das Angebot {id}.</translation>
    </message>
    <message>
        <source>Quote {number} is {state}: it can't be {what} any more.</source>
        <translation>Angebot {number} ist {state}: Es kann nicht mehr {what} werden.</translation>
    </message>
    <message>
        <source>A quote is valid for 1 to 365 days.</source>
        <translation>Ein Angebot gilt 1 bis 365 Tage.</translation>
    </message>
    <message>
        <source>'{value}' is not a VAT ID: two letters for the country, then its number (DE123456789).</source>
        <translation>„{value}“ ist keine USt-IdNr.: zwei Buchstaben für das Land, dann die Nummer (DE123456789).</translation>
    </message>
    <message>
        <source>'{value}' is not a Leitweg-ID: groups of digits and letters ending in two check digits (991-12345-06).</source>
        <translation>„{value}“ ist keine Leitweg-ID: Gruppen aus Ziffern und Buchstaben, am Ende zwei Prüfziffern (991-12345-06).</translation>
    </message>
    <message>
        <source>There is no template for '{kind}'.</source>
        <translation>Es gibt keine Vorlage für „{kind}“.</translation>
    </message>
    <message>
        <source>Invoice {number} is not overdue: it is due on {due}.</source>
        <translation>Rechnung {number} ist nicht überfällig: Sie ist am {due} fällig.</translation>
    </message>
    <message>
        <source>Invoice {number} has nothing open to remind of.</source>
        <translation>Bei Rechnung {number} ist nichts offen, woran zu erinnern wäre.</translation>
    </message>
    <message>
        <source>Reminder {level} asked for payment by {date}; the next one can go out after that.</source>
        <translation>Mahnstufe {level} hat Zahlung bis {date} verlangt; die nächste kann danach hinausgehen.</translation>
    </message>
    <message>
        <source>Invoice {number} has had its final reminder; what remains is a collection agency or a court.</source>
        <translation>Rechnung {number} hatte ihre letzte Mahnung; es bleiben Inkasso oder Mahnbescheid.</translation>
    </message>
    <message>
        <source>A reminder fee is an amount of 0 or more.</source>
        <translation>Eine Mahngebühr ist ein Betrag von 0 oder mehr.</translation>
    </message>
    <message>
        <source>There is no payment reminder {id} (any more).</source>
        <translation>Die Zahlungserinnerung {id} gibt es nicht (mehr).</translation>
    </message>
    <message>
        <source>The e-invoice could not be put into the PDF: {why}</source>
        <translation>Die E-Rechnung konnte nicht in das PDF eingebettet werden: {why}</translation>
    </message>
    <message>
        <source>'{value}' is not an IBAN: its country, length or check digits are wrong.</source>
        <translation>„{value}“ ist keine IBAN: Land, Länge oder Prüfziffern stimmen nicht.</translation>
    </message>
    <message>
        <source>Only an administrator sets the base currency.</source>
        <translation>Nur ein Administrator legt die Basiswährung fest.</translation>
    </message>
    <message>
        <source>There is no currency {code}.</source>
        <translation>Es gibt keine Währung {code}.</translation>
    </message>
    <message>
        <source>The base currency is chosen before the first deal is made.</source>
        <translation>Die Basiswährung wird gewählt, bevor der erste Deal angelegt wird.</translation>
    </message>
    <message>
        <source>An approval is answered, not ticked off: approve or reject it.</source>
        <translation>Eine Freigabe wird beantwortet, nicht abgehakt: Geben Sie sie frei oder lehnen Sie sie ab.</translation>
    </message>
    <message>
        <source>A workflow needs at least one step.</source>
        <translation>Ein Workflow braucht mindestens einen Schritt.</translation>
    </message>
    <message>
        <source>A workflow has at most {count} steps.</source>
        <translation>Ein Workflow hat höchstens {count} Schritte.</translation>
    </message>
    <message>
        <source>Step {step}: '{kind}' is not a kind of step.</source>
        <translation>Schritt {step}: „{kind}“ ist keine Art von Schritt.</translation>
    </message>
    <message>
        <source>Step {step}: another step has the same id.</source>
        <translation>Schritt {step}: Ein anderer Schritt hat dieselbe ID.</translation>
    </message>
    <message>
        <source>Step {step}: choose what it does.</source>
        <translation>Schritt {step}: Wählen Sie, was er tut.</translation>
    </message>
    <message>
        <source>Step {step}: this action works on deals only.</source>
        <translation>Schritt {step}: Diese Aktion gibt es nur für Deals.</translation>
    </message>
    <message>
        <source>Step {step}: it needs at least {count} branches.</source>
        <translation>Schritt {step}: Er braucht mindestens {count} Zweige.</translation>
    </message>
    <message>
        <source>Step {step} can never run: it comes after a step that ends the workflow.</source>
        <translation>Schritt {step} kann nie laufen: Er folgt auf einen Schritt, der den Workflow beendet.</translation>
    </message>
    <message>
        <source>Step {step} can never run: its branch comes after the branch taken otherwise.</source>
        <translation>Schritt {step} kann nie laufen: Sein Zweig steht nach dem Zweig für alle anderen Fälle.</translation>
    </message>
    <message>
        <source>Step {step}: '{what}' is not a field, variable or earlier step.</source>
        <translation>Schritt {step}: „{what}“ ist weder ein Feld noch eine Variable noch ein früherer Schritt.</translation>
    </message>
    <message>
        <source>Step {step}: '{op}' is not a comparison a condition can make.</source>
        <translation>Schritt {step}: „{op}“ ist kein Vergleich, den eine Bedingung anstellen kann.</translation>
    </message>
    <message>
        <source>Step {step}: say how long, until which date or for which field.</source>
        <translation>Schritt {step}: Geben Sie an, wie lange, bis zu welchem Datum oder auf welches Feld.</translation>
    </message>
    <message>
        <source>Step {step}: choose who approves.</source>
        <translation>Schritt {step}: Wählen Sie, wer freigibt.</translation>
    </message>
    <message>
        <source>Step {step}: approved by any one or by all.</source>
        <translation>Schritt {step}: Freigabe durch eine Person oder durch alle.</translation>
    </message>
    <message>
        <source>Step {step}: an approval has an approved and a rejected branch.</source>
        <translation>Schritt {step}: Eine Freigabe hat einen Zweig „freigegeben“ und einen Zweig „abgelehnt“.</translation>
    </message>
    <message>
        <source>Step {step}: name the variable.</source>
        <translation>Schritt {step}: Benennen Sie die Variable.</translation>
    </message>
    <message>
        <source>Step {step}: choose the workflow to start.</source>
        <translation>Schritt {step}: Wählen Sie den Workflow, der starten soll.</translation>
    </message>
    <message>
        <source>Parameter '{name}': a name of letters, digits and _, and a type.</source>
        <translation>Parameter „{name}“: ein Name aus Buchstaben, Ziffern und _ und ein Typ.</translation>
    </message>
    <message>
        <source>The workflow's definition is not valid: {error}.</source>
        <translation>Die Definition des Workflows ist ungültig: {error}.</translation>
    </message>
    <message>
        <source>The workflow was stopped or another PC took it over: this step was undone here.</source>
        <translation>Der Workflow wurde angehalten oder ein anderer PC hat ihn übernommen: Dieser Schritt wurde hier rückgängig gemacht.</translation>
    </message>
    <message>
        <source>Only people who may manage settings design workflows.</source>
        <translation>Nur Personen, die Einstellungen verwalten dürfen, entwerfen Workflows.</translation>
    </message>
    <message>
        <source>A workflow needs a name (at most 200 characters).</source>
        <translation>Ein Workflow braucht einen Namen (höchstens 200 Zeichen).</translation>
    </message>
    <message>
        <source>'{value}' is not a kind of record a workflow runs on.</source>
        <translation>„{value}“ ist keine Art von Datensatz, auf der ein Workflow läuft.</translation>
    </message>
    <message>
        <source>This is not a Dealdesk workflow file.</source>
        <translation>Das ist keine Workflow-Datei von Dealdesk.</translation>
    </message>
    <message>
        <source>You may not start the workflow “{name}”.</source>
        <translation>Sie dürfen den Workflow „{name}“ nicht starten.</translation>
    </message>
    <message>
        <source>The workflow “{name}” is not started by hand.</source>
        <translation>Der Workflow „{name}“ wird nicht von Hand gestartet.</translation>
    </message>
    <message>
        <source>Your role does not let you change all of these records.</source>
        <translation>Ihre Rolle erlaubt Ihnen nicht, alle diese Datensätze zu ändern.</translation>
    </message>
    <message>
        <source>Choose the records to start it on.</source>
        <translation>Wählen Sie die Datensätze, auf denen er starten soll.</translation>
    </message>
    <message>
        <source>“{label}” is needed to start this workflow.</source>
        <translation>„{label}“ wird zum Start dieses Workflows gebraucht.</translation>
    </message>
    <message>
        <source>Only its starter, the record's people and administrators stop a workflow.</source>
        <translation>Nur wer ihn gestartet hat, die Personen des Datensatzes und Administratoren halten einen Workflow an.</translation>
    </message>
    <message>
        <source>This workflow is not running any more.</source>
        <translation>Dieser Workflow läuft nicht mehr.</translation>
    </message>
    <message>
        <source>There is no workflow run #{id}.</source>
        <translation>Es gibt keinen Workflow-Lauf #{id}.</translation>
    </message>
    <message>
        <source>There is no approval for you in task #{id}.</source>
        <translation>In Aufgabe #{id} gibt es keine Freigabe für Sie.</translation>
    </message>
    <message>
        <source>This approval was already answered or is no longer needed.</source>
        <translation>Diese Freigabe wurde schon beantwortet oder wird nicht mehr gebraucht.</translation>
    </message>
    <message>
        <source>Somebody else changed the workflow “{name}” meanwhile.</source>
        <translation>Jemand anderes hat den Workflow „{name}“ inzwischen geändert.</translation>
    </message>
    <message>
        <source>There is no workflow #{id} (or it is switched off).</source>
        <translation>Es gibt keinen Workflow #{id} (oder er ist ausgeschaltet).</translation>
    </message>
    <message>
        <source>'{value}' is not a number.</source>
        <translation>„{value}“ ist keine Zahl.</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>Begin date</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>Close date</source>
        <translation>Abschlussdatum</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Wahrscheinlichkeit</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Verantwortlich</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Unternehmen</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Kommentare</translation>
    </message>
    <message>
        <source>Loss reason</source>
        <translation>Verlustgrund</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Angelegt</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Abteilung</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Anmeldename</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Companies</source>
        <translation>Unternehmen</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Branche</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>Artikelnummer</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Einheit</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Tax rate</source>
        <translation>Steuersatz</translation>
    </message>
    <message>
        <source>Tax included</source>
        <translation>Steuer inbegriffen</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Company name</source>
        <translation>Firmenname</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>Open to everyone</source>
        <translation>Für alle offen</translation>
    </message>
    <message>
        <source>Observers</source>
        <translation>Beobachter</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>Abgeschlossen am</translation>
    </message>
    <message>
        <source>ID in the other program</source>
        <translation>ID im anderen Programm</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Product quantity</source>
        <translation>Produktmenge</translation>
    </message>
    <message>
        <source>Product price</source>
        <translation>Produktpreis</translation>
    </message>
    <message>
        <source>Entered {stage} ({pipeline})</source>
        <translation>In {stage} gekommen ({pipeline})</translation>
    </message>
    <message>
        <source>Status (open, won, lost)</source>
        <translation>Status (offen, gewonnen, verloren)</translation>
    </message>
    <message>
        <source>companies</source>
        <translation>Unternehmen</translation>
    </message>
    <message>
        <source>contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <source>leads</source>
        <translation>Leads</translation>
    </message>
    <message>
        <source>products</source>
        <translation>Produkte</translation>
    </message>
    <message>
        <source>A new custom field (text)</source>
        <translation>Ein neues eigenes Feld (Text)</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <source>VAT ID</source>
        <translation>USt-IdNr.</translation>
    </message>
    <message>
        <source>Leitweg-ID</source>
        <translation>Leitweg-ID</translation>
    </message>
</context>
<context>
    <name>firstRun</name>
    <message>
        <source>First start</source>
        <translation>Erster Start</translation>
    </message>
    <message>
        <source>A PostgreSQL address begins with postgresql+psycopg://user@server/database</source>
        <translation>Eine PostgreSQL-Adresse beginnt mit postgresql+psycopg://benutzer@server/datenbank</translation>
    </message>
    <message>
        <source>Making demo data…</source>
        <translation>Demodaten werden erstellt …</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>Demodaten</translation>
    </message>
</context>
<context>
    <name>forms</name>
    <message>
        <source>Section</source>
        <translation>Abschnitt</translation>
    </message>
    <message>
        <source>About the deal</source>
        <translation>Zum Deal</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>About the person</source>
        <translation>Zur Person</translation>
    </message>
    <message>
        <source>About the company</source>
        <translation>Zum Unternehmen</translation>
    </message>
    <message>
        <source>About the lead</source>
        <translation>Zum Lead</translation>
    </message>
    <message>
        <source>More</source>
        <translation>Weiteres</translation>
    </message>
    <message>
        <source>New section</source>
        <translation>Neuer Abschnitt</translation>
    </message>
</context>
<context>
    <name>invoices</name>
    <message>
        <source>Down payment {share} % – {title}</source>
        <translation>Anzahlung {share} % – {title}</translation>
    </message>
    <message>
        <source>Less down payment {number}</source>
        <translation>Abzüglich Anzahlung {number}</translation>
    </message>
</context>
<context>
    <name>opening</name>
    <message>
        <source>The database is damaged</source>
        <translation>Die Datenbank ist beschädigt</translation>
    </message>
    <message>
        <source>%1

There is no good backup in %2 to restore. Keep the file for repair; do not delete it.</source>
        <translation>%1

In %2 gibt es keine intakte Sicherung zum Wiederherstellen. Bewahren Sie die Datei zur Reparatur auf; löschen Sie sie nicht.</translation>
    </message>
    <message>
        <source>%1

Restore the newest good backup, of %2 (%3 deals)? Changes made since then are lost; the damaged file is kept in the backup folder.</source>
        <translation>%1

Die neueste intakte Sicherung vom %2 (%3 Deals) wiederherstellen? Seitdem gemachte Änderungen gehen verloren; die beschädigte Datei wird im Sicherungsordner aufbewahrt.</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Wiederhergestellt</translation>
    </message>
    <message>
        <source>The backup is in place. The damaged file is kept at:
%1</source>
        <translation>Die Sicherung ist eingespielt. Die beschädigte Datei liegt unter:
%1</translation>
    </message>
</context>
<context>
    <name>periods</name>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Diese Woche</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Dieser Monat</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Letzter Monat</translation>
    </message>
    <message>
        <source>Next month</source>
        <translation>Nächster Monat</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>Dieses Quartal</translation>
    </message>
    <message>
        <source>Last quarter</source>
        <translation>Letztes Quartal</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>Dieses Jahr</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>Letztes Jahr</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Benutzerdefiniert</translation>
    </message>
</context>
<context>
    <name>presets</name>
    <message>
        <source>My deals</source>
        <translation>Meine Deals</translation>
    </message>
    <message>
        <source>Open deals</source>
        <translation>Offene Deals</translation>
    </message>
    <message>
        <source>Closing this month</source>
        <translation>Abschluss diesen Monat</translation>
    </message>
    <message>
        <source>Won this year</source>
        <translation>Dieses Jahr gewonnen</translation>
    </message>
</context>
<context>
    <name>quotes</name>
    <message>
        <source>changed</source>
        <translation>geändert</translation>
    </message>
    <message>
        <source>sent or declined</source>
        <translation>versendet oder abgelehnt</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>angenommen</translation>
    </message>
    <message>
        <source>invoiced before it is accepted</source>
        <translation>vor der Annahme abgerechnet</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>ein Entwurf</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>versendet</translation>
    </message>
    <message>
        <source>declined</source>
        <translation>abgelehnt</translation>
    </message>
</context>
<context>
    <name>sources</name>
    <message>
        <source>Call</source>
        <translation>Anruf</translation>
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
        <source>Advertising</source>
        <translation>Werbung</translation>
    </message>
    <message>
        <source>Existing client</source>
        <translation>Bestandskunde</translation>
    </message>
    <message>
        <source>By recommendation</source>
        <translation>Empfehlung</translation>
    </message>
    <message>
        <source>Show / exhibition</source>
        <translation>Messe / Ausstellung</translation>
    </message>
    <message>
        <source>CRM form</source>
        <translation>CRM-Formular</translation>
    </message>
    <message>
        <source>Callback</source>
        <translation>Rückruf</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
</context>
<context>
    <name>storage</name>
    <message>
        <source>{name} is busy: another person's work (an import or a large change) is holding it. Nothing was changed; try again in a moment.</source>
        <translation>{name} ist belegt: Die Arbeit einer anderen Person (ein Import oder eine große Änderung) hält die Datei. Es wurde nichts geändert; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>{name} can only be read: the file, its folder or the drive is write-protected. Nothing was changed; ask whoever looks after the drive for write access.</source>
        <translation>{name} kann nur gelesen werden: Die Datei, ihr Ordner oder das Laufwerk ist schreibgeschützt. Es wurde nichts geändert; bitten Sie die Person, die das Laufwerk betreut, um Schreibrechte.</translation>
    </message>
    <message>
        <source>The drive holding {name} is full. Nothing was changed; free some space there and try again.</source>
        <translation>Das Laufwerk mit {name} ist voll. Es wurde nichts geändert; schaffen Sie dort Platz und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>{name} is damaged and can't be used safely. Restore the latest backup (File › Restore…, or 'dealdesk restore').</source>
        <translation>{name} ist beschädigt und kann nicht sicher verwendet werden. Stellen Sie die letzte Sicherung wieder her (Datei › Wiederherstellen… oder „dealdesk restore“).</translation>
    </message>
    <message>
        <source>{name} is not there. Is the network drive connected? Nothing was changed.</source>
        <translation>{name} ist nicht vorhanden. Ist das Netzlaufwerk verbunden? Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>{name} could not be read or written (the drive reported an error). Is the network drive still connected? Nothing was changed.</source>
        <translation>{name} konnte nicht gelesen oder geschrieben werden (das Laufwerk meldete einen Fehler). Ist das Netzlaufwerk noch verbunden? Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>{name} is not a Dealdesk database (not an SQLite file).</source>
        <translation>{name} ist keine Dealdesk-Datenbank (keine SQLite-Datei).</translation>
    </message>
    <message>
        <source>The database {name} reported a problem: {detail}.</source>
        <translation>Die Datenbank {name} meldete ein Problem: {detail}.</translation>
    </message>
    <message>
        <source>{name} is not there. Is the network drive connected? (To start a new database there, create it deliberately: 'dealdesk init', or File › New database.)</source>
        <translation>{name} ist nicht vorhanden. Ist das Netzlaufwerk verbunden? (Eine neue Datenbank dort legen Sie bewusst an: „dealdesk init“ oder Datei › Neue Datenbank.)</translation>
    </message>
    <message>
        <source>{name} is empty (0 bytes): it holds no database. Is it the right file? (To start a new database in it, create it deliberately: 'dealdesk init'.)</source>
        <translation>{name} ist leer (0 Byte): Sie enthält keine Datenbank. Ist es die richtige Datei? (Eine neue Datenbank darin legen Sie bewusst an: „dealdesk init“.)</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist. Is the network drive connected? Create the folder first to start a new database there.</source>
        <translation>Der Ordner {folder} existiert nicht. Ist das Netzlaufwerk verbunden? Legen Sie zuerst den Ordner an, um dort eine neue Datenbank zu beginnen.</translation>
    </message>
    <message>
        <source>Can't create the folder {folder}: {reason}.</source>
        <translation>Der Ordner {folder} kann nicht angelegt werden: {reason}.</translation>
    </message>
    <message>
        <source>You stopped waiting for {name}: your change was not saved. Nothing was changed.</source>
        <translation>Sie haben das Warten auf {name} abgebrochen: Ihre Änderung wurde nicht gespeichert. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The backup just written to {path} failed its check ({detail}); it was removed. The database itself may be damaged: restore an earlier backup.</source>
        <translation>Die gerade nach {path} geschriebene Sicherung hat die Prüfung nicht bestanden ({detail}) und wurde entfernt. Die Datenbank selbst ist möglicherweise beschädigt: Stellen Sie eine frühere Sicherung wieder her.</translation>
    </message>
    <message>
        <source>{path} is not a usable backup ({detail}); nothing was restored.</source>
        <translation>{path} ist keine brauchbare Sicherung ({detail}); es wurde nichts wiederhergestellt.</translation>
    </message>
    <message>
        <source>There are no backups of {name} in {folder}.</source>
        <translation>In {folder} gibt es keine Sicherungen von {name}.</translation>
    </message>
    <message>
        <source>Can't write backups to {folder}: {reason}.</source>
        <translation>Sicherungen können nicht nach {folder} geschrieben werden: {reason}.</translation>
    </message>
    <message>
        <source>Can't create the database {name}: {reason}.</source>
        <translation>Die Datenbank {name} kann nicht angelegt werden: {reason}.</translation>
    </message>
    <message>
        <source>The database server of {name} can't be reached: {detail}</source>
        <translation>Der Datenbankserver von {name} ist nicht erreichbar: {detail}</translation>
    </message>
</context>
<context>
    <name>workflows</name>
    <message>
        <source>The record is gone.</source>
        <translation>Der Datensatz ist nicht mehr da.</translation>
    </message>
    <message>
        <source>No branch applied.</source>
        <translation>Kein Zweig traf zu.</translation>
    </message>
    <message>
        <source>Took the branch “{branch}”.</source>
        <translation>Zweig „{branch}“ genommen.</translation>
    </message>
    <message>
        <source>Started {count} branches.</source>
        <translation>{count} Zweige gestartet.</translation>
    </message>
    <message>
        <source>Set {name} to “{value}”.</source>
        <translation>{name} auf „{value}“ gesetzt.</translation>
    </message>
    <message>
        <source>Ended the workflow.</source>
        <translation>Workflow beendet.</translation>
    </message>
    <message>
        <source>Told {count} people.</source>
        <translation>{count} Personen benachrichtigt.</translation>
    </message>
    <message>
        <source>No e-mail sent: the record has no e-mail address.</source>
        <translation>Keine E-Mail gesendet: Der Datensatz hat keine E-Mail-Adresse.</translation>
    </message>
    <message>
        <source>Waiting until {when}.</source>
        <translation>Wartet bis {when}.</translation>
    </message>
    <message>
        <source>No date to wait for: went on.</source>
        <translation>Kein Datum zum Warten: weitergegangen.</translation>
    </message>
    <message>
        <source>No task to wait for: went on.</source>
        <translation>Keine Aufgabe zum Warten: weitergegangen.</translation>
    </message>
    <message>
        <source>Waiting for the task to be done.</source>
        <translation>Wartet, bis die Aufgabe erledigt ist.</translation>
    </message>
    <message>
        <source>Waiting for {field} to change.</source>
        <translation>Wartet, bis sich {field} ändert.</translation>
    </message>
    <message>
        <source>Waited.</source>
        <translation>Gewartet.</translation>
    </message>
    <message>
        <source>{field} changed.</source>
        <translation>{field} hat sich geändert.</translation>
    </message>
    <message>
        <source>Waited long enough: {field} did not change.</source>
        <translation>Lange genug gewartet: {field} hat sich nicht geändert.</translation>
    </message>
    <message>
        <source>The task is done.</source>
        <translation>Die Aufgabe ist erledigt.</translation>
    </message>
    <message>
        <source>Waited long enough: the task is not done.</source>
        <translation>Lange genug gewartet: Die Aufgabe ist nicht erledigt.</translation>
    </message>
    <message>
        <source>Asked {count} people to approve.</source>
        <translation>{count} Personen um Freigabe gebeten.</translation>
    </message>
    <message>
        <source>Nobody to ask for approval.</source>
        <translation>Niemand da, der freigeben könnte.</translation>
    </message>
    <message>
        <source>Approved: {comment}</source>
        <translation>Freigegeben: {comment}</translation>
    </message>
    <message>
        <source>Rejected: {comment}</source>
        <translation>Abgelehnt: {comment}</translation>
    </message>
    <message>
        <source>Not answered in time: asked {count} more people.</source>
        <translation>Nicht rechtzeitig beantwortet: {count} weitere Personen gefragt.</translation>
    </message>
    <message>
        <source>Not answered in time; nobody to escalate to.</source>
        <translation>Nicht rechtzeitig beantwortet; niemand zum Eskalieren da.</translation>
    </message>
    <message>
        <source>Workflows kept starting each other: stopped.</source>
        <translation>Workflows haben sich immer wieder gegenseitig gestartet: angehalten.</translation>
    </message>
    <message>
        <source>Started the workflow #{id}.</source>
        <translation>Workflow #{id} gestartet.</translation>
    </message>
    <message>
        <source>Stopped by hand.</source>
        <translation>Von Hand angehalten.</translation>
    </message>
    <message>
        <source>Notified (people: {count}).</source>
        <translation>Benachrichtigt (Personen: {count}).</translation>
    </message>
    <message>
        <source>Asked for approval (people asked: {count}).</source>
        <translation>Um Freigabe gebeten (gefragte Personen: {count}).</translation>
    </message>
    <message>
        <source>Not answered in time: asked more people ({count}).</source>
        <translation>Nicht rechtzeitig beantwortet: weitere Personen gefragt ({count}).</translation>
    </message>
</context>
<context>
    <name>startFrame</name>
    <message>
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Moved to a server</source>
        <translation>Auf einen Server umgezogen</translation>
    </message>
    <message>
        <source>Your office works on %1 now: changes made in this file do not reach anybody.</source>
        <translation>Ihr Büro arbeitet jetzt auf %1: Änderungen in dieser Datei erreichen niemanden.</translation>
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message>
        <source>Move to a server</source>
        <translation>Auf einen Server umziehen</translation>
    </message>
    <message>
        <source>Everything in this file is copied into an empty PostgreSQL database on your server, then checked table by table. The file itself stays as it is and is marked as moved: whoever opens it afterwards is sent to the server.

Before you start: create an empty database on the server (see the guide, “Moving to a server”) and ask everyone to close Dealdesk.</source>
        <translation>Alles in dieser Datei wird in eine leere PostgreSQL-Datenbank auf Ihrem Server kopiert und danach Tabelle für Tabelle geprüft. Die Datei selbst bleibt, wie sie ist, und wird als umgezogen markiert: Wer sie danach öffnet, wird zum Server geschickt.

Vorher: Legen Sie auf dem Server eine leere Datenbank an (siehe Anleitung, „Umzug auf einen Server“) und bitten Sie alle, Dealdesk zu schließen.</translation>
    </message>
    <message>
        <source>if the server asks for one</source>
        <translation>falls der Server eines verlangt</translation>
    </message>
    <message>
        <source>Server database</source>
        <translation>Server-Datenbank</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>The password is used for the copy only; Dealdesk does not keep it.</source>
        <translation>Das Passwort wird nur für die Kopie verwendet; Dealdesk speichert es nicht.</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Umziehen</translation>
    </message>
    <message>
        <source>Enter the server database&apos;s address, e.g. %1</source>
        <translation>Geben Sie die Adresse der Server-Datenbank ein, z. B. %1</translation>
    </message>
    <message>
        <source>Copying the database to the server…</source>
        <translation>Die Datenbank wird auf den Server kopiert…</translation>
    </message>
    <message>
        <source>Moved to the server</source>
        <translation>Auf den Server umgezogen</translation>
    </message>
    <message>
        <source>%1 records in %2 tables were copied to %3 and checked: every table and the analytics totals equal this file&apos;s.

Dealdesk now starts again on the server.</source>
        <translation>%1 Datensätze in %2 Tabellen wurden nach %3 kopiert und geprüft: Jede Tabelle und die Summen der Analysen stimmen mit dieser Datei überein.

Dealdesk startet jetzt neu auf dem Server.</translation>
    </message>
    <message>
        <source>Cancelled: nothing was copied, the server is as it was.</source>
        <translation>Abgebrochen: Nichts wurde kopiert, der Server ist unverändert.</translation>
    </message>
</context>
<context>
    <name>actions</name>
    <message>
        <source>&amp;Move to a server…</source>
        <translation>Auf einen Server &amp;umziehen…</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Only an administrator can move or copy the whole database.</source>
        <translation>Nur ein Administrator kann die ganze Datenbank umziehen oder kopieren.</translation>
    </message>
    <message>
        <source>A server&apos;s address begins with postgresql+psycopg:// (for example postgresql+psycopg://user@server/dealdesk).</source>
        <translation>Die Adresse eines Servers beginnt mit postgresql+psycopg:// (zum Beispiel postgresql+psycopg://benutzer@server/dealdesk).</translation>
    </message>
    <message>
        <source>This database is on a server already; copy it into a file instead.</source>
        <translation>Diese Datenbank liegt schon auf einem Server; kopieren Sie sie stattdessen in eine Datei.</translation>
    </message>
</context>
<context>
    <name>storage</name>
    <message>
        <source>The copy can&apos;t go into the database it is copied from.</source>
        <translation>Die Kopie kann nicht in die Datenbank gehen, aus der sie kopiert wird.</translation>
    </message>
    <message>
        <source>{name} has an older layout (schema {revision}). Open it once with this Dealdesk to bring it up to date, then copy it.</source>
        <translation>{name} hat einen älteren Aufbau (Schema {revision}). Öffnen Sie sie einmal mit diesem Dealdesk, um sie zu aktualisieren, und kopieren Sie sie dann.</translation>
    </message>
    <message>
        <source>{name} holds no Dealdesk database: there is nothing to copy.</source>
        <translation>{name} enthält keine Dealdesk-Datenbank: Es gibt nichts zu kopieren.</translation>
    </message>
    <message>
        <source>{name} already holds a Dealdesk database. Copy into a new, empty database (nothing was changed).</source>
        <translation>{name} enthält bereits eine Dealdesk-Datenbank. Kopieren Sie in eine neue, leere Datenbank (nichts wurde geändert).</translation>
    </message>
    <message>
        <source>{name} already exists. Copy into a new file (nothing was changed).</source>
        <translation>{name} gibt es schon. Kopieren Sie in eine neue Datei (nichts wurde geändert).</translation>
    </message>
    <message>
        <source>Copying {table} failed: {detail}. Nothing was copied; {target} is as it was before.</source>
        <translation>Das Kopieren von {table} ist fehlgeschlagen: {detail}. Nichts wurde kopiert; {target} ist unverändert.</translation>
    </message>
    <message>
        <source>The copy of {table} does not match the original ({what}). Nothing was copied; {target} is as it was before.</source>
        <translation>Die Kopie von {table} stimmt nicht mit dem Original überein ({what}). Nichts wurde kopiert; {target} ist unverändert.</translation>
    </message>
    <message>
        <source>The copy was cancelled. {target} is as it was before.</source>
        <translation>Die Kopie wurde abgebrochen. {target} ist unverändert.</translation>
    </message>
</context>
<context>
    <name>opening</name>
    <message>
        <source>Moved to a server</source>
        <translation>Auf einen Server umgezogen</translation>
    </message>
    <message>
        <source>%1 was moved to the server %2 on %3. Your office works there now: changes made in this file do not reach anybody.</source>
        <translation>%1 wurde am %3 auf den Server %2 umgezogen. Ihr Büro arbeitet jetzt dort: Änderungen in dieser Datei erreichen niemanden.</translation>
    </message>
    <message>
        <source>Open the server</source>
        <translation>Server öffnen</translation>
    </message>
    <message>
        <source>Open the file anyway</source>
        <translation>Datei trotzdem öffnen</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Connection lost, reconnecting…</source>
        <translation>Verbindung verloren, verbinde neu…</translation>
    </message>
</context>
<context>
    <name>storage</name>
    <message>
        <source>The connection to the database server {name} was lost ({detail}). Nothing was changed; Dealdesk reconnects by itself: try again in a moment.</source>
        <translation>Die Verbindung zum Datenbankserver {name} ist abgebrochen ({detail}). Nichts wurde geändert; Dealdesk verbindet sich von selbst neu: Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>The connection to the database server {name} was lost while your change was being saved ({detail}): the server saved all of it or none of it, and could not say which. Dealdesk reconnects by itself and shows what the server holds: look there before you make the change again.</source>
        <translation>Die Verbindung zum Datenbankserver {name} ist beim Speichern Ihrer Änderung abgebrochen ({detail}): Der Server hat sie ganz oder gar nicht gespeichert und konnte nicht mehr sagen, was davon. Dealdesk verbindet sich von selbst neu und zeigt, was der Server enthält: Sehen Sie dort nach, bevor Sie die Änderung wiederholen.</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Database logins of their own exist only on a PostgreSQL server.</source>
        <translation>Eigene Datenbank-Anmeldungen gibt es nur auf einem PostgreSQL-Server.</translation>
    </message>
    <message>
        <source>A database login is made of small letters, digits and _, begins with a letter and has at most 63.</source>
        <translation>Eine Datenbank-Anmeldung besteht aus Kleinbuchstaben, Ziffern und _, beginnt mit einem Buchstaben und hat höchstens 63 Zeichen.</translation>
    </message>
    <message>
        <source>The server did not make the login ({detail}). Sign in with the database&apos;s own login, which may create roles, to make logins for people.</source>
        <translation>Der Server hat die Anmeldung nicht angelegt ({detail}). Melden Sie sich mit der eigenen Anmeldung der Datenbank an, die Rollen anlegen darf, um Anmeldungen für Personen anzulegen.</translation>
    </message>
    <message>
        <source>People have logins of their own on this server, and their rights there can only be changed by the database&apos;s own login ({detail}). Nothing was changed.</source>
        <translation>Personen haben auf diesem Server eigene Anmeldungen, und ihre Rechte dort kann nur die eigene Anmeldung der Datenbank ändern ({detail}). Nichts wurde geändert.</translation>
    </message>
</context>
<context>
    <name>ServerPasswordDialog</name>
    <message>
        <source>Database server</source>
        <translation>Datenbankserver</translation>
    </message>
    <message>
        <source>The server %1 did not accept the password of %2. Enter it again.</source>
        <translation>Der Server %1 hat das Passwort von %2 nicht angenommen. Geben Sie es noch einmal ein.</translation>
    </message>
    <message>
        <source>The server %1 asks for the password of %2.</source>
        <translation>Der Server %1 verlangt das Passwort von %2.</translation>
    </message>
    <message>
        <source>Keep it in this computer&apos;s password store</source>
        <translation>In der Passwortverwaltung dieses Computers aufbewahren</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
</context>
<context>
    <name>storage</name>
    <message>
        <source>This computer has no password store Dealdesk can use ({why}); the password was used this once.</source>
        <translation>Dieser Computer hat keine Passwortverwaltung, die Dealdesk nutzen kann ({why}); das Passwort wurde nur dieses eine Mal verwendet.</translation>
    </message>
</context>
<context>
    <name>opening</name>
    <message>
        <source>Password not kept</source>
        <translation>Passwort nicht aufbewahrt</translation>
    </message>
</context>
<context>
    <name>PeopleSettings</name>
    <message>
        <source>Server login…</source>
        <translation>Server-Anmeldung…</translation>
    </message>
    <message>
        <source>A database login of this person&apos;s own: the server then returns them only the deals, contacts, companies and leads their roles let them read, to any program.</source>
        <translation>Eine eigene Datenbank-Anmeldung für diese Person: Der Server gibt ihr dann nur die Deals, Kontakte, Unternehmen und Leads heraus, die ihre Rollen sie lesen lassen – jedem Programm.</translation>
    </message>
    <message>
        <source>Server login</source>
        <translation>Server-Anmeldung</translation>
    </message>
    <message>
        <source>A password for %1&apos;s own login on the server (at least 8 characters). The server keeps it; Dealdesk does not:</source>
        <translation>Ein Passwort für die eigene Anmeldung von %1 am Server (mindestens 8 Zeichen). Der Server bewahrt es auf, Dealdesk nicht:</translation>
    </message>
    <message>
        <source>No server login</source>
        <translation>Keine Server-Anmeldung</translation>
    </message>
    <message>
        <source>%1 signs in to the server as “%2”. The server returns them only what their roles let them read, whichever program asks.</source>
        <translation>%1 meldet sich am Server als „%2“ an. Der Server gibt nur heraus, was ihre Rollen sie lesen lassen – egal, welches Programm fragt.</translation>
    </message>
</context>
</TS>
<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ConfigEditor</name>
    <message>
        <source>Select a transport or a realm to edit it.</source>
        <translation>Wählen Sie einen Transport oder einen Realm zum Bearbeiten aus.</translation>
    </message>
    <message>
        <source>Add transport</source>
        <translation>Transport hinzufügen</translation>
    </message>
    <message>
        <source>WebSocket</source>
        <translation>WebSocket</translation>
    </message>
    <message>
        <source>RawSocket</source>
        <translation>RawSocket</translation>
    </message>
    <message>
        <source>Universal (WebSocket and RawSocket on one port)</source>
        <translation>Universal (WebSocket und RawSocket auf einem Port)</translation>
    </message>
    <message>
        <source>Add realm</source>
        <translation>Realm hinzufügen</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplizieren</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <source>Start the router on this configuration, or re-apply it: only the transports that changed restart</source>
        <translation>Den Router mit dieser Konfiguration starten oder sie erneut anwenden: Nur geänderte Transporte starten neu</translation>
    </message>
    <message>
        <source>Errors: %1 (fix them to apply)</source>
        <translation>Fehler: %1 (zum Übernehmen beheben)</translation>
    </message>
    <message>
        <source>Router stopped: Apply starts it</source>
        <translation>Router gestoppt: „Übernehmen“ startet ihn</translation>
    </message>
    <message>
        <source>Changes not applied yet</source>
        <translation>Änderungen noch nicht übernommen</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>Übernommen</translation>
    </message>
</context>
<context>
    <name>ConfigOutline</name>
    <message>
        <source>WebSocket</source>
        <translation>WebSocket</translation>
    </message>
    <message>
        <source>RawSocket</source>
        <translation>RawSocket</translation>
    </message>
    <message>
        <source>Universal</source>
        <translation>Universal</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Transports</source>
        <translation>Transporte</translation>
    </message>
    <message>
        <source>Realms</source>
        <translation>Realms</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Roles: %1</source>
        <translation>Rollen: %1</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <source>not applied yet</source>
        <translation>noch nicht übernommen</translation>
    </message>
    <message>
        <source>Apply the configuration to start this transport</source>
        <translation>Übernehmen Sie die Konfiguration, um diesen Transport zu starten</translation>
    </message>
    <message>
        <source>listening on %1</source>
        <translation>lauscht auf %1</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>DocumentController</name>
    <message>
        <source>Crossbar configurations (*.json);;All files (*)</source>
        <translation>Crossbar-Konfigurationen (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <source>Start a new configuration from the default one</source>
        <translation>Eine neue Konfiguration aus der Standardkonfiguration beginnen</translation>
    </message>
    <message>
        <source>Open a Crossbar configuration file</source>
        <translation>Eine Crossbar-Konfigurationsdatei öffnen</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Open configuration</source>
        <translation>Konfiguration öffnen</translation>
    </message>
    <message>
        <source>Save configuration</source>
        <translation>Konfiguration speichern</translation>
    </message>
    <message>
        <source>Cannot save the configuration</source>
        <translation>Die Konfiguration kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>the new configuration</source>
        <translation>die neue Konfiguration</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>Save the changes to %1?</source>
        <translation>Die Änderungen an %1 speichern?</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
    <message>
        <source>%1[*] – Wampscope</source>
        <translation>%1[*] – Wampscope</translation>
    </message>
    <message>
        <source>&amp;%1 %2 (%3)</source>
        <translation>&amp;%1 %2 (%3)</translation>
    </message>
    <message>
        <source>&amp;Clear list</source>
        <translation>Liste &amp;leeren</translation>
    </message>
    <message>
        <source>Save with errors?</source>
        <translation>Mit Fehlern speichern?</translation>
    </message>
    <message>
        <source>The configuration has errors: the file will not load until they are fixed. Save it anyway?</source>
        <translation>Die Konfiguration enthält Fehler: Die Datei lässt sich erst laden, wenn sie behoben sind. Trotzdem speichern?</translation>
    </message>
</context>
<context>
    <name>EndpointSection</name>
    <message>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <source>TCP</source>
        <translation>TCP</translation>
    </message>
    <message>
        <source>Unix domain socket</source>
        <translation>Unix-Domain-Socket</translation>
    </message>
    <message>
        <source>All interfaces</source>
        <translation>Alle Schnittstellen</translation>
    </message>
    <message>
        <source>IPv4</source>
        <translation>IPv4</translation>
    </message>
    <message>
        <source>IPv6</source>
        <translation>IPv6</translation>
    </message>
    <message>
        <source>Unix socket path</source>
        <translation>Pfad des Unix-Sockets</translation>
    </message>
    <message>
        <source>Encrypt with TLS</source>
        <translation>Mit TLS verschlüsseln</translation>
    </message>
    <message>
        <source>TLS private key</source>
        <translation>Privater TLS-Schlüssel</translation>
    </message>
    <message>
        <source>TLS certificate</source>
        <translation>TLS-Zertifikat</translation>
    </message>
    <message>
        <source>CA certificates</source>
        <translation>CA-Zertifikate</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt);;All files (*)</source>
        <translation>PEM-Dateien (*.pem *.crt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>OpenSSL cipher list; empty: Qt&apos;s default</source>
        <translation>OpenSSL-Cipher-Liste; leer: Voreinstellung von Qt</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.key *.crt);;All files (*)</source>
        <translation>PEM-Dateien (*.pem *.key *.crt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Clients must present a certificate signed by one of these (one file per line)</source>
        <translation>Clients müssen ein Zertifikat vorweisen, das eine dieser Stellen signiert hat (eine Datei pro Zeile)</translation>
    </message>
    <message>
        <source>Connections the system queues before they are accepted</source>
        <translation>Verbindungen, die das System vor ihrer Annahme in die Warteschlange stellt</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Typ:</translation>
    </message>
    <message>
        <source>Interface:</source>
        <translation>Schnittstelle:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <source>IP version:</source>
        <translation>IP-Version:</translation>
    </message>
    <message>
        <source>Backlog:</source>
        <translation>Warteschlange:</translation>
    </message>
    <message>
        <source>Socket path:</source>
        <translation>Socket-Pfad:</translation>
    </message>
    <message>
        <source>Private key:</source>
        <translation>Privater Schlüssel:</translation>
    </message>
    <message>
        <source>Certificate:</source>
        <translation>Zertifikat:</translation>
    </message>
    <message>
        <source>CA certificates:</source>
        <translation>CA-Zertifikate:</translation>
    </message>
    <message>
        <source>Ciphers:</source>
        <translation>Chiffren:</translation>
    </message>
</context>
<context>
    <name>FileField</name>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
</context>
<context>
    <name>FileListField</name>
    <message>
        <source>None: clients need no certificate</source>
        <translation>Keine: Clients brauchen kein Zertifikat</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Hinzufügen…</translation>
    </message>
</context>
<context>
    <name>FilteredTable</name>
    <message>
        <source>Filter (any column)</source>
        <translation>Filter (beliebige Spalte)</translation>
    </message>
</context>
<context>
    <name>FormSection</name>
    <message>
        <source> bytes</source>
        <translation> Bytes</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
</context>
<context>
    <name>GeneralSection</name>
    <message>
        <source>Transport</source>
        <translation>Transport</translation>
    </message>
    <message>
        <source>WebSocket</source>
        <translation>WebSocket</translation>
    </message>
    <message>
        <source>RawSocket</source>
        <translation>RawSocket</translation>
    </message>
    <message>
        <source>Universal (WebSocket and RawSocket on one port)</source>
        <translation>Universal (WebSocket und RawSocket auf einem Port)</translation>
    </message>
    <message>
        <source>Informational, e.g. ws://localhost:8080/ws</source>
        <translation>Nur zur Information, z. B. ws://localhost:8080/ws</translation>
    </message>
    <message>
        <source>Log every message (debug)</source>
        <translation>Jede Nachricht protokollieren (Debug)</translation>
    </message>
    <message>
        <source>Allow anonymous sessions, with role</source>
        <translation>Anonyme Sitzungen erlauben, mit Rolle</translation>
    </message>
    <message>
        <source>ID:</source>
        <translation>ID:</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Typ:</translation>
    </message>
    <message>
        <source>URL:</source>
        <translation>URL:</translation>
    </message>
    <message>
        <source>Authentication:</source>
        <translation>Authentifizierung:</translation>
    </message>
</context>
<context>
    <name>LoadErrorsDialog</name>
    <message>
        <source>Cannot open %1</source>
        <translation>%1 kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>%1 is not a configuration Wampscope can run (problems: %2). The current configuration stays open.</source>
        <translation>%1 ist keine Konfiguration, die Wampscope ausführen kann (Probleme: %2). Die aktuelle Konfiguration bleibt geöffnet.</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Wampscope</source>
        <translation>Wampscope</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>Start the router on the configuration</source>
        <translation>Den Router mit der Konfiguration starten</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>S&amp;toppen</translation>
    </message>
    <message>
        <source>Say GOODBYE to every session and stop listening</source>
        <translation>Jeder Sitzung GOODBYE senden und nicht mehr lauschen</translation>
    </message>
    <message>
        <source>&amp;Apply changes</source>
        <translation>Änderungen &amp;übernehmen</translation>
    </message>
    <message>
        <source>Apply the configuration to the running router: only changed transports and realms restart</source>
        <translation>Die Konfiguration auf den laufenden Router anwenden: Nur geänderte Transporte und Realms starten neu</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Router</source>
        <translation>&amp;Router</translation>
    </message>
    <message>
        <source>Router</source>
        <translation>Router</translation>
    </message>
    <message>
        <source>&amp;Sessions</source>
        <translation>&amp;Sitzungen</translation>
    </message>
    <message>
        <source>&amp;Registrations</source>
        <translation>Re&amp;gistrierungen</translation>
    </message>
    <message>
        <source>Su&amp;bscriptions</source>
        <translation>&amp;Abonnements</translation>
    </message>
    <message>
        <source>&amp;Trace</source>
        <translation>&amp;Mitschnitt</translation>
    </message>
    <message>
        <source>Stat&amp;istics</source>
        <translation>Stat&amp;istik</translation>
    </message>
    <message>
        <source>&amp;Configuration</source>
        <translation>&amp;Konfiguration</translation>
    </message>
    <message>
        <source>Transports</source>
        <translation>Transporte</translation>
    </message>
</context>
<context>
    <name>MatchDelegate</name>
    <message>
        <source>exact</source>
        <translation>exakt</translation>
    </message>
    <message>
        <source>prefix</source>
        <translation>Präfix</translation>
    </message>
    <message>
        <source>wildcard</source>
        <translation>Platzhalter</translation>
    </message>
</context>
<context>
    <name>PermissionTable</name>
    <message>
        <source>URI</source>
        <translation>URI</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Abgleich</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Aufrufen</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Registrieren</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Veröffentlichen</translation>
    </message>
    <message>
        <source>Subscribe</source>
        <translation>Abonnieren</translation>
    </message>
    <message>
        <source>Disclose
caller</source>
        <translation>Aufrufer
offenlegen</translation>
    </message>
    <message>
        <source>Disclose
publisher</source>
        <translation>Herausgeber
offenlegen</translation>
    </message>
    <message>
        <source>The URI, or its beginning for match prefix (&quot;&quot; is every URI)</source>
        <translation>Die URI oder beim Abgleich „Präfix“ ihr Anfang (&quot;&quot; steht für jede URI)</translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
</context>
<context>
    <name>RawSocketSection</name>
    <message>
        <source>RawSocket</source>
        <translation>RawSocket</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Unlimited</source>
        <translation>Unbegrenzt</translation>
    </message>
    <message>
        <source>RawSocket announces powers of two from 512 bytes to 16 MiB: other values are rounded down</source>
        <translation>RawSocket kündigt Zweierpotenzen von 512 Bytes bis 16 MiB an: Andere Werte werden abgerundet</translation>
    </message>
    <message>
        <source>Serializers:</source>
        <translation>Serialisierer:</translation>
    </message>
    <message>
        <source>Max. message size:</source>
        <translation>Max. Nachrichtengröße:</translation>
    </message>
    <message>
        <source>Handshake timeout:</source>
        <translation>Handshake-Zeitlimit:</translation>
    </message>
    <message>
        <source>Ping interval:</source>
        <translation>Ping-Intervall:</translation>
    </message>
    <message>
        <source>Ping timeout:</source>
        <translation>Ping-Zeitlimit:</translation>
    </message>
    <message>
        <source>Max. connections:</source>
        <translation>Max. Verbindungen:</translation>
    </message>
</context>
<context>
    <name>RealmSection</name>
    <message>
        <source>Realm</source>
        <translation>Realm</translation>
    </message>
    <message>
        <source>e.g. realm1 or com.example.app</source>
        <translation>z. B. realm1 oder com.example.app</translation>
    </message>
    <message>
        <source>Strict</source>
        <translation>Streng</translation>
    </message>
    <message>
        <source>Loose</source>
        <translation>Locker</translation>
    </message>
    <message>
        <source>Strict: URI components are lower-case letters, digits and _. Loose: anything but whitespace, . and #.</source>
        <translation>Streng: URI-Bestandteile bestehen aus Kleinbuchstaben, Ziffern und _. Locker: alles außer Leerraum, . und #.</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>URI check:</source>
        <translation>URI-Prüfung:</translation>
    </message>
</context>
<context>
    <name>RegistrationModel</name>
    <message>
        <source>Realm</source>
        <translation>Realm</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Prozedur</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Abgleich</translation>
    </message>
    <message>
        <source>Invoke</source>
        <translation>Verteilung</translation>
    </message>
    <message>
        <source>Callee sessions</source>
        <translation>Callee-Sitzungen</translation>
    </message>
    <message>
        <source>Invocations</source>
        <translation>Aufrufe</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>Registrierung</translation>
    </message>
</context>
<context>
    <name>RolesSection</name>
    <message>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <source>Add role</source>
        <translation>Rolle hinzufügen</translation>
    </message>
    <message>
        <source>Remove role</source>
        <translation>Rolle entfernen</translation>
    </message>
    <message>
        <source>Add permission</source>
        <translation>Berechtigung hinzufügen</translation>
    </message>
    <message>
        <source>Remove permission</source>
        <translation>Berechtigung entfernen</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Permissions of the selected role:</source>
        <translation>Berechtigungen der ausgewählten Rolle:</translation>
    </message>
</context>
<context>
    <name>RouterStatusBar</name>
    <message>
        <source>Transport %1 rejected a connection from %2: %3</source>
        <translation>Transport %1 hat eine Verbindung von %2 abgelehnt: %3</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Startet…</translation>
    </message>
    <message>
        <source>Router stopped</source>
        <translation>Router gestoppt</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Not listening</source>
        <translation>Lauscht nicht</translation>
    </message>
    <message>
        <source>Listening on %1</source>
        <translation>Lauscht auf %1</translation>
    </message>
    <message>
        <source>Sessions: %1</source>
        <translation>Sitzungen: %1</translation>
    </message>
</context>
<context>
    <name>SessionModel</name>
    <message>
        <source>%1 bytes</source>
        <translation>%1 Bytes</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <source>Realm</source>
        <translation>Realm</translation>
    </message>
    <message>
        <source>Auth ID</source>
        <translation>Auth-ID</translation>
    </message>
    <message>
        <source>Auth role</source>
        <translation>Auth-Rolle</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>Transport</translation>
    </message>
    <message>
        <source>Serializer</source>
        <translation>Serialisierer</translation>
    </message>
    <message>
        <source>Peer address</source>
        <translation>Gegenstelle</translation>
    </message>
    <message>
        <source>Joined at</source>
        <translation>Beigetreten um</translation>
    </message>
    <message>
        <source>Msgs in</source>
        <translation>Nachr. ein</translation>
    </message>
    <message>
        <source>Msgs out</source>
        <translation>Nachr. aus</translation>
    </message>
    <message>
        <source>Bytes in</source>
        <translation>Bytes ein</translation>
    </message>
    <message>
        <source>Bytes out</source>
        <translation>Bytes aus</translation>
    </message>
    <message>
        <source>Subs</source>
        <translation>Abos</translation>
    </message>
    <message>
        <source>Regs</source>
        <translation>Regs.</translation>
    </message>
    <message>
        <source>When the session joined its realm (local time)</source>
        <translation>Wann die Sitzung ihrem Realm beigetreten ist (Ortszeit)</translation>
    </message>
    <message>
        <source>WAMP messages received from the session&apos;s connection</source>
        <translation>WAMP-Nachrichten, die über die Verbindung der Sitzung empfangen wurden</translation>
    </message>
    <message>
        <source>WAMP messages sent to the session&apos;s connection</source>
        <translation>WAMP-Nachrichten, die über die Verbindung der Sitzung gesendet wurden</translation>
    </message>
    <message>
        <source>Bytes received, as encoded on the wire</source>
        <translation>Empfangene Bytes, wie auf der Leitung kodiert</translation>
    </message>
    <message>
        <source>Bytes sent, as encoded on the wire</source>
        <translation>Gesendete Bytes, wie auf der Leitung kodiert</translation>
    </message>
    <message>
        <source>Subscriptions the session holds</source>
        <translation>Abonnements der Sitzung</translation>
    </message>
    <message>
        <source>Procedures the session has registered</source>
        <translation>Von der Sitzung registrierte Prozeduren</translation>
    </message>
</context>
<context>
    <name>SessionsView</name>
    <message>
        <source>&amp;Kill session…</source>
        <translation>Sitzung &amp;beenden…</translation>
    </message>
    <message>
        <source>Show &amp;trace of this session</source>
        <translation>&amp;Mitschnitt dieser Sitzung zeigen</translation>
    </message>
    <message>
        <source>End the selected session with GOODBYE wamp.close.killed</source>
        <translation>Die ausgewählte Sitzung mit GOODBYE wamp.close.killed beenden</translation>
    </message>
    <message>
        <source>Show the messages of the selected session in the trace</source>
        <translation>Die Nachrichten der ausgewählten Sitzung im Mitschnitt zeigen</translation>
    </message>
    <message>
        <source>killed from the inspector</source>
        <translation>vom Inspektor beendet</translation>
    </message>
    <message>
        <source>Kill session</source>
        <translation>Sitzung beenden</translation>
    </message>
    <message>
        <source>Session %1 (%2 on realm %3) will get GOODBYE wamp.close.killed.
Reason:</source>
        <translation>Sitzung %1 (%2 im Realm %3) erhält GOODBYE wamp.close.killed.
Grund:</translation>
    </message>
    <message>
        <source>Kill</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>&amp;Record this session in the trace</source>
        <translation>Diese Sitzung im Mitschnitt &amp;aufzeichnen</translation>
    </message>
    <message>
        <source>Switch tracing of the selected session&apos;s messages on or off</source>
        <translation>Mitschnitt der Nachrichten der ausgewählten Sitzung ein- oder ausschalten</translation>
    </message>
</context>
<context>
    <name>StatisticsView</name>
    <message>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Start counting from zero</source>
        <translation>Wieder bei null zu zählen beginnen</translation>
    </message>
    <message>
        <source>&lt;b&gt;Top URIs&lt;/b&gt; (calls, publications, registrations, subscriptions and errors, by message count)</source>
        <translation>&lt;b&gt;Häufigste URIs&lt;/b&gt; (Aufrufe, Veröffentlichungen, Registrierungen, Abonnements und Fehler, nach Anzahl der Nachrichten)</translation>
    </message>
    <message>
        <source>Since the start or reset: %1 messages in, %2 out</source>
        <translation>Seit dem Start oder Zurücksetzen: %1 Nachrichten ein, %2 aus</translation>
    </message>
</context>
<context>
    <name>SubscriptionModel</name>
    <message>
        <source>PUBLISH messages to the topic</source>
        <translation>PUBLISH-Nachrichten an das Topic</translation>
    </message>
    <message>
        <source>EVENT messages delivered to subscribers</source>
        <translation>An Abonnenten zugestellte EVENT-Nachrichten</translation>
    </message>
    <message>
        <source>Realm</source>
        <translation>Realm</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Abgleich</translation>
    </message>
    <message>
        <source>Subscribers</source>
        <translation>Abonnenten</translation>
    </message>
    <message>
        <source>Subscriber sessions</source>
        <translation>Sitzungen der Abonnenten</translation>
    </message>
    <message>
        <source>Publications</source>
        <translation>Veröffentlichungen</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Subscription</source>
        <translation>Abonnement</translation>
    </message>
</context>
<context>
    <name>TopUrisModel</name>
    <message>
        <source>URI</source>
        <translation>URI</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
</context>
<context>
    <name>TraceExporter</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>TraceFilter</name>
    <message>
        <source>A lone &quot;-&quot; negates nothing: write it before a term, as in -type:EVENT</source>
        <translation>Ein einzelnes „-“ verneint nichts: Schreiben Sie es vor einen Begriff, wie in -type:EVENT</translation>
    </message>
    <message>
        <source>Unknown key &quot;%1&quot;: use type, session, realm, uri, dir or transport</source>
        <translation>Unbekannter Schlüssel „%1“: Verwenden Sie type, session, realm, uri, dir oder transport</translation>
    </message>
    <message>
        <source>&quot;%1:&quot; needs a value</source>
        <translation>„%1:“ braucht einen Wert</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a WAMP message type (e.g. CALL, RESULT, EVENT)</source>
        <translation>„%1“ ist kein WAMP-Nachrichtentyp (z. B. CALL, RESULT, EVENT)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a session id (a number)</source>
        <translation>„%1“ ist keine Sitzungs-ID (eine Zahl)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a direction: use in or out</source>
        <translation>„%1“ ist keine Richtung: Verwenden Sie in oder out</translation>
    </message>
</context>
<context>
    <name>TraceFilterEdit</name>
    <message>
        <source>Filter: type:CALL,RESULT  session:123  realm:realm1  uri:com.example  dir:in|out  transport:ws1  a bare word matches the URI  -term negates</source>
        <translation>Filter: type:CALL,RESULT  session:123  realm:realm1  uri:com.example  dir:in|out  transport:ws1  ein bloßes Wort sucht in der URI  -Begriff verneint</translation>
    </message>
    <message>
        <source>Filter, e.g. type:CALL,RESULT uri:com.example -session:42</source>
        <translation>Filter, z. B. type:CALL,RESULT uri:com.example -session:42</translation>
    </message>
</context>
<context>
    <name>TraceFormatter</name>
    <message>
        <source>invalid</source>
        <translation>ungültig</translation>
    </message>
    <message>
        <source>in</source>
        <translation>ein</translation>
    </message>
    <message>
        <source>out</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>Received by the router from the client</source>
        <translation>Vom Router vom Client empfangen</translation>
    </message>
    <message>
        <source>Sent by the router to the client</source>
        <translation>Vom Router an den Client gesendet</translation>
    </message>
    <message>
        <source>(%1 bytes, see the details)</source>
        <translation>(%1 Bytes, siehe Details)</translation>
    </message>
    <message>
        <source>could not decode: %1</source>
        <translation>nicht dekodierbar: %1</translation>
    </message>
    <message>
        <source>realm %1</source>
        <translation>Realm %1</translation>
    </message>
    <message>
        <source>session %1</source>
        <translation>Sitzung %1</translation>
    </message>
    <message>
        <source>publication %1</source>
        <translation>Veröffentlichung %1</translation>
    </message>
    <message>
        <source>subscription %1</source>
        <translation>Abonnement %1</translation>
    </message>
    <message>
        <source>registration %1</source>
        <translation>Registrierung %1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <source>%1 (realm %2)</source>
        <translation>%1 (Realm %2)</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>Transport</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Serializer</source>
        <translation>Serialisierer</translation>
    </message>
    <message>
        <source>%1, %2 bytes</source>
        <translation>%1, %2 Bytes</translation>
    </message>
    <message>
        <source>Could not decode the message: %1</source>
        <translation>Die Nachricht konnte nicht dekodiert werden: %1</translation>
    </message>
    <message>
        <source>Bytes (base64):</source>
        <translation>Bytes (Base64):</translation>
    </message>
    <message>
        <source>Note: binary values are shown as base64 strings.</source>
        <translation>Hinweis: Binärwerte werden als Base64-Zeichenketten gezeigt.</translation>
    </message>
</context>
<context>
    <name>TraceModel</name>
    <message>
        <source>The URI of the request this message belongs to</source>
        <translation>Die URI der Anfrage, zu der diese Nachricht gehört</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <source>Dir.</source>
        <translation>Richt.</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <source>URI</source>
        <translation>URI</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
</context>
<context>
    <name>TraceView</name>
    <message>
        <source>Select a message to see it decoded.</source>
        <translation>Wählen Sie eine Nachricht aus, um sie dekodiert zu sehen.</translation>
    </message>
    <message>
        <source>Tracing</source>
        <translation>Mitschneiden</translation>
    </message>
    <message>
        <source>Record the router&apos;s messages (off: the router does not trace at all)</source>
        <translation>Die Nachrichten des Routers aufzeichnen (aus: Der Router schneidet gar nicht mit)</translation>
    </message>
    <message>
        <source>Transports</source>
        <translation>Transporte</translation>
    </message>
    <message>
        <source>Choose which transports are traced</source>
        <translation>Auswählen, welche Transporte mitgeschnitten werden</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Hold new messages back (up to the trace&apos;s capacity) until resumed</source>
        <translation>Neue Nachrichten bis zum Fortsetzen zurückhalten (bis zur Kapazität des Mitschnitts)</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Remove every message from the trace</source>
        <translation>Alle Nachrichten aus dem Mitschnitt entfernen</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Save the messages the filter shows as JSON Lines</source>
        <translation>Die vom Filter gezeigten Nachrichten als JSON Lines speichern</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Export the visible messages</source>
        <translation>Die sichtbaren Nachrichten exportieren</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl);;All files (*)</source>
        <translation>JSON Lines (*.jsonl);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n message(s) to %1</source>
        <translation>
            <numerusform>%n Nachricht nach %1 exportiert</numerusform>
            <numerusform>%n Nachrichten nach %1 exportiert</numerusform>
        </translation>
    </message>
    <message>
        <source>… (%1 more characters not shown; export the message to see it all)</source>
        <translation>… (%1 weitere Zeichen nicht gezeigt; exportieren Sie die Nachricht, um alles zu sehen)</translation>
    </message>
    <message>
        <source>Filter not applied: %1</source>
        <translation>Filter nicht angewendet: %1</translation>
    </message>
    <message>
        <source>%1 messages, %2 shown</source>
        <translation>%1 Nachrichten, %2 angezeigt</translation>
    </message>
    <message>
        <source>%1 older ones dropped (capacity %2)</source>
        <translation>%1 ältere verworfen (Kapazität %2)</translation>
    </message>
    <message>
        <source>paused: %1 held</source>
        <translation>angehalten: %1 zurückgehalten</translation>
    </message>
    <message>
        <source>, %1 dropped</source>
        <translation>, %1 verworfen</translation>
    </message>
    <message>
        <source>tracing is off</source>
        <translation>Mitschnitt ist aus</translation>
    </message>
</context>
<context>
    <name>TrafficChart</name>
    <message>
        <source>msg/s</source>
        <translation>Nachr./s</translation>
    </message>
    <message>
        <source>Messages per second, last 5 minutes</source>
        <translation>Nachrichten pro Sekunde, letzte 5 Minuten</translation>
    </message>
    <message>
        <source>in: %1/s</source>
        <translation>ein: %1/s</translation>
    </message>
    <message>
        <source>out: %1/s</source>
        <translation>aus: %1/s</translation>
    </message>
    <message>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <source>−%1 min</source>
        <translation>−%1 min</translation>
    </message>
</context>
<context>
    <name>TransportStatusView</name>
    <message>
        <source>Transport</source>
        <translation>Transport</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Address or error</source>
        <translation>Adresse oder Fehler</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>nicht gestartet</translation>
    </message>
    <message>
        <source>listening</source>
        <translation>lauscht</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
</context>
<context>
    <name>UriDelegate</name>
    <message>
        <source>(empty: every URI)</source>
        <translation>(leer: jede URI)</translation>
    </message>
</context>
<context>
    <name>WebSocketSection</name>
    <message>
        <source>WebSocket</source>
        <translation>WebSocket</translation>
    </message>
    <message>
        <source>Refuse clients that offer no WAMP subprotocol</source>
        <translation>Clients ohne WAMP-Subprotokoll abweisen</translation>
    </message>
    <message>
        <source>Answer plain HTTP requests with a status page</source>
        <translation>Einfache HTTP-Anfragen mit einer Statusseite beantworten</translation>
    </message>
    <message>
        <source>Any origin, e.g. https://*.example.com, http://localhost:*</source>
        <translation>Jeder Origin, z. B. https://*.example.com, http://localhost:*</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Send small messages at once (TCP_NODELAY)</source>
        <translation>Kleine Nachrichten sofort senden (TCP_NODELAY)</translation>
    </message>
    <message>
        <source>Browser origins allowed to connect, separated by commas; * matches any run of characters. Clients that send no Origin header are always allowed.</source>
        <translation>Browser-Origins, die sich verbinden dürfen, durch Kommas getrennt; * passt auf jede Zeichenfolge. Clients ohne Origin-Header sind immer erlaubt.</translation>
    </message>
    <message>
        <source>Serializers:</source>
        <translation>Serialisierer:</translation>
    </message>
    <message>
        <source>Max. message size:</source>
        <translation>Max. Nachrichtengröße:</translation>
    </message>
    <message>
        <source>Max. frame size:</source>
        <translation>Max. Frame-Größe:</translation>
    </message>
    <message>
        <source>Opening handshake timeout:</source>
        <translation>Zeitlimit Öffnungs-Handshake:</translation>
    </message>
    <message>
        <source>Closing handshake timeout:</source>
        <translation>Zeitlimit Schließ-Handshake:</translation>
    </message>
    <message>
        <source>Allowed origins:</source>
        <translation>Erlaubte Origins:</translation>
    </message>
    <message>
        <source>Auto ping interval:</source>
        <translation>Auto-Ping-Intervall:</translation>
    </message>
    <message>
        <source>Auto ping timeout:</source>
        <translation>Auto-Ping-Zeitlimit:</translation>
    </message>
    <message>
        <source>Auto ping size:</source>
        <translation>Auto-Ping-Größe:</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Wampscope: WAMP router and live inspector.</source>
        <translation>Wampscope: WAMP-Router und Live-Inspektor.</translation>
    </message>
    <message>
        <source>Wampscope</source>
        <translation>Wampscope</translation>
    </message>
    <message>
        <source>The configuration is not valid:

%1</source>
        <translation>Die Konfiguration ist ungültig:

%1</translation>
    </message>
    <message>
        <source>Start with tracing off (the Trace tab&apos;s Tracing button turns it on).</source>
        <translation>Ohne Mitschnitt starten (der Knopf „Mitschneiden“ im Reiter „Mitschnitt“ schaltet ihn ein).</translation>
    </message>
</context>
</TS>

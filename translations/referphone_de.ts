<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>QObject</name>
    <message>
        <location filename="../core/numberconfig/import_applier.cpp" line="9"/>
        <source>Imported: %1 created, %2 replaced.</source>
        <translation>Importiert: %1 angelegt, %2 ersetzt.</translation>
    </message>
    <message>
        <location filename="../core/numberconfig/import_applier.cpp" line="11"/>
        <source>Import failed at %1 (%2)</source>
        <translation>Import fehlgeschlagen bei %1 (%2)</translation>
    </message>
    <message>
        <location filename="../core/numberconfig/import_applier.cpp" line="13"/>
        <source>, field %1</source>
        <translation>, Feld %1</translation>
    </message>
    <message>
        <location filename="../core/numberconfig/import_applier.cpp" line="18"/>
        <source>Nothing had been changed on the server.</source>
        <translation>Auf dem Server war noch nichts geändert worden.</translation>
    </message>
    <message>
        <location filename="../core/numberconfig/import_applier.cpp" line="19"/>
        <source>Rolled back %1 change(s); the server is as it was.</source>
        <translation>%1 Änderung(en) zurückgenommen; der Server ist wieder wie vorher.</translation>
    </message>
    <message>
        <location filename="../core/numberconfig/import_applier.cpp" line="21"/>
        <source>Roll-back incomplete, the server still differs: %1</source>
        <translation>Zurücknahme unvollständig, der Server weicht noch ab: %1</translation>
    </message>
    <message>
        <location filename="../app/referphone/main.cpp" line="98"/>
        <source>No sound: headless audio</source>
        <translation>Kein Ton: Headless-Audio</translation>
    </message>
    <message>
        <location filename="../app/referphone/main.cpp" line="99"/>
        <source>Audio setting ignored</source>
        <translation>Audioeinstellung ignoriert</translation>
    </message>
    <message>
        <location filename="../ui/phone/calls_model.cpp" line="77"/>
        <location filename="../ui/phone/calls_model.cpp" line="95"/>
        <source>Ended</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <location filename="../ui/phone/calls_model.cpp" line="78"/>
        <source>Ended: %1</source>
        <translation>Beendet: %1</translation>
    </message>
    <message>
        <location filename="../ui/phone/calls_model.cpp" line="82"/>
        <source>Calling…</source>
        <translation>Verbindungsaufbau…</translation>
    </message>
    <message>
        <location filename="../ui/phone/calls_model.cpp" line="84"/>
        <source>Ringing at the other end…</source>
        <translation>Klingelt bei der Gegenstelle…</translation>
    </message>
    <message>
        <location filename="../ui/phone/calls_model.cpp" line="86"/>
        <source>Incoming call</source>
        <translation>Eingehender Anruf</translation>
    </message>
    <message>
        <location filename="../ui/phone/calls_model.cpp" line="88"/>
        <source>On hold</source>
        <translation>Gehalten</translation>
    </message>
    <message>
        <location filename="../ui/phone/calls_model.cpp" line="88"/>
        <source>Talking</source>
        <translation>Im Gespräch</translation>
    </message>
    <message>
        <location filename="../ui/phone/calls_model.cpp" line="90"/>
        <source>muted</source>
        <translation>stumm</translation>
    </message>
    <message>
        <location filename="../ui/phone/calls_model.cpp" line="115"/>
        <source>Transferring %1 to %2…</source>
        <translation>%1 wird an %2 transferiert…</translation>
    </message>
    <message>
        <location filename="../ui/phone/calls_model.cpp" line="117"/>
        <source>Transferred %1 to %2</source>
        <translation>%1 an %2 transferiert</translation>
    </message>
    <message>
        <location filename="../ui/phone/calls_model.cpp" line="119"/>
        <source>Transfer failed: %1 — call %2 back?</source>
        <translation>Transfer fehlgeschlagen: %1 — %2 zurückrufen?</translation>
    </message>
    <message>
        <location filename="../ui/phone/calls_model.cpp" line="121"/>
        <source>Transfer failed: %1 — %2 is still on the line</source>
        <translation>Transfer fehlgeschlagen: %1 — %2 ist noch in der Leitung</translation>
    </message>
    <message>
        <location filename="../ui/phone/calls_model.cpp" line="124"/>
        <source>Transfer timed out (%1) — call %2 back?</source>
        <translation>Transfer-Zeitüberschreitung (%1) — %2 zurückrufen?</translation>
    </message>
    <message>
        <location filename="../ui/phone/calls_model.cpp" line="126"/>
        <source>Transfer timed out (%1) — hang up or resume %2</source>
        <translation>Transfer-Zeitüberschreitung (%1) — auflegen oder Gespräch mit %2 fortsetzen</translation>
    </message>
    <message>
        <location filename="../ui/phone/calls_model.cpp" line="136"/>
        <source>transferred to %1</source>
        <translation>an %1 transferiert</translation>
    </message>
    <message>
        <location filename="../ui/phone/calls_model.cpp" line="138"/>
        <source>transfer to %1 failed: %2</source>
        <translation>Transfer an %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location filename="../ui/phone/calls_model.cpp" line="141"/>
        <source>transfer to %1 timed out</source>
        <translation>Transfer an %1: Zeitüberschreitung</translation>
    </message>
    <message>
        <location filename="../ui/phone/calls_model.cpp" line="147"/>
        <source>answered</source>
        <translation>angenommen</translation>
    </message>
    <message>
        <location filename="../ui/phone/calls_model.cpp" line="150"/>
        <source>declined</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <location filename="../ui/phone/calls_model.cpp" line="151"/>
        <source>missed</source>
        <translation>verpasst</translation>
    </message>
    <message>
        <location filename="../ui/phone/calls_model.cpp" line="153"/>
        <source>not answered</source>
        <translation>nicht angenommen</translation>
    </message>
    <message>
        <location filename="../ui/phone/calls_model.cpp" line="154"/>
        <source>not answered: %1</source>
        <translation>nicht angenommen: %1</translation>
    </message>
    <message>
        <location filename="../ui/phone/calls_model.cpp" line="364"/>
        <source>Account: %1</source>
        <translation>Konto: %1</translation>
    </message>
    <message>
        <location filename="../ui/phone/phone_session.cpp" line="20"/>
        <source>There is no call %1 any more.</source>
        <translation>Den Anruf %1 gibt es nicht mehr.</translation>
    </message>
    <message>
        <location filename="../ui/save_file.cpp" line="10"/>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>engine::AudioDeviceCatalog</name>
    <message>
        <location filename="../core/engine/audio_devices.cpp" line="97"/>
        <source>microphone &quot;%1&quot;</source>
        <translation>Mikrofon „%1“</translation>
    </message>
    <message>
        <location filename="../core/engine/audio_devices.cpp" line="100"/>
        <source>speaker &quot;%1&quot;</source>
        <translation>Lautsprecher „%1“</translation>
    </message>
    <message>
        <location filename="../core/engine/audio_devices.cpp" line="103"/>
        <source>The %1 went away; the system default is used now (calls continue).</source>
        <translation>Nicht mehr verfügbar: %1; jetzt wird der Systemstandard verwendet (Anrufe laufen weiter).</translation>
    </message>
    <message>
        <location filename="../core/engine/audio_devices.cpp" line="104"/>
        <source> and </source>
        <translation> und </translation>
    </message>
</context>
<context>
    <name>flow::EventStreamClient</name>
    <message>
        <location filename="../core/flow/event_stream_client.cpp" line="25"/>
        <source>event stream: %1</source>
        <translation>Ereignisstrom: %1</translation>
    </message>
    <message>
        <location filename="../core/flow/event_stream_client.cpp" line="73"/>
        <source>event stream catch-up: %1</source>
        <translation>Ereignisstrom (Nachholen): %1</translation>
    </message>
    <message>
        <location filename="../core/flow/event_stream_client.cpp" line="78"/>
        <source>event stream catch-up: the answer is not a JSON array</source>
        <translation>Ereignisstrom (Nachholen): Die Antwort ist kein JSON-Array</translation>
    </message>
    <message>
        <location filename="../core/flow/event_stream_client.cpp" line="90"/>
        <source>event stream: a frame that is not a JSON object was ignored</source>
        <translation>Ereignisstrom: Ein Frame, der kein JSON-Objekt ist, wurde ignoriert</translation>
    </message>
</context>
<context>
    <name>flow::FlowModel</name>
    <message>
        <location filename="../core/flow/flow_model.cpp" line="145"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../core/flow/flow_model.cpp" line="147"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../core/flow/flow_model.cpp" line="149"/>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <location filename="../core/flow/flow_model.cpp" line="151"/>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <location filename="../core/flow/flow_model.cpp" line="153"/>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
</context>
<context>
    <name>lab::MiniRestcommLauncher</name>
    <message>
        <location filename="../core/lab/mini_restcomm_launcher.cpp" line="72"/>
        <source>mini-restcomm could not be started (%1): %2</source>
        <translation>mini-restcomm konnte nicht gestartet werden (%1): %2</translation>
    </message>
    <message>
        <location filename="../core/lab/mini_restcomm_launcher.cpp" line="94"/>
        <source>mini-restcomm crashed</source>
        <translation>mini-restcomm ist abgestürzt</translation>
    </message>
    <message>
        <location filename="../core/lab/mini_restcomm_launcher.cpp" line="95"/>
        <source>mini-restcomm exited with code %1</source>
        <translation>mini-restcomm wurde mit Code %1 beendet</translation>
    </message>
    <message>
        <location filename="../core/lab/mini_restcomm_launcher.cpp" line="96"/>
        <source> while running</source>
        <translation> (im laufenden Betrieb)</translation>
    </message>
    <message>
        <location filename="../core/lab/mini_restcomm_launcher.cpp" line="96"/>
        <source> before it was ready</source>
        <translation> (bevor es bereit war)</translation>
    </message>
    <message numerus="yes">
        <location filename="../core/lab/mini_restcomm_launcher.cpp" line="105"/>
        <source> (tried %n port(s); close the program that holds them or try again)</source>
        <translation>
            <numerusform> (%n Port versucht; schließen Sie das Programm, das ihn belegt, oder versuchen Sie es erneut)</numerusform>
            <numerusform> (%n Ports versucht; schließen Sie das Programm, das sie belegt, oder versuchen Sie es erneut)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../core/lab/mini_restcomm_launcher.cpp" line="148"/>
        <source>mini-restcomm not found: install ReferPhone&apos;s mini-restcomm next to referphone, or set MINI_RESTCOMM to its path</source>
        <translation>mini-restcomm nicht gefunden: Installieren Sie das mini-restcomm von ReferPhone neben referphone oder setzen Sie MINI_RESTCOMM auf seinen Pfad</translation>
    </message>
    <message>
        <location filename="../core/lab/mini_restcomm_launcher.cpp" line="155"/>
        <source>no free port on 127.0.0.1 for mini-restcomm&apos;s SIP listener</source>
        <translation>kein freier Port auf 127.0.0.1 für den SIP-Listener von mini-restcomm</translation>
    </message>
</context>
<context>
    <name>numcfg::ImportApplier</name>
    <message>
        <location filename="../core/numberconfig/import_applier.cpp" line="55"/>
        <source>the server&apos;s answer holds no sid</source>
        <translation>die Antwort des Servers enthält keine Sid</translation>
    </message>
    <message>
        <location filename="../core/numberconfig/import_applier.cpp" line="95"/>
        <source>%1 %2: %3</source>
        <translation>%1 %2: %3</translation>
    </message>
    <message>
        <location filename="../core/numberconfig/import_applier.cpp" line="96"/>
        <source>deleting created</source>
        <translation>Löschen der neuen Nummer</translation>
    </message>
    <message>
        <location filename="../core/numberconfig/import_applier.cpp" line="96"/>
        <source>restoring replaced</source>
        <translation>Wiederherstellen der ersetzten Nummer</translation>
    </message>
</context>
<context>
    <name>numcfg::ImportPreviewModel</name>
    <message>
        <location filename="../core/numberconfig/import_preview_model.cpp" line="127"/>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../core/numberconfig/import_preview_model.cpp" line="129"/>
        <source>not checked</source>
        <translation>nicht geprüft</translation>
    </message>
    <message>
        <location filename="../core/numberconfig/import_preview_model.cpp" line="131"/>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <location filename="../core/numberconfig/import_preview_model.cpp" line="133"/>
        <source>exists: skip</source>
        <translation>vorhanden: überspringen</translation>
    </message>
    <message>
        <location filename="../core/numberconfig/import_preview_model.cpp" line="135"/>
        <source>exists: replace</source>
        <translation>vorhanden: ersetzen</translation>
    </message>
    <message>
        <location filename="../core/numberconfig/import_preview_model.cpp" line="171"/>
        <source>Where</source>
        <translation>Stelle</translation>
    </message>
    <message>
        <location filename="../core/numberconfig/import_preview_model.cpp" line="173"/>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <location filename="../core/numberconfig/import_preview_model.cpp" line="175"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../core/numberconfig/import_preview_model.cpp" line="177"/>
        <source>Voice</source>
        <translation>Voice</translation>
    </message>
    <message>
        <location filename="../core/numberconfig/import_preview_model.cpp" line="179"/>
        <source>Refer</source>
        <translation>Refer</translation>
    </message>
    <message>
        <location filename="../core/numberconfig/import_preview_model.cpp" line="181"/>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <location filename="../core/numberconfig/import_preview_model.cpp" line="183"/>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
</context>
<context>
    <name>numcfg::ServerNumbersModel</name>
    <message>
        <location filename="../core/numberconfig/server_numbers_model.cpp" line="59"/>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <location filename="../core/numberconfig/server_numbers_model.cpp" line="61"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../core/numberconfig/server_numbers_model.cpp" line="63"/>
        <source>Voice URL / app</source>
        <translation>Voice-URL / App</translation>
    </message>
    <message>
        <location filename="../core/numberconfig/server_numbers_model.cpp" line="65"/>
        <source>Refer URL / app</source>
        <translation>Refer-URL / App</translation>
    </message>
    <message>
        <location filename="../core/numberconfig/server_numbers_model.cpp" line="67"/>
        <source>Refer application</source>
        <translation>Refer-Anwendung</translation>
    </message>
    <message>
        <location filename="../core/numberconfig/server_numbers_model.cpp" line="92"/>
        <source>%1 not changed: %2</source>
        <translation>%1 nicht geändert: %2</translation>
    </message>
</context>
<context>
    <name>phone::AccountDialog</name>
    <message>
        <location filename="../ui/phone/account_dialog.cpp" line="29"/>
        <source>Accept transfers (REFER) from the other side</source>
        <translation>Transfers (REFER) von der Gegenseite annehmen</translation>
    </message>
    <message>
        <location filename="../ui/phone/account_dialog.cpp" line="30"/>
        <source>Answer incoming calls automatically</source>
        <translation>Eingehende Anrufe automatisch annehmen</translation>
    </message>
    <message>
        <location filename="../ui/phone/account_dialog.cpp" line="32"/>
        <source>Edit account</source>
        <translation>Konto bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/phone/account_dialog.cpp" line="32"/>
        <source>Add account</source>
        <translation>Konto hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/phone/account_dialog.cpp" line="36"/>
        <source>example.com or 127.0.0.1:5080</source>
        <translation>example.com oder 127.0.0.1:5080</translation>
    </message>
    <message>
        <location filename="../ui/phone/account_dialog.cpp" line="38"/>
        <source>unchanged</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <location filename="../ui/phone/account_dialog.cpp" line="38"/>
        <source>none</source>
        <translation>keins</translation>
    </message>
    <message>
        <location filename="../ui/phone/account_dialog.cpp" line="39"/>
        <source>same as the user name</source>
        <translation>wie der Benutzername</translation>
    </message>
    <message>
        <location filename="../ui/phone/account_dialog.cpp" line="40"/>
        <source>none, e.g. sip:127.0.0.1:5080</source>
        <translation>keiner, z. B. sip:127.0.0.1:5080</translation>
    </message>
    <message>
        <location filename="../ui/phone/account_dialog.cpp" line="46"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../ui/phone/account_dialog.cpp" line="47"/>
        <source>never (peer-to-peer)</source>
        <translation>nie (Peer-to-Peer)</translation>
    </message>
    <message>
        <location filename="../ui/phone/account_dialog.cpp" line="57"/>
        <source>Display name:</source>
        <translation>Anzeigename:</translation>
    </message>
    <message>
        <location filename="../ui/phone/account_dialog.cpp" line="58"/>
        <source>User:</source>
        <translation>Benutzer:</translation>
    </message>
    <message>
        <location filename="../ui/phone/account_dialog.cpp" line="59"/>
        <source>Domain:</source>
        <translation>Domain:</translation>
    </message>
    <message>
        <location filename="../ui/phone/account_dialog.cpp" line="60"/>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <location filename="../ui/phone/account_dialog.cpp" line="61"/>
        <source>Authentication user:</source>
        <translation>Authentifizierungsname:</translation>
    </message>
    <message>
        <location filename="../ui/phone/account_dialog.cpp" line="62"/>
        <source>Outbound proxy:</source>
        <translation>Outbound-Proxy:</translation>
    </message>
    <message>
        <location filename="../ui/phone/account_dialog.cpp" line="63"/>
        <source>Transport:</source>
        <translation>Transport:</translation>
    </message>
    <message>
        <location filename="../ui/phone/account_dialog.cpp" line="64"/>
        <source>Register every:</source>
        <translation>Registrieren alle:</translation>
    </message>
</context>
<context>
    <name>phone::AccountsModel</name>
    <message>
        <location filename="../ui/phone/accounts_model.cpp" line="54"/>
        <source>No registration (peer-to-peer)</source>
        <translation>Keine Registrierung (Peer-to-Peer)</translation>
    </message>
    <message>
        <location filename="../ui/phone/accounts_model.cpp" line="58"/>
        <source>Registered</source>
        <translation>Registriert</translation>
    </message>
    <message>
        <location filename="../ui/phone/accounts_model.cpp" line="60"/>
        <source>Registering…</source>
        <translation>Wird registriert…</translation>
    </message>
    <message>
        <location filename="../ui/phone/accounts_model.cpp" line="62"/>
        <source>Unregistering…</source>
        <translation>Wird abgemeldet…</translation>
    </message>
    <message>
        <location filename="../ui/phone/accounts_model.cpp" line="64"/>
        <source>Not registered</source>
        <translation>Nicht registriert</translation>
    </message>
    <message>
        <location filename="../ui/phone/accounts_model.cpp" line="66"/>
        <source>Registration failed</source>
        <translation>Registrierung fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/phone/accounts_model.cpp" line="67"/>
        <source>Registration failed: %1</source>
        <translation>Registrierung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../ui/phone/accounts_model.cpp" line="106"/>
        <source>Since %1</source>
        <translation>Seit %1</translation>
    </message>
    <message>
        <location filename="../ui/phone/accounts_model.cpp" line="117"/>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <location filename="../ui/phone/accounts_model.cpp" line="117"/>
        <source>Registration</source>
        <translation>Registrierung</translation>
    </message>
</context>
<context>
    <name>phone::CallActions</name>
    <message>
        <location filename="../ui/phone/call_actions.cpp" line="17"/>
        <source>Answer</source>
        <translation>Annehmen</translation>
    </message>
    <message>
        <location filename="../ui/phone/call_actions.cpp" line="17"/>
        <source>Answer (Ctrl+Shift+A)</source>
        <translation>Annehmen (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <location filename="../ui/phone/call_actions.cpp" line="18"/>
        <source>Decline</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <location filename="../ui/phone/call_actions.cpp" line="18"/>
        <source>Decline (Ctrl+Shift+D)</source>
        <translation>Ablehnen (Ctrl+Shift+D)</translation>
    </message>
    <message>
        <location filename="../ui/phone/call_actions.cpp" line="19"/>
        <location filename="../ui/phone/call_actions.cpp" line="42"/>
        <location filename="../ui/phone/call_actions.cpp" line="106"/>
        <location filename="../ui/phone/call_actions.cpp" line="107"/>
        <source>Hang up</source>
        <translation>Auflegen</translation>
    </message>
    <message>
        <location filename="../ui/phone/call_actions.cpp" line="19"/>
        <source>Hang up (Ctrl+Shift+E)</source>
        <translation>Auflegen (Ctrl+Shift+E)</translation>
    </message>
    <message>
        <location filename="../ui/phone/call_actions.cpp" line="20"/>
        <location filename="../ui/phone/call_actions.cpp" line="40"/>
        <location filename="../ui/phone/call_actions.cpp" line="112"/>
        <source>Hold</source>
        <translation>Halten</translation>
    </message>
    <message>
        <location filename="../ui/phone/call_actions.cpp" line="20"/>
        <source>Hold or resume (Ctrl+Shift+H)</source>
        <translation>Halten oder fortsetzen (Ctrl+Shift+H)</translation>
    </message>
    <message>
        <location filename="../ui/phone/call_actions.cpp" line="21"/>
        <location filename="../ui/phone/call_actions.cpp" line="41"/>
        <location filename="../ui/phone/call_actions.cpp" line="115"/>
        <source>Mute</source>
        <translation>Stumm</translation>
    </message>
    <message>
        <location filename="../ui/phone/call_actions.cpp" line="21"/>
        <source>Mute or unmute (Ctrl+Shift+M)</source>
        <translation>Mikrofon stumm- oder wieder einschalten (Ctrl+Shift+M)</translation>
    </message>
    <message>
        <location filename="../ui/phone/call_actions.cpp" line="22"/>
        <source>Keypad</source>
        <translation>Tastatur</translation>
    </message>
    <message>
        <location filename="../ui/phone/call_actions.cpp" line="23"/>
        <source>Send DTMF tones (or type digits while the call list has focus)</source>
        <translation>DTMF-Töne senden (oder Ziffern tippen, während die Anrufliste den Fokus hat)</translation>
    </message>
    <message>
        <location filename="../ui/phone/call_actions.cpp" line="24"/>
        <source>Blind Transfer…</source>
        <translation>Blind-Transfer…</translation>
    </message>
    <message>
        <location filename="../ui/phone/call_actions.cpp" line="25"/>
        <source>Hand this call to another number (Ctrl+Shift+T)</source>
        <translation>Diesen Anruf ohne Rückfrage an eine andere Nummer weitergeben (Ctrl+Shift+T)</translation>
    </message>
    <message>
        <location filename="../ui/phone/call_actions.cpp" line="26"/>
        <source>Call back</source>
        <translation>Zurückrufen</translation>
    </message>
    <message>
        <location filename="../ui/phone/call_actions.cpp" line="27"/>
        <source>The transfer failed and the call is gone: call the peer again</source>
        <translation>Der Transfer ist fehlgeschlagen und der Anruf beendet: Gegenstelle erneut anrufen</translation>
    </message>
    <message>
        <location filename="../ui/phone/call_actions.cpp" line="28"/>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <location filename="../ui/phone/call_actions.cpp" line="28"/>
        <source>Remove this row</source>
        <translation>Diese Zeile entfernen</translation>
    </message>
    <message>
        <location filename="../ui/phone/call_actions.cpp" line="40"/>
        <location filename="../ui/phone/call_actions.cpp" line="112"/>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <location filename="../ui/phone/call_actions.cpp" line="41"/>
        <location filename="../ui/phone/call_actions.cpp" line="115"/>
        <source>Unmute</source>
        <translation>Stumm aus</translation>
    </message>
    <message>
        <location filename="../ui/phone/call_actions.cpp" line="42"/>
        <location filename="../ui/phone/call_actions.cpp" line="108"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/phone/call_actions.cpp" line="121"/>
        <source>Call %1 back</source>
        <translation>%1 zurückrufen</translation>
    </message>
</context>
<context>
    <name>phone::CallHistoryModel</name>
    <message>
        <location filename="../ui/phone/call_history_model.cpp" line="147"/>
        <source>In</source>
        <translation>Eingehend</translation>
    </message>
    <message>
        <location filename="../ui/phone/call_history_model.cpp" line="147"/>
        <source>Out</source>
        <translation>Ausgehend</translation>
    </message>
    <message>
        <location filename="../ui/phone/call_history_model.cpp" line="167"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../ui/phone/call_history_model.cpp" line="169"/>
        <source>Dir.</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <location filename="../ui/phone/call_history_model.cpp" line="171"/>
        <source>Peer</source>
        <translation>Partner</translation>
    </message>
    <message>
        <location filename="../ui/phone/call_history_model.cpp" line="173"/>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location filename="../ui/phone/call_history_model.cpp" line="175"/>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
</context>
<context>
    <name>phone::CallsModel</name>
    <message>
        <location filename="../ui/phone/calls_model.cpp" line="173"/>
        <location filename="../ui/phone/calls_model.cpp" line="232"/>
        <source>transferred here by %1</source>
        <translation>von %1 hierher transferiert</translation>
    </message>
    <message>
        <location filename="../ui/phone/calls_model.cpp" line="231"/>
        <source>continues a transferred call</source>
        <translation>setzt einen transferierten Anruf fort</translation>
    </message>
    <message>
        <location filename="../ui/phone/calls_model.cpp" line="311"/>
        <source>%1 is transferring you to %2</source>
        <translation>%1 transferiert Sie an %2</translation>
    </message>
    <message>
        <location filename="../ui/phone/calls_model.cpp" line="399"/>
        <source>Peer</source>
        <translation>Partner</translation>
    </message>
    <message>
        <location filename="../ui/phone/calls_model.cpp" line="401"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/phone/calls_model.cpp" line="403"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../ui/phone/calls_model.cpp" line="405"/>
        <source>Actions</source>
        <translation>Aktionen</translation>
    </message>
</context>
<context>
    <name>phone::ContactsModel</name>
    <message>
        <location filename="../ui/phone/contacts_model.cpp" line="136"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/phone/contacts_model.cpp" line="136"/>
        <source>Number or address</source>
        <translation>Nummer oder Adresse</translation>
    </message>
</context>
<context>
    <name>phone::IncomingCallAlert</name>
    <message>
        <location filename="../ui/phone/incoming_call_alert.cpp" line="24"/>
        <source>ReferPhone</source>
        <translation>ReferPhone</translation>
    </message>
    <message>
        <location filename="../ui/phone/incoming_call_alert.cpp" line="81"/>
        <source>Incoming call from %1</source>
        <translation>Eingehender Anruf von %1</translation>
    </message>
    <message>
        <location filename="../ui/phone/incoming_call_alert.cpp" line="83"/>
        <source>Incoming call</source>
        <translation>Eingehender Anruf</translation>
    </message>
</context>
<context>
    <name>phone::PasswordStore</name>
    <message>
        <location filename="../ui/phone/password_store.cpp" line="25"/>
        <source>file storage was asked for (REFERPHONE_PASSWORDS=file)</source>
        <translation>Dateispeicher wurde angefordert (REFERPHONE_PASSWORDS=file)</translation>
    </message>
    <message>
        <location filename="../ui/phone/password_store.cpp" line="31"/>
        <source>Passwords are kept in the system keychain.</source>
        <translation>Passwörter werden im Schlüsselbund des Systems aufbewahrt.</translation>
    </message>
    <message>
        <location filename="../ui/phone/password_store.cpp" line="33"/>
        <source>Passwords are stored UNENCRYPTED in %1 (readable by your user only) because no keychain is used: %2.</source>
        <translation>Passwörter werden UNVERSCHLÜSSELT in %1 gespeichert (nur für Ihren Benutzer lesbar), weil kein Schlüsselbund verwendet wird: %2.</translation>
    </message>
    <message>
        <location filename="../ui/phone/password_store.cpp" line="57"/>
        <location filename="../ui/phone/password_store.cpp" line="84"/>
        <source>the keychain failed (%1)</source>
        <translation>Fehler im Schlüsselbund (%1)</translation>
    </message>
    <message>
        <location filename="../ui/phone/password_store.cpp" line="60"/>
        <source>The keychain did not store the password: %1</source>
        <translation>Der Schlüsselbund hat das Passwort nicht gespeichert: %1</translation>
    </message>
    <message>
        <location filename="../ui/phone/password_store.cpp" line="89"/>
        <source>The keychain did not give the password: %1</source>
        <translation>Der Schlüsselbund hat das Passwort nicht herausgegeben: %1</translation>
    </message>
</context>
<context>
    <name>phone::PhoneSession</name>
    <message>
        <location filename="../ui/phone/phone_session.cpp" line="68"/>
        <source>The call failed: %1</source>
        <translation>Der Anruf ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../ui/phone/phone_session.cpp" line="75"/>
        <source>failed: %1</source>
        <translation>fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../ui/phone/phone_session.cpp" line="115"/>
        <source>Password of %1: %2</source>
        <translation>Passwort von %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/phone/phone_session.cpp" line="121"/>
        <location filename="../ui/phone/phone_session.cpp" line="166"/>
        <source>Account %1: %2</source>
        <translation>Konto %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/phone/phone_session.cpp" line="150"/>
        <source>The account %1 exists already.</source>
        <translation>Das Konto %1 gibt es bereits.</translation>
    </message>
    <message>
        <location filename="../ui/phone/phone_session.cpp" line="173"/>
        <source>The user name is empty.</source>
        <translation>Der Benutzername ist leer.</translation>
    </message>
    <message>
        <location filename="../ui/phone/phone_session.cpp" line="178"/>
        <source>&quot;%1&quot; is not a valid domain (a host name or IP, optionally with :port).</source>
        <translation>„%1“ ist keine gültige Domain (ein Hostname oder eine IP, optional mit :Port).</translation>
    </message>
    <message>
        <location filename="../ui/phone/phone_session.cpp" line="199"/>
        <source>Password of %1 not saved: %2</source>
        <translation>Passwort von %1 nicht gespeichert: %2</translation>
    </message>
    <message>
        <location filename="../ui/phone/phone_session.cpp" line="212"/>
        <source>There is no account %1.</source>
        <translation>Es gibt kein Konto %1.</translation>
    </message>
    <message>
        <location filename="../ui/phone/phone_session.cpp" line="248"/>
        <source>There is no account to call from: add one in Settings.</source>
        <translation>Es gibt kein Konto, über das angerufen werden kann: Fügen Sie in den Einstellungen eines hinzu.</translation>
    </message>
    <message>
        <location filename="../ui/phone/phone_session.cpp" line="307"/>
        <source>Only an established call without a transfer in progress can be transferred.</source>
        <translation>Nur ein bestehendes Gespräch ohne laufenden Transfer kann transferiert werden.</translation>
    </message>
    <message>
        <location filename="../ui/phone/phone_session.cpp" line="365"/>
        <source>There is no phone named &quot;%1&quot; (this is &quot;%2&quot;; the Lab&apos;s phones are reachable when it runs).</source>
        <translation>Es gibt kein Telefon namens „%1“ (dies ist „%2“; die Telefone des Labs sind erreichbar, solange es läuft).</translation>
    </message>
    <message>
        <location filename="../ui/phone/phone_session.cpp" line="377"/>
        <source>This phone has no window to show.</source>
        <translation>Dieses Telefon hat kein Fenster, das angezeigt werden könnte.</translation>
    </message>
    <message>
        <location filename="../ui/phone/phone_session.cpp" line="379"/>
        <source>This phone cannot open the Transfer Lab.</source>
        <translation>Dieses Telefon kann das Transfer Lab nicht öffnen.</translation>
    </message>
    <message>
        <location filename="../ui/phone/phone_session.cpp" line="382"/>
        <source>Dialling %1</source>
        <translation>%1 wird gewählt</translation>
    </message>
    <message>
        <location filename="../ui/phone/phone_session.cpp" line="385"/>
        <source>Answered</source>
        <translation>Angenommen</translation>
    </message>
    <message>
        <location filename="../ui/phone/phone_session.cpp" line="386"/>
        <source>No call is ringing.</source>
        <translation>Es klingelt kein Anruf.</translation>
    </message>
    <message>
        <location filename="../ui/phone/phone_session.cpp" line="390"/>
        <source>Hung up</source>
        <translation>Aufgelegt</translation>
    </message>
    <message>
        <location filename="../ui/phone/phone_session.cpp" line="391"/>
        <source>There is no call.</source>
        <translation>Es gibt keinen Anruf.</translation>
    </message>
    <message>
        <location filename="../ui/phone/phone_session.cpp" line="396"/>
        <source>Transferring to %1</source>
        <translation>Transfer an %1</translation>
    </message>
    <message>
        <location filename="../ui/phone/phone_session.cpp" line="397"/>
        <source>There is no call to transfer.</source>
        <translation>Es gibt keinen Anruf, der transferiert werden kann.</translation>
    </message>
    <message>
        <location filename="../ui/phone/phone_session.cpp" line="400"/>
        <source>Unknown command.</source>
        <translation>Unbekannter Befehl.</translation>
    </message>
    <message>
        <location filename="../ui/phone/phone_session.cpp" line="450"/>
        <source>History not saved: %1</source>
        <translation>Verlauf nicht gespeichert: %1</translation>
    </message>
</context>
<context>
    <name>phone::PhoneWindow</name>
    <message>
        <location filename="../ui/phone/phone_window.cpp" line="57"/>
        <source>ReferPhone</source>
        <translation>ReferPhone</translation>
    </message>
    <message>
        <location filename="../ui/phone/phone_window.cpp" line="103"/>
        <source>Phone engine %1: %2</source>
        <translation>Telefon-Engine %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/phone/phone_window.cpp" line="108"/>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <location filename="../ui/phone/phone_window.cpp" line="123"/>
        <source>The account the call goes out on</source>
        <translation>Das Konto, über das der Anruf hinausgeht</translation>
    </message>
    <message>
        <location filename="../ui/phone/phone_window.cpp" line="132"/>
        <source>Number, name or sip: address — Enter to call (Ctrl+L)</source>
        <translation>Nummer, Name oder sip:-Adresse — Enter ruft an (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../ui/phone/phone_window.cpp" line="136"/>
        <location filename="../ui/phone/phone_window.cpp" line="297"/>
        <source>&amp;Call</source>
        <translation>&amp;Anrufen</translation>
    </message>
    <message>
        <location filename="../ui/phone/phone_window.cpp" line="140"/>
        <source>Keypad</source>
        <translation>Wähltastatur</translation>
    </message>
    <message>
        <location filename="../ui/phone/phone_window.cpp" line="141"/>
        <source>Show the keypad (Ctrl+K); in a call it sends DTMF</source>
        <translation>Wähltastatur anzeigen (Ctrl+K); im Gespräch sendet sie DTMF</translation>
    </message>
    <message>
        <location filename="../ui/phone/phone_window.cpp" line="147"/>
        <source>From:</source>
        <translation>Von:</translation>
    </message>
    <message>
        <location filename="../ui/phone/phone_window.cpp" line="174"/>
        <source>Type digits here to send them as DTMF to the selected call</source>
        <translation>Hier Ziffern eingeben, um sie als DTMF an den ausgewählten Anruf zu senden</translation>
    </message>
    <message>
        <location filename="../ui/phone/phone_window.cpp" line="224"/>
        <source>Double-click to call again</source>
        <translation>Doppelklick ruft erneut an</translation>
    </message>
    <message>
        <location filename="../ui/phone/phone_window.cpp" line="237"/>
        <source>&amp;History</source>
        <translation>&amp;Verlauf</translation>
    </message>
    <message>
        <location filename="../ui/phone/phone_window.cpp" line="245"/>
        <source>Double-click to call, F2 to edit</source>
        <translation>Doppelklick ruft an, F2 bearbeitet</translation>
    </message>
    <message>
        <location filename="../ui/phone/phone_window.cpp" line="250"/>
        <source>Add contact</source>
        <translation>Kontakt hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/phone/phone_window.cpp" line="251"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../ui/phone/phone_window.cpp" line="256"/>
        <source>New contact</source>
        <translation>Neuer Kontakt</translation>
    </message>
    <message>
        <location filename="../ui/phone/phone_window.cpp" line="276"/>
        <source>C&amp;ontacts</source>
        <translation>&amp;Kontakte</translation>
    </message>
    <message>
        <location filename="../ui/phone/phone_window.cpp" line="281"/>
        <source>&amp;Phone</source>
        <translation>&amp;Telefon</translation>
    </message>
    <message>
        <location filename="../ui/phone/phone_window.cpp" line="282"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location filename="../ui/phone/phone_window.cpp" line="287"/>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <location filename="../ui/phone/phone_window.cpp" line="288"/>
        <source>Transfer &amp;Lab…</source>
        <translation>Transfer &amp;Lab…</translation>
    </message>
    <message>
        <location filename="../ui/phone/phone_window.cpp" line="288"/>
        <source>Ctrl+Shift+L</source>
        <translation>Ctrl+Shift+L</translation>
    </message>
    <message>
        <location filename="../ui/phone/phone_window.cpp" line="291"/>
        <source>Open the Transfer Lab: a local mini-restcomm, three phones and the live ladder of a blind transfer.</source>
        <translation>Das Transfer Lab öffnen: ein lokales mini-restcomm, drei Telefone und das Live-Sequenzdiagramm eines Blind-Transfers.</translation>
    </message>
    <message>
        <location filename="../ui/phone/phone_window.cpp" line="295"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/phone/phone_window.cpp" line="305"/>
        <source>Focus the dial field</source>
        <translation>Zum Wählfeld springen</translation>
    </message>
    <message>
        <location filename="../ui/phone/phone_window.cpp" line="305"/>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <location filename="../ui/phone/phone_window.cpp" line="309"/>
        <source>Show the keypad</source>
        <translation>Wähltastatur anzeigen</translation>
    </message>
    <message>
        <location filename="../ui/phone/phone_window.cpp" line="309"/>
        <source>Ctrl+K</source>
        <translation>Ctrl+K</translation>
    </message>
    <message>
        <location filename="../ui/phone/phone_window.cpp" line="311"/>
        <source>&amp;Answer</source>
        <translation>&amp;Annehmen</translation>
    </message>
    <message>
        <location filename="../ui/phone/phone_window.cpp" line="311"/>
        <source>Ctrl+Shift+A</source>
        <translation>Ctrl+Shift+A</translation>
    </message>
    <message>
        <location filename="../ui/phone/phone_window.cpp" line="319"/>
        <source>No call is ringing.</source>
        <translation>Es klingelt kein Anruf.</translation>
    </message>
    <message>
        <location filename="../ui/phone/phone_window.cpp" line="322"/>
        <source>&amp;Decline</source>
        <translation>A&amp;blehnen</translation>
    </message>
    <message>
        <location filename="../ui/phone/phone_window.cpp" line="322"/>
        <source>Ctrl+Shift+D</source>
        <translation>Ctrl+Shift+D</translation>
    </message>
    <message>
        <location filename="../ui/phone/phone_window.cpp" line="324"/>
        <source>&amp;Hang up</source>
        <translation>A&amp;uflegen</translation>
    </message>
    <message>
        <location filename="../ui/phone/phone_window.cpp" line="324"/>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <location filename="../ui/phone/phone_window.cpp" line="326"/>
        <source>Hold / &amp;Resume</source>
        <translation>&amp;Halten / Fortsetzen</translation>
    </message>
    <message>
        <location filename="../ui/phone/phone_window.cpp" line="326"/>
        <source>Ctrl+Shift+H</source>
        <translation>Ctrl+Shift+H</translation>
    </message>
    <message>
        <location filename="../ui/phone/phone_window.cpp" line="328"/>
        <source>&amp;Mute / Unmute</source>
        <translation>&amp;Stummschaltung ein/aus</translation>
    </message>
    <message>
        <location filename="../ui/phone/phone_window.cpp" line="328"/>
        <source>Ctrl+Shift+M</source>
        <translation>Ctrl+Shift+M</translation>
    </message>
    <message>
        <location filename="../ui/phone/phone_window.cpp" line="330"/>
        <source>Blind &amp;Transfer…</source>
        <translation>Blind-&amp;Transfer…</translation>
    </message>
    <message>
        <location filename="../ui/phone/phone_window.cpp" line="330"/>
        <source>Ctrl+Shift+T</source>
        <translation>Ctrl+Shift+T</translation>
    </message>
    <message>
        <location filename="../ui/phone/phone_window.cpp" line="333"/>
        <source>Blind Transfer needs an established call.</source>
        <translation>Für einen Blind-Transfer muss ein Gespräch bestehen.</translation>
    </message>
    <message>
        <location filename="../ui/phone/phone_window.cpp" line="350"/>
        <source>There is no call.</source>
        <translation>Es gibt keinen Anruf.</translation>
    </message>
    <message>
        <location filename="../ui/phone/phone_window.cpp" line="407"/>
        <source>Calling %1…</source>
        <translation>%1 wird angerufen…</translation>
    </message>
    <message>
        <location filename="../ui/phone/phone_window.cpp" line="417"/>
        <source>Sent DTMF %1</source>
        <translation>DTMF %1 gesendet</translation>
    </message>
</context>
<context>
    <name>phone::SettingsDialog</name>
    <message>
        <location filename="../ui/phone/settings_dialog.cpp" line="24"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../ui/phone/settings_dialog.cpp" line="26"/>
        <source>&amp;Accounts</source>
        <translation>&amp;Konten</translation>
    </message>
    <message>
        <location filename="../ui/phone/settings_dialog.cpp" line="27"/>
        <source>A&amp;udio</source>
        <translation>A&amp;udio</translation>
    </message>
    <message>
        <location filename="../ui/phone/settings_dialog.cpp" line="49"/>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
        <location filename="../ui/phone/settings_dialog.cpp" line="50"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <location filename="../ui/phone/settings_dialog.cpp" line="51"/>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <location filename="../ui/phone/settings_dialog.cpp" line="79"/>
        <source>Play a ringtone for incoming calls</source>
        <translation>Klingelton für eingehende Anrufe abspielen</translation>
    </message>
    <message>
        <location filename="../ui/phone/settings_dialog.cpp" line="83"/>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <location filename="../ui/phone/settings_dialog.cpp" line="98"/>
        <source>Microphone:</source>
        <translation>Mikrofon:</translation>
    </message>
    <message>
        <location filename="../ui/phone/settings_dialog.cpp" line="99"/>
        <source>Speaker (calls and ringtone):</source>
        <translation>Lautsprecher (Anrufe und Klingelton):</translation>
    </message>
    <message>
        <location filename="../ui/phone/settings_dialog.cpp" line="103"/>
        <source>No audio devices were found; the system default is used.</source>
        <translation>Keine Audiogeräte gefunden; der Systemstandard wird verwendet.</translation>
    </message>
    <message>
        <location filename="../ui/phone/settings_dialog.cpp" line="111"/>
        <source>Select an account to edit.</source>
        <translation>Wählen Sie ein Konto zum Bearbeiten aus.</translation>
    </message>
    <message>
        <location filename="../ui/phone/settings_dialog.cpp" line="121"/>
        <source>Select an account to remove.</source>
        <translation>Wählen Sie ein Konto zum Entfernen aus.</translation>
    </message>
    <message>
        <location filename="../ui/phone/settings_dialog.cpp" line="126"/>
        <source>Remove account</source>
        <translation>Konto entfernen</translation>
    </message>
    <message>
        <location filename="../ui/phone/settings_dialog.cpp" line="127"/>
        <source>Remove %1? Its calls end and its password is deleted.</source>
        <translation>%1 entfernen? Die Anrufe des Kontos werden beendet und sein Passwort gelöscht.</translation>
    </message>
    <message>
        <location filename="../ui/phone/settings_dialog.cpp" line="132"/>
        <source>Removed %1.</source>
        <translation>%1 entfernt.</translation>
    </message>
    <message>
        <location filename="../ui/phone/settings_dialog.cpp" line="139"/>
        <source>Audio settings saved.</source>
        <translation>Audioeinstellungen gespeichert.</translation>
    </message>
</context>
<context>
    <name>phone::TransferDialog</name>
    <message>
        <location filename="../ui/phone/transfer_dialog.cpp" line="34"/>
        <source>&amp;Transfer</source>
        <translation>&amp;Transferieren</translation>
    </message>
    <message>
        <location filename="../ui/phone/transfer_dialog.cpp" line="36"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/phone/transfer_dialog.cpp" line="38"/>
        <source>Blind Transfer</source>
        <translation>Blind-Transfer</translation>
    </message>
    <message>
        <location filename="../ui/phone/transfer_dialog.cpp" line="43"/>
        <source>Number, user name or sip: address</source>
        <translation>Nummer, Benutzername oder sip:-Adresse</translation>
    </message>
    <message>
        <location filename="../ui/phone/transfer_dialog.cpp" line="98"/>
        <source>Transfer &lt;b&gt;%1&lt;/b&gt; to:</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; transferieren an:</translation>
    </message>
    <message>
        <location filename="../ui/phone/transfer_dialog.cpp" line="118"/>
        <source>Transfers to %1</source>
        <translation>Transfer an %1</translation>
    </message>
    <message>
        <location filename="../ui/phone/transfer_dialog.cpp" line="121"/>
        <source>For example 1002, carol, sip:carol@example.org or tel:+1555…</source>
        <translation>Zum Beispiel 1002, carol, sip:carol@example.org oder tel:+1555…</translation>
    </message>
    <message>
        <location filename="../ui/phone/transfer_dialog.cpp" line="148"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../ui/phone/transfer_dialog.cpp" line="152"/>
        <source>Transferring %1 to %2…</source>
        <translation>%1 wird an %2 transferiert…</translation>
    </message>
    <message>
        <location filename="../ui/phone/transfer_dialog.cpp" line="154"/>
        <source>Transferring…</source>
        <translation>Transfer läuft…</translation>
    </message>
    <message>
        <location filename="../ui/phone/transfer_dialog.cpp" line="166"/>
        <source>The call is gone; the outcome of the transfer is unknown.</source>
        <translation>Der Anruf besteht nicht mehr; ob der Transfer gelungen ist, bleibt unbekannt.</translation>
    </message>
    <message>
        <location filename="../ui/phone/transfer_dialog.cpp" line="168"/>
        <source>The call has ended.</source>
        <translation>Der Anruf wurde beendet.</translation>
    </message>
    <message>
        <location filename="../ui/phone/transfer_dialog.cpp" line="182"/>
        <source>Call %1 &amp;back</source>
        <translation>%1 &amp;zurückrufen</translation>
    </message>
    <message>
        <location filename="../ui/phone/transfer_dialog.cpp" line="193"/>
        <source>The call is not established any more.</source>
        <translation>Das Gespräch besteht nicht mehr.</translation>
    </message>
</context>
<context>
    <name>ui::ImportNumbersDialog</name>
    <message>
        <location filename="../ui/import_numbers_dialog.cpp" line="80"/>
        <source>No file opened.</source>
        <translation>Keine Datei geöffnet.</translation>
    </message>
    <message>
        <location filename="../ui/import_numbers_dialog.cpp" line="84"/>
        <source>Check against server</source>
        <translation>Mit dem Server abgleichen</translation>
    </message>
    <message>
        <location filename="../ui/import_numbers_dialog.cpp" line="85"/>
        <source>Apply</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <location filename="../ui/import_numbers_dialog.cpp" line="86"/>
        <source>Export server numbers…</source>
        <translation>Servernummern exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/import_numbers_dialog.cpp" line="87"/>
        <source>Import Number Config</source>
        <translation>Nummernkonfiguration importieren</translation>
    </message>
    <message>
        <location filename="../ui/import_numbers_dialog.cpp" line="93"/>
        <source>Server URL:</source>
        <translation>Server-URL:</translation>
    </message>
    <message>
        <location filename="../ui/import_numbers_dialog.cpp" line="94"/>
        <source>AccountSid:</source>
        <translation>AccountSid:</translation>
    </message>
    <message>
        <location filename="../ui/import_numbers_dialog.cpp" line="95"/>
        <source>AuthToken:</source>
        <translation>AuthToken:</translation>
    </message>
    <message>
        <location filename="../ui/import_numbers_dialog.cpp" line="97"/>
        <source>Open file…</source>
        <translation>Datei öffnen…</translation>
    </message>
    <message>
        <location filename="../ui/import_numbers_dialog.cpp" line="116"/>
        <source>Problems found in the file and on the server show here.</source>
        <translation>Hier erscheinen Probleme, die in der Datei und auf dem Server gefunden werden.</translation>
    </message>
    <message>
        <location filename="../ui/import_numbers_dialog.cpp" line="131"/>
        <source>Problems:</source>
        <translation>Probleme:</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/import_numbers_dialog.cpp" line="209"/>
        <source>Ready: %n change(s) to apply. Existing numbers are skipped unless their Action box is checked (replace).</source>
        <translation>
            <numerusform>Bereit: %n Änderung kann übernommen werden. Vorhandene Nummern werden übersprungen, außer ihr Kästchen in der Spalte „Aktion“ ist angehakt (ersetzen).</numerusform>
            <numerusform>Bereit: %n Änderungen können übernommen werden. Vorhandene Nummern werden übersprungen, außer ihr Kästchen in der Spalte „Aktion“ ist angehakt (ersetzen).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/import_numbers_dialog.cpp" line="221"/>
        <source>note: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message>
        <location filename="../ui/import_numbers_dialog.cpp" line="229"/>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location filename="../ui/import_numbers_dialog.cpp" line="234"/>
        <source>%1 is larger than 16 MiB; not a number list</source>
        <translation>%1 ist größer als 16 MiB; keine Nummernliste</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/import_numbers_dialog.cpp" line="240"/>
        <source>%1 (%2, %n number(s))</source>
        <translation>
            <numerusform>%1 (%2, %n Nummer)</numerusform>
            <numerusform>%1 (%2, %n Nummern)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/import_numbers_dialog.cpp" line="244"/>
        <source>File read. Checking against the server…</source>
        <translation>Datei gelesen. Abgleich mit dem Server…</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/import_numbers_dialog.cpp" line="245"/>
        <source>The file has %n problem(s); nothing can be imported until they are fixed.</source>
        <translation>
            <numerusform>Die Datei enthält %n Problem; nichts kann importiert werden, bevor es behoben ist.</numerusform>
            <numerusform>Die Datei enthält %n Probleme; nichts kann importiert werden, bevor sie behoben sind.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/import_numbers_dialog.cpp" line="257"/>
        <source>Enter the server URL, AccountSid and AuthToken.</source>
        <translation>Geben Sie Server-URL, AccountSid und AuthToken ein.</translation>
    </message>
    <message>
        <location filename="../ui/import_numbers_dialog.cpp" line="267"/>
        <source>Server check failed: %1</source>
        <translation>Serverabgleich fehlgeschlagen: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/import_numbers_dialog.cpp" line="278"/>
        <source>%n problem(s) found; fix the file and open it again. Nothing was changed on the server.</source>
        <translation>
            <numerusform>%n Problem gefunden; korrigieren Sie die Datei und öffnen Sie sie erneut. Auf dem Server wurde nichts geändert.</numerusform>
            <numerusform>%n Probleme gefunden; korrigieren Sie die Datei und öffnen Sie sie erneut. Auf dem Server wurde nichts geändert.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/import_numbers_dialog.cpp" line="286"/>
        <source>Server read: %1 number(s), %2 application(s).</source>
        <translation>Server gelesen: %1 Nummer(n), %2 Anwendung(en).</translation>
    </message>
    <message>
        <location filename="../ui/import_numbers_dialog.cpp" line="298"/>
        <source>Please wait: the import is running and is rolled back if it fails.</source>
        <translation>Bitte warten: Der Import läuft und wird bei einem Fehler zurückgenommen.</translation>
    </message>
    <message>
        <location filename="../ui/import_numbers_dialog.cpp" line="314"/>
        <source>Not applied: %1</source>
        <translation>Nicht übernommen: %1</translation>
    </message>
    <message>
        <location filename="../ui/import_numbers_dialog.cpp" line="319"/>
        <source>Nothing to apply: every number exists and is skipped.</source>
        <translation>Nichts zu übernehmen: Alle Nummern sind vorhanden und werden übersprungen.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/import_numbers_dialog.cpp" line="323"/>
        <source>Applying %n change(s)…</source>
        <translation>
            <numerusform>%n Änderung wird übernommen…</numerusform>
            <numerusform>%n Änderungen werden übernommen…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/import_numbers_dialog.cpp" line="347"/>
        <location filename="../ui/import_numbers_dialog.cpp" line="365"/>
        <source>Export failed: %1</source>
        <translation>Export fehlgeschlagen: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/import_numbers_dialog.cpp" line="370"/>
        <source>Exported %n number(s) to %1.</source>
        <translation>
            <numerusform>%n Nummer nach %1 exportiert.</numerusform>
            <numerusform>%n Nummern nach %1 exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/import_numbers_dialog.cpp" line="378"/>
        <source>Open number config</source>
        <translation>Nummernkonfiguration öffnen</translation>
    </message>
    <message>
        <location filename="../ui/import_numbers_dialog.cpp" line="379"/>
        <source>Number configs (*.json *.csv);;JSON (*.json);;CSV (*.csv);;All files (*)</source>
        <translation>Nummernkonfigurationen (*.json *.csv);;JSON (*.json);;CSV (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/import_numbers_dialog.cpp" line="387"/>
        <source>Restcomm IncomingPhoneNumbers JSON</source>
        <translation>Restcomm IncomingPhoneNumbers (JSON)</translation>
    </message>
    <message>
        <location filename="../ui/import_numbers_dialog.cpp" line="388"/>
        <source>ReferPhone export (JSON)</source>
        <translation>ReferPhone-Export (JSON)</translation>
    </message>
    <message>
        <location filename="../ui/import_numbers_dialog.cpp" line="389"/>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <location filename="../ui/import_numbers_dialog.cpp" line="399"/>
        <source>Export numbers</source>
        <translation>Nummern exportieren</translation>
    </message>
</context>
<context>
    <name>ui::LabPhones</name>
    <message>
        <location filename="../ui/lab_phones.cpp" line="129"/>
        <source>The Lab&apos;s phones are not up: mini-restcomm is not running (start it in the Transfer Lab window).</source>
        <translation>Die Telefone des Labs laufen nicht: mini-restcomm ist nicht gestartet (starten Sie es im Fenster „Transfer Lab“).</translation>
    </message>
    <message>
        <location filename="../ui/lab_phones.cpp" line="140"/>
        <source>The Lab runs three phones: say which with --phone %1.</source>
        <translation>Im Lab laufen drei Telefone: Wählen Sie eines mit --phone %1.</translation>
    </message>
    <message>
        <location filename="../ui/lab_phones.cpp" line="145"/>
        <source>There is no phone named &quot;%1&quot; in the Lab (its phones: %2).</source>
        <translation>Im Lab gibt es kein Telefon namens „%1“ (seine Telefone: %2).</translation>
    </message>
</context>
<context>
    <name>ui::LabWindow</name>
    <message>
        <location filename="../ui/lab_window.cpp" line="25"/>
        <source>ReferPhone — Transfer Lab</source>
        <translation>ReferPhone — Transfer Lab</translation>
    </message>
    <message>
        <location filename="../ui/lab_window.cpp" line="26"/>
        <source>Lab</source>
        <translation>Lab</translation>
    </message>
    <message>
        <location filename="../ui/lab_window.cpp" line="28"/>
        <source>Start mini-restcomm</source>
        <translation>mini-restcomm starten</translation>
    </message>
    <message>
        <location filename="../ui/lab_window.cpp" line="29"/>
        <source>Stop mini-restcomm</source>
        <translation>mini-restcomm beenden</translation>
    </message>
    <message>
        <location filename="../ui/lab_window.cpp" line="32"/>
        <source>Import Number Config…</source>
        <translation>Nummernkonfiguration importieren…</translation>
    </message>
    <message>
        <location filename="../ui/lab_window.cpp" line="33"/>
        <source>Reload numbers</source>
        <translation>Nummern neu laden</translation>
    </message>
    <message>
        <location filename="../ui/lab_window.cpp" line="45"/>
        <source>Double-click a cell to change it on the server.</source>
        <translation>Doppelklicken Sie auf eine Zelle, um sie auf dem Server zu ändern.</translation>
    </message>
    <message>
        <location filename="../ui/lab_window.cpp" line="50"/>
        <source>Numbers on mini-restcomm:</source>
        <translation>Nummern auf mini-restcomm:</translation>
    </message>
    <message>
        <location filename="../ui/lab_window.cpp" line="81"/>
        <source>mini-restcomm stopped.</source>
        <translation>mini-restcomm beendet.</translation>
    </message>
    <message>
        <location filename="../ui/lab_window.cpp" line="119"/>
        <source>Starting mini-restcomm…</source>
        <translation>mini-restcomm wird gestartet…</translation>
    </message>
    <message>
        <location filename="../ui/lab_window.cpp" line="154"/>
        <source>mini-restcomm running: SIP %1, HTTP %2, AccountSid %3</source>
        <translation>mini-restcomm läuft: SIP %1, HTTP %2, AccountSid %3</translation>
    </message>
    <message>
        <location filename="../ui/lab_window.cpp" line="167"/>
        <source>The Transfer Lab is already running; its window was raised.</source>
        <translation>Das Transfer Lab läuft bereits; sein Fenster wurde nach vorn geholt.</translation>
    </message>
</context>
<context>
    <name>ui::LadderPanel</name>
    <message>
        <location filename="../ui/ladder_panel.cpp" line="28"/>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <location filename="../ui/ladder_panel.cpp" line="29"/>
        <source>Media events</source>
        <translation>Medienereignisse</translation>
    </message>
    <message>
        <location filename="../ui/ladder_panel.cpp" line="33"/>
        <source>Click a message in the ladder to see it in full.</source>
        <translation>Klicken Sie auf eine Nachricht im Sequenzdiagramm, um sie vollständig zu sehen.</translation>
    </message>
    <message>
        <location filename="../ui/ladder_panel.cpp" line="36"/>
        <source>Export as PNG…</source>
        <translation>Als PNG exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/ladder_panel.cpp" line="37"/>
        <source>Export as text…</source>
        <translation>Als Text exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/ladder_panel.cpp" line="41"/>
        <source>Show the relay&apos;s media notes (legs bridged, ringback, RTP learned) between the SIP messages.</source>
        <translation>Die Medienhinweise des Relays (Gesprächszweige verbunden, Freiton, RTP gelernt) zwischen den SIP-Nachrichten anzeigen.</translation>
    </message>
    <message>
        <location filename="../ui/ladder_panel.cpp" line="120"/>
        <source>cannot encode the ladder as PNG</source>
        <translation>das Sequenzdiagramm kann nicht als PNG kodiert werden</translation>
    </message>
    <message>
        <location filename="../ui/ladder_panel.cpp" line="131"/>
        <source>Export ladder as PNG</source>
        <translation>Sequenzdiagramm als PNG exportieren</translation>
    </message>
    <message>
        <location filename="../ui/ladder_panel.cpp" line="131"/>
        <source>Export ladder as text</source>
        <translation>Sequenzdiagramm als Text exportieren</translation>
    </message>
    <message>
        <location filename="../ui/ladder_panel.cpp" line="133"/>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <location filename="../ui/ladder_panel.cpp" line="133"/>
        <source>Text files (*.txt)</source>
        <translation>Textdateien (*.txt)</translation>
    </message>
    <message>
        <location filename="../ui/ladder_panel.cpp" line="138"/>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>ui::LadderView</name>
    <message>
        <location filename="../ui/ladder_view.cpp" line="212"/>
        <source>Time (UTC)</source>
        <translation>Zeit (UTC)</translation>
    </message>
</context>
</TS>

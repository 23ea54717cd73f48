<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>QObject</name>
    <message>
        <location filename="../core/numberconfig/import_applier.cpp" line="9"/>
        <source>Imported: %1 created, %2 replaced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/numberconfig/import_applier.cpp" line="11"/>
        <source>Import failed at %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/numberconfig/import_applier.cpp" line="13"/>
        <source>, field %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/numberconfig/import_applier.cpp" line="18"/>
        <source>Nothing had been changed on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/numberconfig/import_applier.cpp" line="19"/>
        <source>Rolled back %1 change(s); the server is as it was.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/numberconfig/import_applier.cpp" line="21"/>
        <source>Roll-back incomplete, the server still differs: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flow::FlowModel</name>
    <message>
        <location filename="../core/flow/flow_model.cpp" line="108"/>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/flow/flow_model.cpp" line="110"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/flow/flow_model.cpp" line="112"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/flow/flow_model.cpp" line="114"/>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/flow/flow_model.cpp" line="116"/>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/referphone/main.cpp" line="24"/>
        <source>SIP softphone with blind transfer: Transfer Lab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/referphone/main.cpp" line="29"/>
        <source>Do not start mini-restcomm when the window opens.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>numcfg::ImportApplier</name>
    <message>
        <location filename="../core/numberconfig/import_applier.cpp" line="55"/>
        <source>the server&apos;s answer holds no sid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/numberconfig/import_applier.cpp" line="95"/>
        <source>%1 %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/numberconfig/import_applier.cpp" line="96"/>
        <source>deleting created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/numberconfig/import_applier.cpp" line="96"/>
        <source>restoring replaced</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>numcfg::ImportPreviewModel</name>
    <message>
        <location filename="../core/numberconfig/import_preview_model.cpp" line="127"/>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/numberconfig/import_preview_model.cpp" line="129"/>
        <source>not checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/numberconfig/import_preview_model.cpp" line="131"/>
        <source>new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/numberconfig/import_preview_model.cpp" line="133"/>
        <source>exists: skip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/numberconfig/import_preview_model.cpp" line="135"/>
        <source>exists: replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/numberconfig/import_preview_model.cpp" line="171"/>
        <source>Where</source>
        <translation>Ort</translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/numberconfig/import_preview_model.cpp" line="179"/>
        <source>Refer</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/numberconfig/server_numbers_model.cpp" line="65"/>
        <source>Refer URL / app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/numberconfig/server_numbers_model.cpp" line="67"/>
        <source>Refer application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/numberconfig/server_numbers_model.cpp" line="92"/>
        <source>%1 not changed: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ui::ImportNumbersDialog</name>
    <message>
        <location filename="../ui/import_numbers_dialog.cpp" line="60"/>
        <source>No file opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/import_numbers_dialog.cpp" line="64"/>
        <source>Check against server</source>
        <translation>Mit dem Server abgleichen</translation>
    </message>
    <message>
        <location filename="../ui/import_numbers_dialog.cpp" line="65"/>
        <source>Apply</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <location filename="../ui/import_numbers_dialog.cpp" line="66"/>
        <source>Export server numbers…</source>
        <translation>Servernummern exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/import_numbers_dialog.cpp" line="67"/>
        <source>Import Number Config</source>
        <translation>Nummernkonfiguration importieren</translation>
    </message>
    <message>
        <location filename="../ui/import_numbers_dialog.cpp" line="73"/>
        <source>Server URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/import_numbers_dialog.cpp" line="74"/>
        <source>AccountSid:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/import_numbers_dialog.cpp" line="75"/>
        <source>AuthToken:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/import_numbers_dialog.cpp" line="77"/>
        <source>Open file…</source>
        <translation>Datei öffnen…</translation>
    </message>
    <message>
        <location filename="../ui/import_numbers_dialog.cpp" line="92"/>
        <source>Problems found in the file and on the server show here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/import_numbers_dialog.cpp" line="107"/>
        <source>Problems:</source>
        <translation>Probleme:</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/import_numbers_dialog.cpp" line="182"/>
        <source>Ready: %n change(s) to apply. Existing numbers are skipped unless their Action box is checked (replace).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/import_numbers_dialog.cpp" line="194"/>
        <source>note: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/import_numbers_dialog.cpp" line="202"/>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/import_numbers_dialog.cpp" line="207"/>
        <source>%1 is larger than 16 MiB; not a number list</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/import_numbers_dialog.cpp" line="213"/>
        <source>%1 (%2, %n number(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/import_numbers_dialog.cpp" line="217"/>
        <source>File read. Checking against the server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/import_numbers_dialog.cpp" line="218"/>
        <source>The file has %n problem(s); nothing can be imported until they are fixed.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/import_numbers_dialog.cpp" line="230"/>
        <source>Enter the server URL, AccountSid and AuthToken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/import_numbers_dialog.cpp" line="240"/>
        <source>Server check failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/import_numbers_dialog.cpp" line="251"/>
        <source>%n problem(s) found; fix the file and open it again. Nothing was changed on the server.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/import_numbers_dialog.cpp" line="259"/>
        <source>Server read: %1 number(s), %2 application(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/import_numbers_dialog.cpp" line="279"/>
        <source>Not applied: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/import_numbers_dialog.cpp" line="284"/>
        <source>Nothing to apply: every number exists and is skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/import_numbers_dialog.cpp" line="288"/>
        <source>Applying %n change(s)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/import_numbers_dialog.cpp" line="312"/>
        <location filename="../ui/import_numbers_dialog.cpp" line="330"/>
        <source>Export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/import_numbers_dialog.cpp" line="335"/>
        <source>Exported %n number(s) to %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/import_numbers_dialog.cpp" line="343"/>
        <source>Open number config</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/import_numbers_dialog.cpp" line="344"/>
        <source>Number configs (*.json *.csv);;JSON (*.json);;CSV (*.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/import_numbers_dialog.cpp" line="352"/>
        <source>Restcomm IncomingPhoneNumbers JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/import_numbers_dialog.cpp" line="353"/>
        <source>ReferPhone export (JSON)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/import_numbers_dialog.cpp" line="354"/>
        <source>CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/import_numbers_dialog.cpp" line="364"/>
        <source>Export numbers</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ui::LabWindow</name>
    <message>
        <location filename="../ui/lab_window.cpp" line="22"/>
        <source>ReferPhone — Transfer Lab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/lab_window.cpp" line="23"/>
        <source>Lab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/lab_window.cpp" line="25"/>
        <source>Start mini-restcomm</source>
        <translation>mini-restcomm starten</translation>
    </message>
    <message>
        <location filename="../ui/lab_window.cpp" line="26"/>
        <source>Stop mini-restcomm</source>
        <translation>mini-restcomm beenden</translation>
    </message>
    <message>
        <location filename="../ui/lab_window.cpp" line="29"/>
        <source>Import Number Config…</source>
        <translation>Nummernkonfiguration importieren…</translation>
    </message>
    <message>
        <location filename="../ui/lab_window.cpp" line="30"/>
        <source>Reload numbers</source>
        <translation>Nummern neu laden</translation>
    </message>
    <message>
        <location filename="../ui/lab_window.cpp" line="38"/>
        <source>Double-click a cell to change it on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/lab_window.cpp" line="43"/>
        <source>Numbers on mini-restcomm:</source>
        <translation>Nummern auf mini-restcomm:</translation>
    </message>
    <message>
        <location filename="../ui/lab_window.cpp" line="68"/>
        <source>mini-restcomm stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/lab_window.cpp" line="90"/>
        <source>Starting mini-restcomm…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/lab_window.cpp" line="110"/>
        <source>mini-restcomm running: SIP %1, HTTP %2, AccountSid %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ui::LadderPanel</name>
    <message>
        <location filename="../ui/ladder_panel.cpp" line="25"/>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <location filename="../ui/ladder_panel.cpp" line="29"/>
        <source>Click a message in the ladder to see it in full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ladder_panel.cpp" line="32"/>
        <source>Export as PNG…</source>
        <translation>Als PNG exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/ladder_panel.cpp" line="33"/>
        <source>Export as text…</source>
        <translation>Als Text exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/ladder_panel.cpp" line="75"/>
        <source>cannot encode the ladder as PNG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ladder_panel.cpp" line="86"/>
        <source>Export ladder as PNG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ladder_panel.cpp" line="86"/>
        <source>Export ladder as text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ladder_panel.cpp" line="88"/>
        <source>PNG images (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ladder_panel.cpp" line="88"/>
        <source>Text files (*.txt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ladder_panel.cpp" line="93"/>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ui::LadderView</name>
    <message>
        <location filename="../ui/ladder_view.cpp" line="202"/>
        <source>Time (UTC)</source>
        <translation>Zeit (UTC)</translation>
    </message>
</context>
<context>
    <name>ui::MiniRestcommLauncher</name>
    <message>
        <location filename="../ui/mini_restcomm_launcher.cpp" line="59"/>
        <source>mini-restcomm could not be started (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mini_restcomm_launcher.cpp" line="73"/>
        <source>mini-restcomm crashed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mini_restcomm_launcher.cpp" line="74"/>
        <source>mini-restcomm exited with code %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mini_restcomm_launcher.cpp" line="75"/>
        <source> while running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mini_restcomm_launcher.cpp" line="75"/>
        <source> before it was ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mini_restcomm_launcher.cpp" line="116"/>
        <source>mini-restcomm not found: install ReferPhone&apos;s mini-restcomm next to referphone, or set MINI_RESTCOMM to its path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mini_restcomm_launcher.cpp" line="122"/>
        <source>no free port on 127.0.0.1 for mini-restcomm&apos;s SIP listener</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

// Number-config import: every format read, every bad input named by place and field, plans
// and exports that read back the same.
#include "numberconfig/exporter.h"
#include "numberconfig/import_parser.h"
#include "numberconfig/import_plan.h"
#include "numberconfig/import_preview_model.h"
#include "restcomm/config_document.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace numcfg;

namespace {

const QString kApp = QStringLiteral("AP0123456789abcdef0123456789abcdef");

bool hasIssue(const QList<Issue> &issues, const QString &location, const QString &field,
              const QString &fragment) {
    for (const Issue &issue : issues) {
        if (issue.location == location && issue.field == field &&
            issue.message.contains(fragment)) {
            return true;
        }
    }
    return false;
}

QString dump(const QList<Issue> &issues) {
    QStringList lines;
    for (const Issue &issue : issues) {
        lines.append(issue.text());
    }
    return lines.join(u'\n');
}

ServerSnapshot snapshotWith(const QList<QJsonObject> &numbers) {
    ServerSnapshot snapshot;
    for (const QJsonObject &number : numbers) {
        snapshot.numbers.append(
            {number.value("sid").toString(), number.value("phone_number").toString(), number});
    }
    snapshot.applications.append({kApp, "transfer app", "/visual-designer/x", "voice"});
    return snapshot;
}

QJsonObject serverNumber(const QString &sid, const QString &phone, const QString &voiceUrl) {
    return QJsonObject{{"sid", sid},
                       {"phone_number", phone},
                       {"friendly_name", "Name " + phone},
                       {"voice_url", voiceUrl},
                       {"voice_method", "GET"},
                       {"refer_url", QJsonValue()},
                       {"refer_method", "POST"},
                       {"refer_application_sid", kApp},
                       {"voice_caller_id_lookup", false},
                       {"capabilities", QJsonObject{{"voice_capable", true}}}};
}

}  // namespace

class TestNumberConfig : public QObject {
    Q_OBJECT

  private slots:
    void csvCamelCase() {
        const ImportDocument doc = parseImportFile(
            "PhoneNumber,FriendlyName,VoiceUrl,VoiceMethod,ReferUrl,VoiceCapable\r\n"
            "1001,\"Lab, number A\",http://127.0.0.1:8090/a,get,transfer,TRUE\r\n"
            "\r\n"
            "1002,,/app/b,,,\r\n");
        QVERIFY2(!doc.hasErrors(), qPrintable(dump(doc.allIssues())));
        QCOMPARE(doc.format, ImportFormat::Csv);
        QCOMPARE(doc.entries.size(), 2);
        QCOMPARE(doc.entries[0].location, QStringLiteral("line 2"));
        QCOMPARE(doc.entries[0].values.value("FriendlyName"), QStringLiteral("Lab, number A"));
        QCOMPARE(doc.entries[0].values.value("VoiceMethod"), QStringLiteral("GET"));
        QCOMPARE(doc.entries[0].values.value("VoiceCapable"), QStringLiteral("true"));
        QCOMPARE(doc.entries[1].location, QStringLiteral("line 4"));
        QVERIFY(!doc.entries[1].values.contains("FriendlyName"));  // empty cell: not set
        QCOMPARE(createForm(doc.entries[1]),
                 (FormParams{{"PhoneNumber", "1002"}, {"VoiceUrl", "/app/b"}}));
    }

    void csvSnakeCaseWithBomAndExportColumns() {
        const ImportDocument doc = parseImportFile(
            "\xEF\xBB\xBFsid,phone_number,refer_url,refer_method,date_created\n"
            "PN1,2001,http://h/r,POST,today\n");
        QVERIFY2(!doc.hasErrors(), qPrintable(dump(doc.allIssues())));
        QCOMPARE(doc.entries[0].fileSid, QStringLiteral("PN1"));
        QCOMPARE(doc.entries[0].values.value("ReferUrl"), QStringLiteral("http://h/r"));
    }

    void csvBadInputsNamed() {
        const ImportDocument doc = parseImportFile(
            "PhoneNumber,VoiceUrl,Colour,ReferMethod\n"
            "1001,http://ok/x,red,POST\n"
            "1002,ftp://bad/x,red,PUT\n"
            "1001,,red,\n"
            ",/x,red,GET\n"
            "1005,/x\n");
        const QList<Issue> issues = doc.allIssues();
        QVERIFY(doc.hasErrors());
        QVERIFY2(hasIssue(issues, "header line 1, column 3", "Colour", "unknown column"),
                 qPrintable(dump(issues)));
        QVERIFY2(hasIssue(issues, "line 3", "VoiceUrl", "not an http(s) URL"),
                 qPrintable(dump(issues)));
        QVERIFY(hasIssue(issues, "line 3", "ReferMethod", "must be GET or POST"));
        QVERIFY(
            hasIssue(issues, "line 4", "PhoneNumber", "duplicate number 1001 (first at line 2)"));
        QVERIFY(hasIssue(issues, "line 5", "PhoneNumber", "required"));
        // Said once, not once for the empty cell and again for the missing number.
        QCOMPARE(std::count_if(issues.begin(), issues.end(),
                               [](const Issue &issue) {
                                   return issue.location == "line 5" &&
                                          issue.field == "PhoneNumber";
                               }),
                 1);
        QVERIFY(hasIssue(issues, "line 6", "", "2 cells, the header has 4"));
        QVERIFY(doc.entries[0].issues.isEmpty());  // the good row has none of its own
    }

    void csvSyntaxErrors() {
        QVERIFY(hasIssue(parseImportFile("PhoneNumber\n1\n\"open\n\n").fileIssues, "", "",
                         "line 3: quoted cell never closed"));
        QVERIFY(hasIssue(parseImportFile("PhoneNumber,FriendlyName\n1,a\"b\n").fileIssues, "", "",
                         "line 2: a quote inside an unquoted cell"));
        QVERIFY(hasIssue(parseImportFile("FriendlyName\nx\n").fileIssues, "header line 1",
                         "PhoneNumber", "required column missing"));
        QVERIFY(hasIssue(parseImportFile("").fileIssues, "", "", "empty file"));
        // Found by fuzz_numberconfig_parse: without the column, each row is marked too.
        const ImportDocument noPhone = parseImportFile("sid,phofe_number\nPN1,2002\n");
        QVERIFY(hasIssue(noPhone.fileIssues, "header line 1, column 2", "phofe_number",
                         "unknown column"));
        QVERIFY(hasIssue(noPhone.entries[0].issues, "line 2", "PhoneNumber",
                         "required (no PhoneNumber column)"));
    }

    void restcommPageAndShapes() {
        QJsonObject page{{"page", 0},
                         {"num_pages", 1},
                         {"incomingPhoneNumbers",
                          QJsonArray{serverNumber("PN1", "1001", "http://127.0.0.1:8090/1001")}}};
        ImportDocument doc = parseImportFile(QJsonDocument(page).toJson());
        QVERIFY2(!doc.hasErrors(), qPrintable(dump(doc.allIssues())));
        QCOMPARE(doc.format, ImportFormat::RestcommJson);
        QCOMPARE(doc.entries[0].location, QStringLiteral("incomingPhoneNumbers[0]"));
        QCOMPARE(doc.entries[0].values.value("ReferApplicationSid"), kApp);
        QCOMPARE(doc.entries[0].values.value("VoiceCapable"), QStringLiteral("true"));
        QVERIFY(!doc.entries[0].values.contains("ReferUrl"));  // null: not set

        page.remove("incomingPhoneNumbers");
        page.insert("incoming_phone_numbers", QJsonArray{serverNumber("PN1", "1001", "/a")});
        QVERIFY(!parseImportFile(QJsonDocument(page).toJson()).hasErrors());

        doc = parseImportFile("[{\"phone_number\":\"1\"},{\"phone_number\":\"2\"}]");
        QVERIFY(!doc.hasErrors());
        QCOMPARE(doc.entries[1].location, QStringLiteral("array element 1"));

        doc = parseImportFile("{\"phone_number\":\"7\",\"refer_url\":\"transfer\"}");
        QVERIFY(!doc.hasErrors());
        QCOMPARE(doc.entries.size(), 1);
    }

    void jsonBadInputsNamed() {
        ImportDocument doc = parseImportFile(
            "{\"incomingPhoneNumbers\": [\n"
            " {\"phone_number\": \"1\", \"voice_url\": \"not a url\", \"colour\": \"red\"},\n"
            " {\"phone_number\": 2},\n"
            " {\"phone_number\": \"3\", \"voice_caller_id_lookup\": \"maybe\","
            "  \"capabilities\": {\"teleport_capable\": true}},\n"
            " {\"friendly_name\": \"no number\"},\n"
            " {\"phone_number\": \"5\", \"voice_application_sid\": \"AP12\"}]}");
        const QList<Issue> issues = doc.allIssues();
        QVERIFY2(hasIssue(issues, "incomingPhoneNumbers[0]", "voice_url", "not an http(s) URL"),
                 qPrintable(dump(issues)));
        QVERIFY(hasIssue(issues, "incomingPhoneNumbers[0]", "colour", "unknown field"));
        QVERIFY(hasIssue(issues, "incomingPhoneNumbers[1]", "phone_number", "expected a string"));
        QVERIFY(hasIssue(issues, "incomingPhoneNumbers[2]", "voice_caller_id_lookup",
                         "must be true or false"));
        QVERIFY(hasIssue(issues, "incomingPhoneNumbers[2]", "capabilities.teleport_capable",
                         "unknown field"));
        QVERIFY(hasIssue(issues, "incomingPhoneNumbers[3]", "phone_number", "required"));
        QVERIFY(hasIssue(issues, "incomingPhoneNumbers[4]", "voice_application_sid",
                         "not an application sid"));

        doc = parseImportFile("{\n  \"incomingPhoneNumbers\": [\n    {\"phone_number\": }\n]}");
        QVERIFY2(hasIssue(doc.fileIssues, "line 3, column 23", "", "not valid JSON"),
                 qPrintable(dump(doc.fileIssues)));
        QVERIFY(hasIssue(parseImportFile("{\"numbers\": []}").fileIssues, "top level", "",
                         "not a Restcomm IncomingPhoneNumbers list"));
        QVERIFY(hasIssue(parseImportFile("{\"referphone_config\": 2}").fileIssues,
                         "referphone_config", "", "unsupported version 2"));
    }

    void ownExport() {
        const ImportDocument doc = parseImportFile(
            "{\"referphone_config\": 1, \"clients\": [{\"login\": \"a\", \"password\": \"b\"}],"
            " \"incoming_phone_numbers\": [{\"phone_number\": \"1001\", \"voice_url\": "
            "\"call-bob\", \"refer_url\": \"transfer\"}]}");
        QVERIFY2(!doc.hasErrors(), qPrintable(dump(doc.allIssues())));
        QCOMPARE(doc.format, ImportFormat::OwnExport);
        QCOMPARE(doc.entries[0].location, QStringLiteral("incoming_phone_numbers[0]"));
        QCOMPARE(doc.notes.size(), 1);
        QVERIFY(doc.notes[0].startsWith("clients: 1 entries not imported"));
    }

    void labConfigIsImportable() {
        QFile lab(QStringLiteral(REFERPHONE_SOURCE_DIR "/resources/lab/lab-config.json"));
        QVERIFY(lab.open(QIODevice::ReadOnly));
        const ImportDocument doc = parseImportFile(lab.readAll());
        QVERIFY2(!doc.hasErrors(), qPrintable(dump(doc.allIssues())));
        QCOMPARE(doc.entries.size(), 2);
    }

    void serverChecksAndPlan() {
        const ServerSnapshot server =
            snapshotWith({serverNumber("PN00000000000000000000000000000001", "1001", "/old")});
        const ImportDocument doc = parseImportFile(
            "PhoneNumber,VoiceUrl,ReferApplicationSid\n"
            "1001,/new," +
            kApp.toUtf8() +
            "\n"
            "1002,/b,\n"
            "1003,/c,AP99999999999999999999999999999999\n");
        auto plan = buildPlan(doc, server, {});
        QVERIFY(std::holds_alternative<QList<Issue>>(plan));
        const QList<Issue> issues = std::get<QList<Issue>>(plan);
        QCOMPARE(issues.size(), 1);
        QVERIFY(hasIssue(issues, "line 4", "ReferApplicationSid",
                         "no application AP99999999999999999999999999999999 on the server"));

        const ImportDocument good = parseImportFile("PhoneNumber,VoiceUrl\n1001,/new\n1002,/b\n");
        auto skipping = buildPlan(good, server, {});
        QVERIFY(std::holds_alternative<QList<ApplyStep>>(skipping));
        QCOMPARE(std::get<QList<ApplyStep>>(skipping).size(), 1);  // 1001 skipped
        auto replacing = buildPlan(good, server, {0});
        const QList<ApplyStep> steps = std::get<QList<ApplyStep>>(replacing);
        QCOMPARE(steps.size(), 2);
        QCOMPARE(steps[0].kind, ApplyStep::Kind::Replace);
        QCOMPARE(steps[0].sid, QStringLiteral("PN00000000000000000000000000000001"));
        // Replace clears what the file does not set; the undo puts the old values back.
        QVERIFY(
            steps[0].form.contains(qMakePair(QStringLiteral("ReferApplicationSid"), QString())));
        QVERIFY(steps[0].form.contains(
            qMakePair(QStringLiteral("VoiceCapable"), QStringLiteral("false"))));
        QVERIFY(
            steps[0].restoreForm.contains(qMakePair(QStringLiteral("ReferApplicationSid"), kApp)));
        QVERIFY(steps[0].restoreForm.contains(
            qMakePair(QStringLiteral("VoiceUrl"), QStringLiteral("/old"))));
        QVERIFY(steps[0].restoreForm.contains(
            qMakePair(QStringLiteral("VoiceCapable"), QStringLiteral("true"))));
        QCOMPARE(steps[1].kind, ApplyStep::Kind::Create);
    }

    void previewModel() {
        ImportPreviewModel model;
        model.setDocument(
            parseImportFile("PhoneNumber,VoiceUrl\n1001,/new\n1002,/b\n1003,bad url\n"));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.rowAction(0), ImportPreviewModel::RowAction::Unchecked);
        QCOMPARE(model.rowAction(2), ImportPreviewModel::RowAction::Invalid);
        QVERIFY(std::holds_alternative<QList<Issue>>(model.plan()));
        model.setServer(snapshotWith({serverNumber("PN1", "1001", "/old")}));
        QCOMPARE(model.rowAction(0), ImportPreviewModel::RowAction::Skip);
        QCOMPARE(model.rowAction(1), ImportPreviewModel::RowAction::Create);
        const QModelIndex action = model.index(0, ImportPreviewModel::Action);
        QVERIFY(model.flags(action) & Qt::ItemIsUserCheckable);
        QVERIFY(
            !(model.flags(model.index(1, ImportPreviewModel::Action)) & Qt::ItemIsUserCheckable));
        QVERIFY(model.setData(action, Qt::Checked, Qt::CheckStateRole));
        QCOMPARE(model.rowAction(0), ImportPreviewModel::RowAction::Replace);
        QCOMPARE(model.data(action).toString(), QStringLiteral("exists: replace"));
        QVERIFY(model.data(model.index(2, ImportPreviewModel::Problems))
                    .toString()
                    .contains("VoiceUrl"));
    }

    void exportsReadBack() {
        ServerSnapshot server = snapshotWith(
            {serverNumber("PN00000000000000000000000000000001", "1001", "http://x/a?b=1,2"),
             serverNumber("PN00000000000000000000000000000002", "1002", "/b")});
        const QList<QByteArray> files = {exportRestcommPage(server, "AC1"), exportOwn(server),
                                         exportCsv(server)};
        const QList<ImportFormat> formats = {ImportFormat::RestcommJson, ImportFormat::OwnExport,
                                             ImportFormat::Csv};
        for (int f = 0; f < files.size(); ++f) {
            const ImportDocument doc = parseImportFile(files[f]);
            QVERIFY2(!doc.hasErrors(), qPrintable(dump(doc.allIssues()) + "\n" + files[f]));
            QCOMPARE(doc.format, formats[f]);
            QCOMPARE(doc.entries.size(), 2);
            for (int i = 0; i < 2; ++i) {
                QCOMPARE(doc.entries[i].fileSid, server.numbers[i].sid);
                QMap<QString, QString> expected = valuesFromServerJson(server.numbers[i].json);
                for (auto it = expected.begin(); it != expected.end(); ++it) {
                    // Unset and default-false values may be omitted by a format.
                    const QString got = doc.entries[i].values.value(it.key());
                    if (it.value().isEmpty() || it.value() == u"false") {
                        QVERIFY(got.isEmpty() || got == it.value());
                    } else {
                        QCOMPARE(got, it.value());
                    }
                }
            }
        }
        // The own export is also a valid mini-restcomm --config document.
        const auto config = mrc::parseConfig(files[1]);
        QVERIFY2(std::holds_alternative<mrc::ConfigDocument>(config),
                 qPrintable(std::get_if<QString>(&config) ? *std::get_if<QString>(&config) : ""));
        QCOMPARE(std::get<mrc::ConfigDocument>(config).numbers.size(), 2);
        QCOMPARE(std::get<mrc::ConfigDocument>(config).applications.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestNumberConfig)
#include "tst_numberconfig.moc"

// Import Number Config dialog against a real mini-restcomm: every format imports, every bad
// file is refused with its place and field and changes nothing, existing numbers are skipped
// or replaced per row, a refusal half way rolls everything back, exports read back.
#include "mini_restcomm_process.h"
#include "numberconfig/import_parser.h"
#include "numberconfig/import_preview_model.h"
#include "screenshot.h"
#include "ui/import_numbers_dialog.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using numcfg::ImportPreviewModel;
using rptest::kAccountSid;
using rptest::kAuthToken;

namespace {

const QString kApp = QStringLiteral("AP0123456789abcdef0123456789abcdef");
const QString kNumber1001Sid = QStringLiteral("PN00000000000000000000000000001001");

// Built as JSON values: a raw string literal holding "//" before a Q_OBJECT class trips
// Qt 6.4's moc.
QByteArray fixtureConfig() {
    const QJsonObject application{{"sid", kApp},
                                  {"friendly_name", "transfer app"},
                                  {"rcml_url", "/visual-designer/services/apps/x/controller"}};
    const QJsonObject number{{"sid", kNumber1001Sid},
                             {"phone_number", "1001"},
                             {"friendly_name", "Number A"},
                             {"voice_url",
                              "http:"
                              "//127.0.0.1:9/old"},
                             {"voice_method", "GET"},
                             {"refer_application_sid", kApp},
                             {"capabilities", QJsonObject{{"voice_capable", true}}}};
    return QJsonDocument(QJsonObject{{"referphone_config", 1},
                                     {"applications", QJsonArray{application}},
                                     {"incoming_phone_numbers", QJsonArray{number}}})
        .toJson();
}

}  // namespace

class TestImportNumbers : public QObject {
    Q_OBJECT

    rptest::MiniRestcomm server_;
    QTemporaryDir files_;

    // The server's numbers, by phone number; `volatileDates` drops date_updated (a restore
    // through the API necessarily touches it).
    QMap<QString, QJsonObject> numbersOnServer(bool volatileDates = false) {
        const rptest::HttpReply reply =
            server_.rest("GET", "IncomingPhoneNumbers.json?PageSize=1000");
        [&] { QCOMPARE(reply.status, 200); }();
        QMap<QString, QJsonObject> numbers;
        for (const QJsonValue &item :
             reply.json().object().value("incomingPhoneNumbers").toArray()) {
            QJsonObject number = item.toObject();
            if (volatileDates) {
                number.remove("date_updated");
            }
            numbers.insert(number.value("phone_number").toString(), number);
        }
        return numbers;
    }

    QString writeFile(const QString &name, const QByteArray &content) {
        const QString path = files_.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size()) {
            return {};
        }
        return path;
    }

    void setUpDialog(ui::ImportNumbersDialog &dialog) {
        dialog.setServerSettings({QUrl(server_.httpUrl({})), kAccountSid, kAuthToken});
    }

    // Opens `path` in the dialog and waits for the server check.
    bool load(ui::ImportNumbersDialog &dialog, const QString &path) {
        QSignalSpy checked(&dialog, &ui::ImportNumbersDialog::serverChecked);
        if (!dialog.loadFile(path)) {
            return false;
        }
        return (checked.count() > 0 || checked.wait(5000)) && checked.last().at(0).toBool();
    }

    numcfg::ApplyResult apply(ui::ImportNumbersDialog &dialog) {
        QSignalSpy finished(&dialog, &ui::ImportNumbersDialog::applyFinished);
        QTest::mouseClick(dialog.applyButton(), Qt::LeftButton);
        if (!finished.wait(10000)) {
            return {};
        }
        return finished.last().at(0).value<numcfg::ApplyResult>();
    }

  private slots:
    void initTestCase() {
        qRegisterMetaType<numcfg::ApplyResult>();
        QVERIFY(files_.isValid());
        rptest::MiniRestcommOptions options;
        options.configJson = fixtureConfig();
        QVERIFY2(server_.start(options), qPrintable(server_.lastError()));
        QCOMPARE(numbersOnServer().size(), 1);
    }

    void importsEachGoodFormat_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("phone");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::newRow("csv CamelCase")
            << QByteArray(
                   "PhoneNumber,FriendlyName,VoiceUrl,ReferUrl,ReferMethod\r\n"
                   "2001,\"Two, one\",http://127.0.0.1:9/a,transfer,get\r\n")
            << "2001"
            << "refer_method"
            << "GET";
        QTest::newRow("csv snake_case")
            << ("phone_number,voice_url,refer_application_sid\n2002,/b," + kApp.toUtf8() + "\n")
            << "2002"
            << "refer_application_sid" << kApp;
        QTest::newRow("restcomm page")
            << QByteArray(
                   "{\"page\": 0, \"num_pages\": 1, \"page_size\": 50, \"total\": 1,"
                   " \"incomingPhoneNumbers\": [{\"sid\": \"PH1\", \"phone_number\": "
                   "\"2003\", \"voice_url\": \"http:"
                   "//127.0.0.1:9/c\", \"refer_url\": null,"
                   " \"capabilities\": {\"voice_capable\": false}}]}")
            << "2003"
            << "voice_url"
            << "http://127.0.0.1:9/c";
        QTest::newRow("bare list") << QByteArray(R"([{"phone_number": "2004",
                                       "friendly_name": "Four"}])")
                                   << "2004"
                                   << "friendly_name"
                                   << "Four";
        QTest::newRow("one number")
            << QStringLiteral(R"({"phone_number": "2005", "voice_application_sid": "%1"})")
                   .arg(kApp)
                   .toUtf8()
            << "2005"
            << "voice_application_sid" << kApp;
        QTest::newRow("own export")
            << QByteArray(R"({"referphone_config": 1, "incoming_phone_numbers": [
                             {"phone_number": "2006", "refer_url": "transfer"}]})")
            << "2006"
            << "refer_url"
            << "transfer";
    }

    void importsEachGoodFormat() {
        QFETCH(QByteArray, content);
        QFETCH(QString, phone);
        QFETCH(QString, key);
        QFETCH(QString, value);
        ui::ImportNumbersDialog dialog;
        setUpDialog(dialog);
        dialog.show();
        QVERIFY(load(dialog, writeFile("good-" + phone, content)));
        QVERIFY2(dialog.issuesText().isEmpty(), qPrintable(dialog.issuesText()));
        QCOMPARE(dialog.previewModel()->rowCount(), 1);
        QCOMPARE(dialog.previewModel()->rowAction(0), ImportPreviewModel::RowAction::Create);
        QVERIFY(dialog.applyButton()->isEnabled());
        const numcfg::ApplyResult result = apply(dialog);
        QVERIFY2(result.applied, qPrintable(result.summary()));
        QCOMPARE(result.created, 1);
        const auto numbers = numbersOnServer();
        QVERIFY(numbers.contains(phone));
        QCOMPARE(numbers.value(phone).value(key).toString(), value);
        QVERIFY(dialog.statusText().startsWith("Imported: 1 created, 0 replaced."));
    }

    void refusesBadFilesAndChangesNothing_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown column") << QByteArray("PhoneNumber,Colour\n2101,red\n")
                                        << "header line 1, column 2, Colour: unknown column";
        QTest::newRow("bad url")
            << QByteArray("PhoneNumber,VoiceUrl\n2101,http://127.0.0.1:9/ok\n2102,ftp://x/y\n")
            << "line 3, VoiceUrl: not an http(s) URL, a path starting with / or an RVD app name: "
               "ftp://x/y";
        QTest::newRow("duplicate number")
            << QByteArray("phone_number\n2101\n2101\n")
            << "line 3, phone_number: duplicate number 2101 (first at line 2)";
        QTest::newRow("unknown refer application")
            << QByteArray(R"({"incomingPhoneNumbers": [{"phone_number": "2101"},
                   {"phone_number": "2102",
                    "refer_application_sid": "AP99999999999999999999999999999999"}]})")
            << "incomingPhoneNumbers[1], refer_application_sid: no application "
               "AP99999999999999999999999999999999 on the server";
        QTest::newRow("bad method")
            << QByteArray(R"([{"phone_number": "2101", "voice_method": "PUT"}])")
            << "array element 0, voice_method: must be GET or POST, not PUT";
        QTest::newRow("json syntax")
            << QByteArray("[{\"phone_number\": \"2101\"},\n {\"phone_number\" \"2102\"}]")
            << "line 2, column 19: not valid JSON";
        QTest::newRow("short csv row") << QByteArray("PhoneNumber,VoiceUrl\n2101,/a\n2102\n")
                                       << "line 3: 1 cells, the header has 2";
        QTest::newRow("missing number")
            << QByteArray(R"({"referphone_config": 1, "incoming_phone_numbers": [
                   {"voice_url": "/a"}]})")
            << "incoming_phone_numbers[0], phone_number: required";
    }

    void refusesBadFilesAndChangesNothing() {
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        const auto before = numbersOnServer();
        ui::ImportNumbersDialog dialog;
        setUpDialog(dialog);
        dialog.show();
        QVERIFY(load(dialog, writeFile(QString("bad-%1").arg(QTest::currentDataTag()), content)));
        QVERIFY2(dialog.issuesText().contains(expected), qPrintable(dialog.issuesText()));
        QVERIFY(!dialog.applyButton()->isEnabled());
        dialog.applyImport();  // even when forced, nothing is sent
        QVERIFY2(dialog.statusText().startsWith("Not applied: "), qPrintable(dialog.statusText()));
        QVERIFY(dialog.statusText().contains(expected));
        QTest::qWait(100);
        QCOMPARE(numbersOnServer(), before);
        if (QByteArray(QTest::currentDataTag()) == "bad url") {
            // The bad row's problem is read whole in the table (wrapped, not cut off), even in
            // a narrow dialog.
            dialog.resize(480, dialog.height());
            QTableView *table = dialog.table();
            const QModelIndex problem =
                table->model()->index(1, numcfg::ImportPreviewModel::Problems);
            const QString text = problem.data().toString();
            QVERIFY(text.contains("ftp://x/y"));
            const auto shownWhole = [&] {
                const QRect cell = table->visualRect(problem);
                const QRect needed = table->fontMetrics().boundingRect(
                    QRect(0, 0, cell.width() - 8, 10000), Qt::TextWordWrap, text);
                return cell.right() <= table->viewport()->width() &&
                       needed.height() <= cell.height();
            };
            QTRY_VERIFY2(shownWhole(), qPrintable(QString("cell %1x%2, viewport %3")
                                                      .arg(table->visualRect(problem).width())
                                                      .arg(table->visualRect(problem).height())
                                                      .arg(table->viewport()->width())));
            rptest::saveScreenshot(dialog, "import-dialog-bad-file");
        }
    }

    void refusesWhenTheServerCannotBeRead() {
        ui::ImportNumbersDialog dialog;
        dialog.setServerSettings({QUrl(server_.httpUrl({})), kAccountSid, "wrong-token"});
        QSignalSpy checked(&dialog, &ui::ImportNumbersDialog::serverChecked);
        QVERIFY(dialog.loadFile(writeFile("ok.csv", "PhoneNumber\n2199\n")));
        QVERIFY(checked.wait(5000));
        QCOMPARE(checked.last().at(0).toBool(), false);
        QVERIFY2(dialog.statusText().contains("HTTP 401"), qPrintable(dialog.statusText()));
        QVERIFY(!dialog.applyButton()->isEnabled());
        QVERIFY(!numbersOnServer().contains("2199"));
    }

    void skipsOrReplacesExistingNumbers() {
        const QJsonObject original = numbersOnServer().value("1001");
        const QString path = writeFile(
            "replace.csv", "PhoneNumber,VoiceUrl,FriendlyName\n1001,/new,Replaced\n2201,/x,\n");
        {
            ui::ImportNumbersDialog dialog;
            setUpDialog(dialog);
            QVERIFY(load(dialog, path));
            QCOMPARE(dialog.previewModel()->rowAction(0), ImportPreviewModel::RowAction::Skip);
            QCOMPARE(dialog.previewModel()->rowAction(1), ImportPreviewModel::RowAction::Create);
            const numcfg::ApplyResult result = apply(dialog);
            QVERIFY2(result.applied, qPrintable(result.summary()));
            QCOMPARE(result.created, 1);
            QCOMPARE(numbersOnServer().value("1001"), original);  // skipped: untouched
        }
        ui::ImportNumbersDialog dialog;
        setUpDialog(dialog);
        dialog.resize(1000, 520);
        dialog.show();
        QVERIFY(load(dialog, path));
        QCOMPARE(dialog.previewModel()->rowAction(1), ImportPreviewModel::RowAction::Skip);
        // The user ticks "replace" on row 1 (through the view's model, as the check box does).
        QAbstractItemModel *shown = dialog.table()->model();
        QVERIFY(shown->setData(shown->index(0, ImportPreviewModel::Action), Qt::Checked,
                               Qt::CheckStateRole));
        QCOMPARE(dialog.previewModel()->rowAction(0), ImportPreviewModel::RowAction::Replace);
        rptest::saveScreenshot(dialog, "import-dialog-preview");
        const numcfg::ApplyResult result = apply(dialog);
        QVERIFY2(result.applied, qPrintable(result.summary()));
        QCOMPARE(result.replaced, 1);
        QCOMPARE(result.created, 0);
        const QJsonObject replaced = numbersOnServer().value("1001");
        QCOMPARE(replaced.value("sid").toString(), kNumber1001Sid);
        QCOMPARE(replaced.value("voice_url").toString(), QStringLiteral("/new"));
        QCOMPARE(replaced.value("friendly_name").toString(), QStringLiteral("Replaced"));
        QCOMPARE(replaced.value("voice_method").toString(), QStringLiteral("POST"));
        QVERIFY(replaced.value("refer_application_sid").isNull());  // not in the file: cleared

        // Put 1001 back for the other tests (restore through a replace of the exported row).
        ui::ImportNumbersDialog restore;
        setUpDialog(restore);
        QVERIFY(
            load(restore, writeFile("restore.json", QJsonDocument(QJsonArray{original}).toJson())));
        restore.previewModel()->setReplace(0, true);
        QVERIFY(apply(restore).applied);
        QJsonObject restored = numbersOnServer().value("1001");
        QJsonObject expected = original;
        restored.remove("date_updated");
        expected.remove("date_updated");
        QCOMPARE(restored, expected);
    }

    void rollsBackWhenTheServerRefusesARow() {
        ui::ImportNumbersDialog dialog;
        setUpDialog(dialog);
        dialog.resize(1000, 520);
        dialog.show();
        QVERIFY(load(
            dialog,
            writeFile("rollback.csv", "PhoneNumber,VoiceUrl\n1001,/replaced\n2301,/a\n2302,/b\n")));
        dialog.previewModel()->setReplace(0, true);
        QVERIFY(dialog.applyButton()->isEnabled());
        // Someone else creates 2302 after the preview was made: the server will refuse row 3.
        QCOMPARE(
            server_.rest("POST", "IncomingPhoneNumbers.json", {{"PhoneNumber", "2302"}}).status,
            201);
        const auto before = numbersOnServer(true);

        const numcfg::ApplyResult result = apply(dialog);
        QVERIFY(!result.applied);
        QCOMPARE(result.failedRow, 2);
        QCOMPARE(result.failedLocation, QStringLiteral("line 4"));
        QCOMPARE(result.failedField, QStringLiteral("PhoneNumber"));
        QCOMPARE(result.undone, 2);
        QVERIFY(result.rollbackFailures.isEmpty());
        QVERIFY2(dialog.statusText().startsWith(
                     "Import failed at line 4 (2302), field PhoneNumber: HTTP 400"),
                 qPrintable(dialog.statusText()));
        QVERIFY(dialog.statusText().endsWith("Rolled back 2 change(s); the server is as it was."));
        QCOMPARE(dialog.table()->currentIndex().row(), 2);
        rptest::saveScreenshot(dialog, "import-dialog-rolled-back");

        const auto after = numbersOnServer(true);
        QCOMPARE(after.keys(), before.keys());
        QCOMPARE(after, before);  // 1001 restored field by field, 2301 gone
        QCOMPARE(after.value("1001").value("refer_application_sid").toString(), kApp);
    }

    void closingWaitsForARunningImport() {
        ui::ImportNumbersDialog dialog;
        setUpDialog(dialog);
        dialog.show();
        QVERIFY(load(dialog, writeFile("close.csv", "PhoneNumber\n2401\n2402\n")));
        QSignalSpy finished(&dialog, &ui::ImportNumbersDialog::applyFinished);
        QTest::mouseClick(dialog.applyButton(), Qt::LeftButton);
        QVERIFY(dialog.isBusy());
        dialog.reject();  // what Escape, Close and the window's close button do
        QVERIFY(dialog.isVisible());
        QVERIFY2(dialog.statusText().startsWith("Please wait: the import is running"),
                 qPrintable(dialog.statusText()));
        QVERIFY(finished.wait(10000));
        QVERIFY(finished.last().at(0).value<numcfg::ApplyResult>().applied);
        QVERIFY(numbersOnServer().contains("2402"));
        dialog.reject();
        QVERIFY(!dialog.isVisible());
    }

    void exportsReadBack_data() {
        QTest::addColumn<int>("format");
        QTest::addColumn<QString>("start");
        QTest::newRow("restcomm") << int(ui::ImportNumbersDialog::ExportFormat::RestcommJson)
                                  << "{\"page\":0,";
        QTest::newRow("own") << int(ui::ImportNumbersDialog::ExportFormat::OwnExport)
                             << "{\"referphone_config\":1,";
        QTest::newRow("csv") << int(ui::ImportNumbersDialog::ExportFormat::Csv)
                             << "Sid,PhoneNumber,FriendlyName,";
    }

    void exportsReadBack() {
        QFETCH(int, format);
        QFETCH(QString, start);
        ui::ImportNumbersDialog dialog;
        setUpDialog(dialog);
        QSignalSpy done(&dialog, &ui::ImportNumbersDialog::exportFinished);
        const QString path = files_.filePath(QString("export-%1").arg(format));
        dialog.exportServerNumbers(path, ui::ImportNumbersDialog::ExportFormat(format));
        QVERIFY(done.wait(5000));
        QVERIFY2(done.last().at(0).toBool(), qPrintable(done.last().at(1).toString()));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.startsWith(start.toUtf8()));
        const numcfg::ImportDocument document = numcfg::parseImportFile(bytes);
        QVERIFY(!document.hasErrors());
        const auto server = numbersOnServer();
        QCOMPARE(document.entries.size(), server.size());
        for (const numcfg::NumberEntry &entry : document.entries) {
            const QJsonObject number = server.value(entry.phoneNumber());
            QCOMPARE(entry.fileSid, number.value("sid").toString());
            QCOMPARE(entry.values.value("VoiceUrl"), number.value("voice_url").toString());
            QCOMPARE(entry.values.value("ReferApplicationSid"),
                     number.value("refer_application_sid").toString());
        }
    }

    void cleanupTestCase() { QVERIFY(server_.stop()); }
};

QTEST_MAIN(TestImportNumbers)
#include "tst_import_numbers.moc"

// The built-in Lab configuration (resources/lab/lab-config.json): the shape the config parser
// expects, the three clients, the two numbers, and every RVD project they name is present,
// valid, and storable.
#include "restcomm/rvd_project.h"
#include "restcomm/rvd_store.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

using namespace mrc;

class TestRvdLab : public QObject {
    Q_OBJECT

  private slots:
    void initTestCase() {
        QFile file(QStringLiteral(REFERPHONE_SOURCE_DIR "/resources/lab/lab-config.json"));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.errorString()));
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QVERIFY(document.isObject());
        config_ = document.object();
    }

    void formatVersion() { QCOMPARE(config_.value("referphone_config").toInt(), 1); }

    void threeClientsWithPasswords() {
        const QJsonArray clients = config_.value("clients").toArray();
        QStringList logins;
        for (const QJsonValue &client : clients) {
            const QJsonObject object = client.toObject();
            logins.append(object.value("login").toString());
            QVERIFY(!object.value("password").toString().isEmpty());
            QVERIFY(!object.value("friendly_name").toString().isEmpty());
        }
        QCOMPARE(logins, (QStringList{"alice", "bob", "carol"}));
    }

    void twoNumbersPointingAtRvdProjects() {
        QSet<QString> projects;
        for (const QJsonValue &entry : config_.value("rvd_projects").toArray()) {
            projects.insert(entry.toObject().value("name").toString());
        }
        const QJsonArray numbers = config_.value("incoming_phone_numbers").toArray();
        QCOMPARE(numbers.size(), 2);
        const QJsonObject a = numbers.at(0).toObject();
        const QJsonObject b = numbers.at(1).toObject();
        QCOMPARE(a.value("phone_number").toString(), QStringLiteral("1001"));
        QCOMPARE(a.value("friendly_name").toString(), QStringLiteral("Number A: calls Bob"));
        QCOMPARE(a.value("voice_url").toString(), QStringLiteral("call-bob"));
        QCOMPARE(a.value("refer_url").toString(), QStringLiteral("transfer"));
        QCOMPARE(b.value("phone_number").toString(), QStringLiteral("1002"));
        QCOMPARE(b.value("friendly_name").toString(), QStringLiteral("Number B: transfer app"));
        QCOMPARE(b.value("voice_url").toString(), QStringLiteral("transfer"));

        const QRegularExpression appName(QStringLiteral("^[A-Za-z0-9_-]+$"));
        for (const QJsonValue &number : numbers) {
            for (const char *field : {"voice_url", "refer_url"}) {
                const QString value = number.toObject().value(field).toString();
                if (appName.match(value).hasMatch()) {
                    QVERIFY2(
                        projects.contains(value),
                        qPrintable(
                            QStringLiteral("%1 names missing RVD project '%2'").arg(field, value)));
                }
            }
            for (const char *field : {"voice_method", "refer_method"}) {
                QCOMPARE(number.toObject().value(field).toString(), QStringLiteral("POST"));
            }
        }
    }

    void everyRvdProjectIsValidAndStorable() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        RvdStore store(dir.path());
        const QJsonArray projects = config_.value("rvd_projects").toArray();
        QCOMPARE(projects.size(), 2);
        for (const QJsonValue &entry : projects) {
            const QString name = entry.toObject().value("name").toString();
            const auto parsed = rvd::Project::fromState(entry.toObject().value("state").toObject());
            QVERIFY2(std::holds_alternative<rvd::Project>(parsed),
                     qPrintable(name + ": " +
                                (std::holds_alternative<rvd::ParseErrors>(parsed)
                                     ? std::get<rvd::ParseErrors>(parsed).joined()
                                     : QString())));
            QVERIFY(std::get<rvd::Project>(parsed).warnings().isEmpty());
            const auto error = store.put(name, entry.toObject().value("state").toObject());
            QVERIFY2(!error, qPrintable(error ? error->message : QString()));
        }
        QCOMPARE(store.list(), (QStringList{"call-bob", "transfer"}));
    }

  private:
    QJsonObject config_;
};

QTEST_GUILESS_MAIN(TestRvdLab)
#include "tst_rvd_lab.moc"

// What the phone keeps on disk and the small pure helpers: history, contacts and settings
// files (atomic, tolerant of old, partial and damaged files), the labelled password file,
// the generated ringtone and the tel: target rule.
#include "ui/phone/call_history_model.h"
#include "ui/phone/contacts_model.h"
#include "ui/phone/password_store.h"
#include "ui/phone/phone_config.h"
#include "ui/phone/ring_tone.h"
#include "ui/phone/target_rules.h"

#include <QCoreApplication>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtEndian>
#include <QtTest>

namespace {

void writeFile(const QString &path, const QByteArray &bytes) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

}  // namespace

class PhoneStorageTest : public QObject {
    Q_OBJECT
  private slots:
    void historyRoundTrip() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.json"));
        phone::HistoryEntry entry;
        entry.started = QDateTime(QDate(2026, 11, 26), QTime(14, 0), Qt::UTC);
        entry.incoming = true;
        entry.peerUri = QStringLiteral("sip:alice@127.0.0.1:5080");
        entry.peerName = QStringLiteral("Alice");
        entry.accountAor = QStringLiteral("sip:bob@127.0.0.1:5080");
        entry.durationMs = 65000;
        entry.outcome = QStringLiteral("transferred to carol");
        {
            phone::CallHistoryModel history(path);
            QVERIFY(history.load().isEmpty());  // no file yet: empty, no warning
            QVERIFY(history.add(entry).isEmpty());
        }
        phone::CallHistoryModel reloaded(path);
        QVERIFY(reloaded.load().isEmpty());
        QCOMPARE(reloaded.entries().value(0), entry);
        QCOMPARE(reloaded.index(0, phone::CallHistoryModel::Duration).data().toString(),
                 QStringLiteral("1:05"));
        QCOMPARE(reloaded.index(0, phone::CallHistoryModel::Peer).data().toString(),
                 QStringLiteral("Alice (alice)"));
    }

    void historyToleratesOldPartialAndDamagedFiles() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.json"));
        // A bare array (an older/hand-made file), one entry without a peer, one with only a peer.
        writeFile(path, R"([{"peerUri":"sip:a@h","outcome":"missed","unknown":1},
                            {"outcome":"answered"},
                            {"peerUri":"sip:b@h"}])");
        phone::CallHistoryModel history(path);
        const QString warning = history.load();
        QVERIFY(warning.contains(QStringLiteral("1 unreadable")));
        QCOMPARE(history.rowCount(), 2);
        QCOMPARE(history.entries().at(0).outcome, QStringLiteral("missed"));
        QCOMPARE(history.entries().at(1).durationMs, 0);

        writeFile(path, R"({"version":1,"calls":[{"peerUri":"sip:a@h"},)");  // cut short
        const QString damaged = history.load();
        QVERIFY(damaged.contains(QStringLiteral("damaged")));
        QCOMPARE(history.rowCount(), 0);
    }

    void contactsEditAndPersist() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("contacts.json"));
        {
            phone::ContactsModel contacts(path);
            contacts.addContact({QStringLiteral("Carol"), QStringLiteral("1003")});
            contacts.addContact({QStringLiteral("Dave"), QStringLiteral("sip:dave@example.org")});
            QVERIFY(contacts.setData(contacts.index(0, phone::ContactsModel::Target),
                                     QStringLiteral("carol")));
            QVERIFY(!contacts.setData(contacts.index(0, phone::ContactsModel::Target),
                                      QStringLiteral("  ")));  // a contact keeps a target
            QVERIFY(contacts.removeRows(1, 1));
            QVERIFY(contacts.saveError().isEmpty());
        }
        phone::ContactsModel reloaded(path);
        QVERIFY(reloaded.load().isEmpty());
        QCOMPARE(reloaded.contacts(),
                 (QList<phone::Contact>{{QStringLiteral("Carol"), QStringLiteral("carol")}}));
        QCOMPARE(reloaded.nameFor(QStringLiteral("sip:carol@127.0.0.1:5080")),
                 QStringLiteral("Carol"));
    }

    void settingsFileRoundTripAndTolerance() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("settings.json"));
        phone::PhoneConfig config;
        engine::AccountConfig account;
        account.displayName = QStringLiteral("Bob");
        account.user = QStringLiteral("bob");
        account.domain = QStringLiteral("127.0.0.1:5080");
        account.transport = engine::Transport::Tcp;
        account.registerIntervalS = 0;
        account.allowTransfers = false;
        config.accounts << account;
        config.audio = {QStringLiteral("mic-1"), QStringLiteral("speaker-2")};
        config.ringtoneEnabled = false;
        QVERIFY(phone::savePhoneConfig(path, config).isEmpty());
        const phone::PhoneConfigLoad loaded = phone::loadPhoneConfig(path);
        QVERIFY(loaded.warning.isEmpty());
        QCOMPARE(loaded.config, config);
        QFile saved(path);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QVERIFY(!saved.readAll().contains("password"));

        writeFile(path, R"({"accounts":[{"user":"x"},{"user":"y","domain":"h"}]})");
        const phone::PhoneConfigLoad partial = phone::loadPhoneConfig(path);
        QCOMPARE(partial.config.accounts.size(), 1);
        QCOMPARE(partial.config.accounts.first().registerIntervalS, 600);  // default
        QVERIFY(partial.config.ringtoneEnabled);
        QVERIFY(partial.warning.contains(QStringLiteral("skipped")));
    }

    void passwordFileFallbackIsLabelledAndPrivate() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("passwords-unencrypted.json"));
        phone::PasswordStore store(path, phone::PasswordStore::Backend::File);
        QVERIFY(store.backendDescription().contains(QStringLiteral("UNENCRYPTED")));
        QVERIFY(store.backendDescription().contains(path));
        QString writeError = QStringLiteral("not called");
        store.write(QStringLiteral("sip:bob@h"), QStringLiteral("s3cret"),
                    [&](const QString &error) { writeError = error; });
        QVERIFY(writeError.isEmpty());
        QCOMPARE(QFile::permissions(path) & (QFile::ReadGroup | QFile::ReadOther),
                 QFileDevice::Permissions());
        QString password;
        store.read(QStringLiteral("sip:bob@h"),
                   [&](const QString &value, const QString &) { password = value; });
        QCOMPARE(password, QStringLiteral("s3cret"));
        store.remove(QStringLiteral("sip:bob@h"));
        store.read(QStringLiteral("sip:bob@h"),
                   [&](const QString &value, const QString &) { password = value; });
        QVERIFY(password.isEmpty());
    }

    void keychainOrLabelledFallback() {
        // Test machines run no keychain service: the store must notice, say so, and still keep
        // the password. Where a keychain answers, the password must round-trip through it.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("passwords-unencrypted.json"));
        phone::PasswordStore store(path, phone::PasswordStore::Backend::Keychain);
        QSignalSpy switched(&store, &phone::PasswordStore::backendChanged);
        const QString account = QStringLiteral("sip:keychain-test@%1").arg(qApp->applicationPid());
        bool written = false;
        QString writeError;
        store.write(account, QStringLiteral("k3y"), [&](const QString &error) {
            written = true;
            writeError = error;
        });
        QTRY_VERIFY_WITH_TIMEOUT(written, 30000);
        QVERIFY2(writeError.isEmpty(), qPrintable(writeError));
        if (store.backend() == phone::PasswordStore::Backend::File) {
            QCOMPARE(switched.count(), 1);
            QVERIFY(store.backendDescription().contains(QStringLiteral("UNENCRYPTED")));
            QVERIFY(store.backendDescription().contains(QStringLiteral("keychain failed")));
            QVERIFY(QFile::exists(path));
        } else {
            QVERIFY(!QFile::exists(path));  // nothing in clear text when the keychain works
        }
        QString password;
        bool read = false;
        store.read(account, [&](const QString &value, const QString &) {
            password = value;
            read = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(read, 30000);
        QCOMPARE(password, QStringLiteral("k3y"));
        store.remove(account);
    }

    void ringToneIsAValidLoopableWav() {
        const QByteArray wav = phone::ringToneWav();
        QVERIFY(wav.startsWith("RIFF"));
        QCOMPARE(wav.mid(8, 8), QByteArray("WAVEfmt "));
        QCOMPARE(qFromLittleEndian<quint32>(wav.constData() + 24), quint32(phone::ringSampleRate));
        const quint32 dataBytes = qFromLittleEndian<quint32>(wav.constData() + 40);
        QCOMPARE(qsizetype(dataBytes) + 44, wav.size());
        QCOMPARE(dataBytes, quint32(3.0 * phone::ringSampleRate * 2));  // one 3 s cycle
        // Sound in the first burst, silence in the pause.
        const auto sample = [&](double seconds) {
            return qFromLittleEndian<qint16>(wav.constData() + 44 +
                                             2 * int(seconds * phone::ringSampleRate));
        };
        int loud = 0;
        for (int i = 0; i < 200; ++i) {
            loud = qMax(loud, qAbs(int(sample(0.1 + i / 16000.0))));
        }
        QVERIFY(loud > 10000);
        QCOMPARE(sample(2.0), qint16(0));
    }

    void telUrisBecomeNumbers() {
        QCOMPARE(phone::telUriToNumber(QStringLiteral("tel:+1-555-0100;phone-context=x")),
                 QStringLiteral("+1-555-0100"));
        QCOMPARE(phone::completeTarget(QStringLiteral("tel:+1 555 0100"), QStringLiteral("h")).uri,
                 QStringLiteral("sip:+15550100@h"));
        QVERIFY(!phone::completeTarget(QStringLiteral("tel:"), QStringLiteral("h")).isValid());
        QCOMPARE(phone::completeTarget(QStringLiteral("carol"), QStringLiteral("h")).uri,
                 QStringLiteral("sip:carol@h"));
        QCOMPARE(phone::userPartOf(QStringLiteral("<sip:carol@h:5060>")), QStringLiteral("carol"));
    }
};

QTEST_MAIN(PhoneStorageTest)
#include "tst_phone_storage.moc"

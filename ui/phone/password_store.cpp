#include "ui/phone/password_store.h"

#include "ui/phone/json_file.h"

#include <QFile>
#include <QJsonObject>
#include <qt6keychain/keychain.h>

namespace phone {
namespace {

const QString serviceName = QStringLiteral("ReferPhone");

// Errors that mean "there is no keychain here", as opposed to "this entry is missing".
bool keychainUnavailable(QKeychain::Error error) {
    return error == QKeychain::NoBackendAvailable || error == QKeychain::NotImplemented ||
           error == QKeychain::OtherError || error == QKeychain::AccessDenied;
}

}  // namespace

PasswordStore::PasswordStore(QString fallbackPath, Backend preferred, QObject *parent)
    : QObject(parent), fallbackPath_(std::move(fallbackPath)), backend_(preferred) {
    if (preferred == Backend::File) {
        fallbackReason_ = tr("file storage was asked for (REFERPHONE_PASSWORDS=file)");
    }
}

QString PasswordStore::backendDescription() const {
    if (backend_ == Backend::Keychain) {
        return tr("Passwords are kept in the system keychain.");
    }
    return tr("Passwords are stored UNENCRYPTED in %1 (readable by your user only) because "
              "no keychain is used: %2.")
        .arg(fallbackPath_, fallbackReason_);
}

void PasswordStore::fallBackToFile(const QString &why) {
    backend_ = Backend::File;
    fallbackReason_ = why;
    emit backendChanged(backend_, why);
}

void PasswordStore::write(const QString &account, const QString &password, WriteDone done) {
    if (backend_ == Backend::File) {
        done(fileWrite(account, password));
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(serviceName, this);  // deletes itself
    job->setKey(account);
    job->setTextData(password);
    connect(job, &QKeychain::Job::finished, this, [this, job, account, password, done] {
        if (job->error() == QKeychain::NoError) {
            fileWrite(account, {});  // no stale copy left in the file
            done({});
        } else if (keychainUnavailable(job->error())) {
            fallBackToFile(tr("the keychain failed (%1)").arg(job->errorString()));
            done(fileWrite(account, password));
        } else {
            done(tr("The keychain did not store the password: %1").arg(job->errorString()));
        }
    });
    job->start();
}

void PasswordStore::read(const QString &account, ReadDone done) {
    if (backend_ == Backend::File) {
        QString password;
        const QString error = fileRead(account, &password);
        done(password, error);
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(serviceName, this);
    job->setKey(account);
    connect(job, &QKeychain::Job::finished, this, [this, job, account, done] {
        if (job->error() == QKeychain::NoError) {
            done(job->textData(), {});
        } else if (job->error() == QKeychain::EntryNotFound) {
            // Written while the keychain was unavailable? Then it is in the file.
            QString password;
            const QString error = fileRead(account, &password);
            done(password, error);
        } else if (keychainUnavailable(job->error())) {
            fallBackToFile(tr("the keychain failed (%1)").arg(job->errorString()));
            QString password;
            const QString error = fileRead(account, &password);
            done(password, error);
        } else {
            done({}, tr("The keychain did not give the password: %1").arg(job->errorString()));
        }
    });
    job->start();
}

void PasswordStore::remove(const QString &account) {
    fileWrite(account, {});
    if (backend_ == Backend::Keychain) {
        auto *job = new QKeychain::DeletePasswordJob(serviceName, this);
        job->setKey(account);
        job->start();
    }
}

QHash<QString, QString> PasswordStore::readFile(QString *error) const {
    const JsonReadResult read = readJsonFile(fallbackPath_);
    *error = read.error;
    QHash<QString, QString> passwords;
    const QJsonObject entries =
        read.document.object().value(QStringLiteral("passwords")).toObject();
    for (auto it = entries.begin(); it != entries.end(); ++it) {
        passwords.insert(it.key(), it.value().toString());
    }
    return passwords;
}

QString PasswordStore::writeFile(const QHash<QString, QString> &passwords) const {
    QJsonObject entries;
    for (auto it = passwords.begin(); it != passwords.end(); ++it) {
        entries.insert(it.key(), it.value());
    }
    const QJsonObject root{
        {QStringLiteral("warning"),
         QStringLiteral("ReferPhone account passwords, unencrypted: no keychain was available.")},
        {QStringLiteral("passwords"), entries}};
    const QString error = writeJsonFileAtomically(fallbackPath_, QJsonDocument(root));
    if (error.isEmpty()) {
        QFile::setPermissions(fallbackPath_, QFile::ReadOwner | QFile::WriteOwner);
    }
    return error;
}

QString PasswordStore::fileWrite(const QString &account, const QString &password) {
    QString error;
    QHash<QString, QString> passwords = readFile(&error);
    if (password.isEmpty()) {
        if (!passwords.remove(account)) {
            return {};  // nothing to forget; do not create the file for it
        }
    } else {
        passwords.insert(account, password);
    }
    return writeFile(passwords);
}

QString PasswordStore::fileRead(const QString &account, QString *password) const {
    QString error;
    *password = readFile(&error).value(account);
    return error;
}

}  // namespace phone

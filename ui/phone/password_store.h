#pragma once
// Account passwords: in the OS keychain (qtkeychain: Secret Service, KWallet, macOS Keychain,
// Windows Credential Store) when one answers, else in a clearly labelled plain file readable
// only by the user. Where no keychain service runs (headless sessions, tests) the first
// keychain failure switches to the file, and backendDescription() says so in the UI.
#include <QHash>
#include <QObject>
#include <QString>
#include <functional>

namespace phone {

class PasswordStore : public QObject {
    Q_OBJECT
  public:
    enum class Backend { Keychain, File };
    using WriteDone = std::function<void(const QString &error)>;
    using ReadDone = std::function<void(const QString &password, const QString &error)>;

    // `fallbackPath`: the file used without a keychain. `preferred`: File skips the keychain
    // (tests, or REFERPHONE_PASSWORDS=file).
    PasswordStore(QString fallbackPath, Backend preferred, QObject *parent = nullptr);

    Backend backend() const { return backend_; }
    QString fallbackPath() const { return fallbackPath_; }
    // For the settings dialog and the status bar.
    QString backendDescription() const;

    void write(const QString &account, const QString &password, WriteDone done);
    void read(const QString &account, ReadDone done);
    void remove(const QString &account);

  signals:
    void backendChanged(phone::PasswordStore::Backend backend, const QString &why);

  private:
    void fallBackToFile(const QString &why);
    QHash<QString, QString> readFile(QString *error) const;
    QString writeFile(const QHash<QString, QString> &passwords) const;
    QString fileWrite(const QString &account, const QString &password);
    QString fileRead(const QString &account, QString *password) const;

    QString fallbackPath_;
    Backend backend_;
    QString fallbackReason_;
};

}  // namespace phone

#pragma once
// Shared set-up of the phone window tests: a FakeEngine with Alice's account, a session whose
// files live in a temporary folder, and helpers to bring calls into a given state.
#include "engine/fake_engine.h"
#include "ui/phone/accounts_model.h"
#include "ui/phone/call_history_model.h"
#include "ui/phone/contacts_model.h"
#include "ui/phone/calls_model.h"
#include "ui/phone/phone_session.h"

#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QWidget>
#include <QtTest>
#include <memory>

namespace phone_test {

inline engine::AccountConfig aliceAccount() {
    engine::AccountConfig config;
    config.displayName = QStringLiteral("Bob's desk");
    config.user = QStringLiteral("bob");
    config.domain = QStringLiteral("127.0.0.1:5080");
    return config;
}

inline const QString domain = QStringLiteral("127.0.0.1:5080");

// One phone: engine + session over `directory`, accounts added through the session (so the
// settings file and the password store are used like in the app).
struct Phone {
    explicit Phone(const QString &directory, bool addAccount = true)
        : session(&fake, phone::PhonePaths::inDirectory(directory),
                  phone::PasswordStore::Backend::File) {
        session.start();
        if (addAccount) {
            engine::AccountConfig account = aliceAccount();
            account.password = QStringLiteral("secret");
            const engine::EngineError error = session.saveAccount(account);
            if (error.isError()) {
                qWarning("saveAccount: %s", qPrintable(error.message));
            }
        }
    }
    QString aor() const { return aliceAccount().aor(); }
    phone::CallsModel *calls() const { return session.calls(); }

    // An incoming call from `user` ("alice") answered here; waits until the row shows it.
    engine::CallKey establishedCall(const QString &user, const QString &name) {
        const engine::CallKey key =
            fake.injectIncomingCall(aor(), QStringLiteral("sip:%1@%2").arg(user, domain), name);
        if (!QTest::qWaitFor([&] { return calls()->rowOf(key) >= 0; }, 2000)) {
            return {};
        }
        if (session.answer(key).isError()) {
            return {};
        }
        const bool established = QTest::qWaitFor(
            [&] {
                const int row = calls()->rowOf(key);
                return row >= 0 && calls()->row(row).isEstablished();
            },
            2000);
        return established ? key : engine::CallKey{};
    }
    const phone::CallRow *row(const engine::CallKey &key) const {
        const int index = calls()->rowOf(key);
        return index >= 0 ? &calls()->rows().at(index) : nullptr;
    }
    QString rowText(const engine::CallKey &key) const {
        const int index = calls()->rowOf(key);
        return index >= 0 ? calls()->index(index, phone::CallsModel::State).data().toString()
                          : QString();
    }

    engine::FakeEngine fake;
    phone::PhoneSession session;
};

// Saves `widget` as <name>.png in $REFERPHONE_SCREENSHOT_DIR, else in the build tree's
// screenshots/ (a test run never writes into the source tree; resources/screenshots holds
// copies picked by hand).
inline bool saveScreenshot(QWidget *widget, const QString &name) {
    QString folder = qEnvironmentVariable("REFERPHONE_SCREENSHOT_DIR");
    if (folder.isEmpty()) {
        folder = QStringLiteral(REFERPHONE_BINARY_DIR "/screenshots");
    }
    QDir().mkpath(folder);
    return widget->grab().save(QDir(folder).filePath(name + QStringLiteral(".png")));
}

}  // namespace phone_test

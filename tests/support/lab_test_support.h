#pragma once
// The Transfer Lab with its real phones for tests: three BaresipEngines with headless audio
// (no sound card in CI), mini-restcomm in a data dir of the test's own. Header-only: only
// tests that link referphone_ui include it.
#include "ui/lab_phones.h"
#include "ui/lab_window.h"
#include "ui/phone/accounts_model.h"
#include "ui/phone/phone_session.h"

#include <QtTest>

namespace rptest {

inline ui::LabEngineFactory headlessLabPhones() {
    return [](const QString &) { return ui::baresipLabPhone(engine::AudioMode::Headless); };
}

inline bool labPhoneRegistered(phone::PhoneSession *session) {
    phone::AccountsModel *accounts = session->accounts();
    return accounts->rowCount() == 1 &&
           accounts->state(0).registration == engine::RegistrationState::Registered;
}

// Starts the Lab's server in `dataDir` and waits for its three phones to register. QtTest
// style: on failure the current test has failed (check QTest::currentTestFailed()).
inline void startLabWithRegisteredPhones(ui::LabWindow &window, const QString &dataDir) {
    window.launcher().setDataDir(dataDir);
    window.show();
    window.startServer();
    QTRY_VERIFY_WITH_TIMEOUT(window.launcher().isReady(), 10000);
    QCOMPARE(window.phones().count(), 3);
    QTRY_VERIFY_WITH_TIMEOUT(labPhoneRegistered(window.phones().session("alice")) &&
                                 labPhoneRegistered(window.phones().session("bob")) &&
                                 labPhoneRegistered(window.phones().session("carol")),
                             15000);
}

}  // namespace rptest

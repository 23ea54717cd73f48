#include "ui/lab_phones.h"

#include "engine/baresip_engine.h"

#include "ui/phone/phone_session.h"
#include "ui/phone/phone_window.h"

#include <QHBoxLayout>
#include <QJsonArray>
#include <QWidget>

namespace ui {

LabPhoneEngine baresipLabPhone(engine::AudioMode audio) {
    engine::BaresipSettings settings;
    settings.audio = audio;
    auto baresip = std::make_unique<engine::BaresipEngine>(settings);
    const engine::BaresipEngine *raw = baresip.get();
    return {std::move(baresip), [raw] {
                return raw->ports().sip == 0 ? QString()
                                             : QStringLiteral("%1:%2")
                                                   .arg(raw->settings().listenAddress)
                                                   .arg(raw->ports().sip);
            }};
}

namespace {

QJsonObject errorResponse(const QString &error) {
    return {{QStringLiteral("ok"), false}, {QStringLiteral("error"), error}};
}

QString laneName(const QString &name) {
    return name.left(1).toUpper() + name.mid(1);
}

}  // namespace

// Destruction order matters: the panel uses the session, the session uses the engine.
struct LabPhones::Phone {
    QString name;
    QTemporaryDir profile;  // settings, history and the password file of this Lab run only
    LabPhoneEngine engine;
    std::unique_ptr<phone::PhoneSession> session;
    QPointer<phone::PhoneWindow> panel;  // child of the Lab's phone row

    ~Phone() {
        delete panel.data();
        session.reset();
        engine.engine.reset();
    }
};

LabPhones::LabPhones(LabEngineFactory factory, QObject *parent)
    : QObject(parent), factory_(std::move(factory)) {}

LabPhones::~LabPhones() = default;

QStringList LabPhones::names() {
    return {QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("carol")};
}

QStringList LabPhones::extraTargets() {
    return {QStringLiteral("carol"), QStringLiteral("bob"), QStringLiteral("alice"),
            QStringLiteral("1001"), QStringLiteral("1002")};
}

void LabPhones::clear() {
    phones_.clear();
}

void LabPhones::create(const QString &sipHostPort, QWidget *host) {
    clear();
    if (!factory_) {
        return;
    }
    auto *layout = qobject_cast<QHBoxLayout *>(host->layout());
    if (!layout) {
        layout = new QHBoxLayout(host);
        layout->setContentsMargins(0, 0, 0, 0);
    }
    for (const QString &name : names()) {
        auto phone = std::make_unique<Phone>();
        phone->name = name;
        phone->engine = factory_(name);
        // The Lab's phones keep nothing between runs: files in a temporary profile, the
        // password in its file store (no keychain prompts for test accounts).
        phone->session = std::make_unique<phone::PhoneSession>(
            phone->engine.engine.get(), phone::PhonePaths::inDirectory(phone->profile.path()),
            phone::PasswordStore::Backend::File, name);
        auto *panel = new phone::PhoneWindow(phone->session.get(), host);
        panel->setWindowFlags(Qt::Widget);  // a panel in the Lab, not a window of its own
        panel->setWindowTitle(laneName(name));
        panel->setExtraTargets(extraTargets());
        layout->addWidget(panel, 1);
        phone->panel = panel;
        phone->session->start();
        engine::AccountConfig account;
        account.displayName = laneName(name);
        account.user = name;
        account.domain = sipHostPort;
        account.password = name + QStringLiteral("123");  // the Lab configuration's users
        const engine::EngineError added = phone->session->saveAccount(account);
        if (added.isError()) {
            emit phone->session->problem(added.message);
        }
        panel->show();
        phones_.push_back(std::move(phone));
    }
}

LabPhones::Phone *LabPhones::find(const QString &name) const {
    for (const auto &phone : phones_) {
        if (phone->name.compare(name, Qt::CaseInsensitive) == 0) {
            return phone.get();
        }
    }
    return nullptr;
}

phone::PhoneSession *LabPhones::session(const QString &name) const {
    const Phone *phone = find(name);
    return phone ? phone->session.get() : nullptr;
}

phone::PhoneWindow *LabPhones::panel(const QString &name) const {
    const Phone *phone = find(name);
    return phone ? phone->panel.data() : nullptr;
}

void LabPhones::addLanes(flow::LaneMap *lanes) const {
    for (const auto &phone : phones_) {
        const QString address = phone->engine.sipAddress ? phone->engine.sipAddress() : QString();
        if (!address.isEmpty()) {
            lanes->setLane(address, laneName(phone->name));
        }
    }
}

QJsonObject LabPhones::handleRequest(const phone::InstanceRequest &request) {
    using Command = phone::InstanceRequest::Command;
    if (phones_.empty()) {
        return errorResponse(
            tr("The Lab's phones are not up: mini-restcomm is not running "
               "(start it in the Transfer Lab window)."));
    }
    if (request.phone.isEmpty()) {
        if (request.command == Command::Status) {
            QJsonArray list;
            for (const auto &phone : phones_) {
                list.append(phone->session->phoneStatusJson());
            }
            return {{QStringLiteral("ok"), true}, {QStringLiteral("phones"), list}};
        }
        return errorResponse(tr("The Lab runs three phones: say which with --phone %1.")
                                 .arg(names().join(QLatin1Char('|'))));
    }
    Phone *phone = find(request.phone);
    if (!phone) {
        return errorResponse(tr("There is no phone named \"%1\" in the Lab (its phones: %2).")
                                 .arg(request.phone, names().join(QStringLiteral(", "))));
    }
    phone::InstanceRequest forPhone = request;
    forPhone.phone = phone->name;  // --phone Bob works like --phone bob
    return phone->session->handleRequest(forPhone);
}

}  // namespace ui

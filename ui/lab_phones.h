#pragma once
// The Transfer Lab's three phones (Alice, Bob, Carol): each its own engine and PhoneSession,
// registered with digest auth at the Lab's mini-restcomm, shown with the normal phone window
// embedded as a panel. The command line reaches them through handleRequest() with --phone.
#include "engine/baresip_config.h"
#include "engine/engine.h"
#include "flow/lane_map.h"
#include "ui/phone/instance_protocol.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTemporaryDir>
#include <functional>
#include <memory>
#include <vector>

class QWidget;

namespace phone {
class PhoneSession;
class PhoneWindow;
}  // namespace phone

namespace ui {

// An engine for one Lab phone plus where it listens for SIP. The address is asked for after
// the engine started, because BaresipEngine picks its free port at start.
struct LabPhoneEngine {
    std::unique_ptr<engine::Engine> engine;
    std::function<QString()> sipAddress;  // "127.0.0.1:40001"; empty when unknown
};
// Called once per phone with its lower-case name ("alice"); the real app makes BaresipEngines,
// tests pass FakeEngines.
using LabEngineFactory = std::function<LabPhoneEngine(const QString &name)>;

// The real Lab phone: a BaresipEngine on a free SIP port of 127.0.0.1 with a temporary config
// dir of its own, using `audio` (headless where there is no sound device, and in tests).
LabPhoneEngine baresipLabPhone(engine::AudioMode audio);

class LabPhones : public QObject {
    Q_OBJECT
  public:
    explicit LabPhones(LabEngineFactory factory, QObject *parent = nullptr);
    ~LabPhones() override;

    // The Lab's phones, in lane order.
    static QStringList names();  // {"alice", "bob", "carol"}
    // Names the transfer dialog offers besides typed addresses.
    static QStringList extraTargets();

    // (Re)creates the three phones registered at `sipHostPort`, their panels inside `host`
    // (a horizontal layout is set on it when it has none).
    void create(const QString &sipHostPort, QWidget *host);
    void clear();
    bool isEmpty() const { return phones_.empty(); }
    int count() const { return static_cast<int>(phones_.size()); }
    phone::PhoneSession *session(const QString &name) const;
    phone::PhoneWindow *panel(const QString &name) const;
    // Each phone's SIP address -> "Alice"/"Bob"/"Carol".
    void addLanes(flow::LaneMap *lanes) const;
    // The instance protocol in Lab mode: "phone" picks the phone; status without one lists all.
    QJsonObject handleRequest(const phone::InstanceRequest &request);

  private:
    struct Phone;
    Phone *find(const QString &name) const;

    LabEngineFactory factory_;
    std::vector<std::unique_ptr<Phone>> phones_;
};

}  // namespace ui

#pragma once
// REGISTER handling: digest-authenticated bindings per client (several contacts each, expiry,
// un-REGISTER, Contact: *). Answers every REGISTER it is given.
#include "restcomm/digest_auth.h"
#include "restcomm/registrations.h"

struct sip;
struct sip_msg;

namespace mrc {

class EventSink;

class Registrar {
  public:
    Registrar(struct sip *sip, const DigestAuth &auth, EventSink *events);

    void handleRegister(const struct sip_msg *msg);
    RegistrationTable &table() { return table_; }
    const RegistrationTable &table() const { return table_; }

    static constexpr qint64 kDefaultExpiresSecs = 3600;
    static constexpr qint64 kMinExpiresSecs = 10;
    static constexpr qint64 kMaxExpiresSecs = 86400;

  private:
    void publish(const QString &login, const QString &what, const QString &detail);

    struct sip *sip_;
    const DigestAuth &auth_;
    EventSink *events_;
    RegistrationTable table_;
};

qint64 monotonicMs();  // the registrar's clock

}  // namespace mrc

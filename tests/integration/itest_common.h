#pragma once
// Small helpers shared by the integration tests: the --config document and call outcomes.
#include "sip_udp_peer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace itest {

inline QJsonObject client(const QString &login, const QString &password) {
    return {{"login", login}, {"password", password}, {"friendly_name", login}};
}

inline QJsonObject number(const QString &phoneNumber, const QString &voiceUrl,
                          const QString &voiceMethod = QStringLiteral("POST"),
                          const QString &fallbackUrl = {}) {
    QJsonObject object{
        {"phone_number", phoneNumber}, {"voice_url", voiceUrl}, {"voice_method", voiceMethod}};
    if (!fallbackUrl.isEmpty()) {
        object.insert("voice_fallback_url", fallbackUrl);
        object.insert("voice_fallback_method", "POST");
    }
    return object;
}

inline QByteArray config(const QJsonArray &clients, const QJsonArray &numbers,
                         const QJsonArray &rvdProjects = {}) {
    QJsonObject document{
        {"referphone_config", 1}, {"clients", clients}, {"incoming_phone_numbers", numbers}};
    if (!rvdProjects.isEmpty()) {
        document.insert("rvd_projects", rvdProjects);
    }
    return QJsonDocument(document).toJson();
}

// A call "ends cleanly": a final error response, or 200 and then the server's BYE.
inline bool endedCleanly(const rptest::InviteOutcome &outcome) {
    return outcome.finalStatus >= 300 || (outcome.finalStatus == 200 && outcome.gotBye);
}

inline QString describe(const rptest::InviteOutcome &outcome) {
    return QStringLiteral("final=%1 bye=%2\n%3")
        .arg(outcome.finalStatus)
        .arg(outcome.gotBye)
        .arg(QString::fromUtf8(outcome.transcript.right(3000)));
}

// Events of `type` in a /events.json answer.
inline QList<QJsonObject> eventsOfType(const QJsonArray &events, const QString &type) {
    QList<QJsonObject> out;
    for (const QJsonValue &event : events) {
        if (event.toObject().value("type").toString() == type) {
            out << event.toObject();
        }
    }
    return out;
}

}  // namespace itest

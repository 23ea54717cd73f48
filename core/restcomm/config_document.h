#pragma once
// ReferPhone's own configuration/export document (pure parsing, no I/O):
//
//   {"referphone_config": 1,
//    "clients": [{"login": "alice", "password": "1234", "friendly_name": "Alice", ...}],
//    "applications": [{"sid": "AP...", "friendly_name": "...", "rcml_url": "...", "kind":
//    "voice"}], "incoming_phone_numbers": [{snake_case fields as the REST API prints them}],
//    "rvd_projects": [{"name": "transfer", "state": {RVD project state}}]}
//
// The numbers part may also be given alone as Restcomm prints it: an IncomingPhoneNumbers
// page ({"incomingPhoneNumbers": [...]}, or Twilio's "incoming_phone_numbers"), a bare array,
// or a single number object. Output-only keys (uri, account_sid, api_version, dates,
// *_application_name) are ignored. Parsing is all or nothing and every error names the entry
// and the field, e.g. "incoming_phone_numbers[2] (1112): voice_url: not an http(s) URL or app
// name".
#include "restcomm/store_types.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <variant>

namespace mrc {

class Store;

struct RvdProject {
    QString name;       // RVD project (application) name, ^[A-Za-z0-9_-]+$
    QJsonObject state;  // RVD project state, carried through untouched

    bool operator==(const RvdProject &) const = default;
};

struct ConfigDocument {
    QList<Client> clients;  // password holds the clear password; sid may be empty
    QList<Application> applications;
    QList<IncomingNumber> numbers;  // sid may be empty
    QList<RvdProject> rvdProjects;
};

inline constexpr int kConfigFormatVersion = 1;

std::variant<ConfigDocument, QString> parseConfig(const QByteArray &json);

// The store as a referphone_config document (clear client passwords included, so the file
// can be imported again; treat it as a secret). `rvdProjects` are written as given.
QByteArray exportConfig(const Store &store, const QList<RvdProject> &rvdProjects = {});

}  // namespace mrc

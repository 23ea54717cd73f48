#pragma once
// Checks import entries against the server's current numbers and applications, and turns the
// entries the user kept into REST steps, each with the step that undoes it. Pure functions.
#include "numberconfig/number_entry.h"

#include <QSet>

#include <variant>

namespace numcfg {

// Server-side problems of one entry: an *ApplicationSid the server does not have.
QList<Issue> checkAgainstServer(const NumberEntry &entry, const ServerSnapshot &server);

struct ApplyStep {
    enum class Kind { Create, Replace };
    Kind kind = Kind::Create;
    int row = 0;  // index into ImportDocument::entries
    QString location;
    QString phoneNumber;
    QString sid;             // Replace: the server number replaced
    FormParams form;         // what is sent
    FormParams restoreForm;  // Replace: the server's previous values (the undo)
};

// Form for creating `entry`: only the fields the file sets.
FormParams createForm(const NumberEntry &entry);
// Form for replacing a server number by `entry`: every field, unset ones sent empty (which the
// API reads as "clear"; booleans as false), so nothing of the old number survives.
FormParams replaceForm(const NumberEntry &entry);
// Form that puts a number back as the server listed it.
FormParams restoreForm(const QJsonObject &serverJson);

// The steps, in file order, for all entries; existing numbers are replaced when their row is
// in `replaceRows` and skipped otherwise. Fails (with every issue) when any entry has one.
std::variant<QList<ApplyStep>, QList<Issue>> buildPlan(const ImportDocument &document,
                                                       const ServerSnapshot &server,
                                                       const QSet<int> &replaceRows);

}  // namespace numcfg
